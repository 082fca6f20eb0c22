#!/usr/bin/env bash
# Soak: the browser open on a 20 MB corpus while a writer appends 10,000 records in
# bursts (lines cut in two across writes), then truncates the file, rewrites it in place
# at the same size, deletes it and creates it again, with keys sent throughout. No crash,
# no hang (every step polls with a deadline); at the end the live screen equals a fresh
# `dateline screen` of the final files, and `dateline list` (cached) equals a cache-free
# run with the expected count.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/synth-corpus.sh"
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT
BASE=$(synth_corpus 33000) || { echo "soak-test: cannot generate the corpus"; exit 1; }
DATA="$WORK/data"
mkdir -p "$DATA" "$WORK/config" "$WORK/state"
cp "$BASE"/*.json "$BASE"/*.jsonl "$DATA/"
F="$DATA/records.jsonl"
ORIGINAL="$WORK/original.jsonl"
cp "$F" "$ORIGINAL"
# 10,000 new records: the first lines of the corpus under new ids (same parties and sources).
head -n 10000 "$ORIGINAL" | sed -E 's/^\{"id":"r([0-9]+)"/{"id":"soak\1"/' >"$WORK/new.jsonl"
export XDG_CACHE_HOME="$WORK/cache" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config"
ENVS="XDG_CACHE_HOME='$XDG_CACHE_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"

start 100 30
keys "clear; $ENVS '$BIN' --data '$DATA'" Enter
expect "browser up on the 20 MB corpus" ' 33000/33000 ' 90
PID=$(child_pid)
alive() { kill -0 "$PID" 2>/dev/null || { fail "the browser died ($1)"; finish; exit 1; }; }
# answers: send a few keys, then open and close the help (the UI is not hung).
answers() {
  keys j G k PageUp Enter j Escape Escape o Escape Escape Escape
  keys '?'
  expect "keys answered ($1)" 'any key closes' 60
  keys Escape
  expect_gone "the help closes ($1)" 'any key closes' 60
  alive "$1"
}

# Appends in 10 bursts of 1,000 lines; each burst's last line goes in two writes.
for burst in $(seq 0 9); do
  from=$((burst * 1000 + 1))
  sed -n "${from},$((from + 998))p" "$WORK/new.jsonl" >>"$F"
  last=$(sed -n "$((from + 999))p" "$WORK/new.jsonl")
  printf '%s' "${last:0:40}" >>"$F"
  answers "burst $((burst + 1)), a line half written"
  printf '%s\n' "${last:40}" >>"$F"
done
expect "all 10,000 appended records shown" ' 43000/43000 ' 90
keys R
expect "R reloads on demand" 'reloaded: no change' 60
answers "after the appends"
SIZE=$(stat -c %s "$F")

: >"$F"
expect "truncated: no records" ' 0/0 ' 60
answers "after truncating"

# The same size in place (same inode): every appended record gets another id of the same length.
sed 's/^{"id":"soak/{"id":"kaos/' "$ORIGINAL" "$WORK/new.jsonl" >"$WORK/rewrite.jsonl"
cat "$WORK/rewrite.jsonl" >"$F"
[ "$(stat -c %s "$F")" = "$SIZE" ] && ok "rewritten at the same size" || fail "rewrite size $(stat -c %s "$F") != $SIZE"
expect "rewritten in place: all records back" ' 43000/43000 ' 90
answers "after the rewrite"

rm "$F"
expect "deleted: no records" ' 0/0 ' 60
answers "after deleting"

{ cat "$ORIGINAL"; head -n 500 "$WORK/new.jsonl"; } >"$WORK/final.jsonl"
cp "$WORK/final.jsonl" "$F"
expect "re-created: the final records" ' 33500/33500 ' 90
alive "after re-creating"

# The writer has stopped: the live screen is a fresh load's, top and bottom.
for k in g G; do
  keys Escape Escape 0 "$k"
  want=$("$BIN" screen --data "$DATA" --size 100x30 --keys "$k" | sed -E 's/ +$//')
  if wait_for ' (1|33500) of 33500 ' 30 && [ "$(screen | sed -E 's/ +$//')" = "$want" ]; then
    ok "the screen after $k equals a fresh load of the final files"
  else
    fail "the screen after $k differs from a fresh load"
    echo "---- fresh:"
    echo "$want" | sed 's/^/    | /'
  fi
done
cached=$("$BIN" list --data "$DATA" --format jsonl | md5sum)
fresh=$(DATELINE_CACHE=0 "$BIN" list --data "$DATA" --format jsonl | md5sum)
count=$("$BIN" list --data "$DATA" --format jsonl | wc -l)
[ "$cached" = "$fresh" ] && ok "list equals a cache-free list" || fail "list differs from a cache-free list"
[ "$count" = 33500 ] && ok "list has the final 33,500 records" || fail "list has $count records"
keys Q
keys 'echo EXIT=$?' Enter
expect "Q quits after the soak" '^EXIT=0'
finish
