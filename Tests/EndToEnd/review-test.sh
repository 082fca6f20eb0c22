#!/usr/bin/env bash
# Reviewing drafts: `dateline review` opens a drafts file alone; x rejects a draft, u
# undoes it, s accepts one, which lands in the records file exactly once and validates;
# `dateline --data DIR` then shows the record once and the other drafts marked as drafts.
source "$(dirname "$0")/lib.sh"

DIR=$(mktemp -d /tmp/dateline-review-XXXXXX)
trap 'cleanup; rm -rf "$DIR"' EXIT
cp -r "$ROOT/Data" "$DIR/D"
cat >"$DIR/article.txt" <<'TEXT'
Truce talks resume in Cairo

Qatari mediators said on Tuesday that Israel and Hamas had agreed to extend the pause.

Hamas denied on Monday that it had rejected the proposal, according to a source familiar with the talks.

The talks will resume on Friday, officials said.
TEXT
"$BIN" draft "$DIR/article.txt" --published 2023-12-13 --data "$DIR/D" --outlet Test --source-id test-talks >/dev/null 2>&1 \
  || { echo "$NAME: dateline draft failed"; exit 1; }

start 120 30
keys "$BIN review $DIR/D/drafts/test-talks.jsonl --data $DIR/D; echo EXIT=\$?" Enter
expect "the drafts open alone, marked as drafts" 'draft Hamas denied on Monday'
expect "the status line names the review keys" 'draft: s accept  x reject'
expect "three drafts, none of the records" ' 3/3 '

# The first row (Monday) is rejected, and the reject undone.
keys x
expect "x rejects the selected draft" 'rejected test-talks-d002 \(u undoes\)'
expect "the row says rejected" 'rejected Hamas denied'
keys u
expect "u undoes the reject" 'test-talks-d002 is back for review'
expect "the row is a draft again" 'draft Hamas denied'

# The second (Tuesday) is accepted.
keys j
expect "the next draft is selected" '▸.*draft Qatari mediators'
keys s
expect "s accepts it into the records file" 'accepted test-talks-d001 into'
expect "after the reload the accepted draft leaves the review" ' 2/2 '
keys q
expect "the browser quits" 'EXIT=0'

lines=$(grep -c . "$DIR/D/test-talks.jsonl" 2>/dev/null || echo 0)
if [ "$lines" = 1 ] && grep -q '"id":"test-talks-d001"' "$DIR/D/test-talks.jsonl" && ! grep -q x_draft "$DIR/D/test-talks.jsonl"; then
  ok "the records file holds exactly the accepted draft"
else
  fail "records file: $(cat "$DIR/D/test-talks.jsonl" 2>&1)"
fi
if grep -q '"decision":"accepted"' "$DIR/D/drafts/test-talks.review.log" && grep -q '"decision":"reopened"' "$DIR/D/drafts/test-talks.review.log"; then
  ok "the review log keeps the reject, its undo and the accept"
else
  fail "review log: $(cat "$DIR/D/drafts/test-talks.review.log" 2>&1)"
fi
if "$BIN" validate --data "$DIR/D" >/dev/null 2>&1; then ok "dateline validate passes"; else fail "validate: $("$BIN" validate --data "$DIR/D" 2>&1 | head -5)"; fi

# The browser over the directory: the record once, the two other drafts marked.
keys clear Enter "$BIN --data $DIR/D --no-follow; echo EXIT=\$?" Enter
expect "the browser shows the waiting drafts beside the records" 'draft Hamas denied'
n=$(screen | grep -c 'Qatari mediators said on Tuesday')
if [ "$n" = 1 ] && ! screen | grep -q 'draft Qatari mediators'; then ok "the accepted record shows once, not as a draft"; else fail "accepted record shown $n times"; fi
keys q
expect "the browser quits again" 'EXIT=0'

# Hostile files: a FIFO planted as the review log and as the records file. Nothing may
# open them blocking; x and s say why and the drafts stay.
rm -f "$DIR/D/drafts/test-talks.review.log"
mkfifo "$DIR/D/drafts/test-talks.review.log" "$DIR/D/fifo.jsonl"
keys clear Enter "$BIN review $DIR/D/drafts/test-talks.jsonl --data $DIR/D --into $DIR/D/fifo.jsonl --no-follow; echo EXIT=\$?" Enter
expect "a FIFO as the review log does not stop the review" 'draft Hamas denied'
keys x
expect "x on a FIFO log says why" 'rejected not written: .*not a regular file'
keys s
expect "s into a FIFO records file says why" 'accepted not written: .*not a regular file'
keys q
expect "the browser quits after the refusals" 'EXIT=0'
finish
