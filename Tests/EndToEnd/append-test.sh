#!/usr/bin/env bash
# Lines appended to a .jsonl while the browser is open are read alone (only the new bytes,
# validated like the rest): bursts of 12 records show as "+12 records, 0 changed, 0
# removed, 0 errors", a last line written in two parts waits for its newline, the
# selection and the marks stay, and DATELINE_RELOAD_LOG says that no burst was a full
# load; a line with an error is shown as one, and the change after it loads everything.
source "$(dirname "$0")/lib.sh"
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA"
cp -r "$ROOT/Data/." "$DATA/"
F="$DATA/today.jsonl"
LOG="$WORK/reload.log"
n=0
burst() {  # burst COUNT: COUNT records dated after the seed's, one line each
  for _ in $(seq "$1"); do
    n=$((n + 1))
    printf '{"id":"append-%s","date":"2024-03-%02d","kind":"event","parties":[{"id":"hamas","role":"actor"}],"headline":"Appended record %s","source":"cnn-hostage-talks"}\n' \
      "$n" $((n % 28 + 1)) "$n"
  done
}
burst 1 >"$F"

start 100 30
ENVS="XDG_CACHE_HOME='$WORK/cache' DATELINE_RELOAD_LOG='$LOG'"
keys "clear; $ENVS '$BIN' --data '$DATA'" Enter
expect "browser up" ' 25/25 '
keys j j j m
expect "the fourth record selected and marked" '4 of 25'

burst 12 >>"$F"
expect "a burst of 12 is read" '\+12 records, 0 changed, 0 removed, 0 errors'
expect "37 records shown" ' 37/37 '
expect "the selection stays" '4 of 37'

# A burst whose last line is written in two parts: 11 records, then the 12th.
burst 12 >"$WORK/b"
head -n 11 "$WORK/b" >>"$F"
last=$(tail -n 1 "$WORK/b")
printf '%s' "${last:0:50}" >>"$F"
expect "the whole lines are read" ' 48/48 '
printf '%s\n' "${last:50}" >>"$F"
expect "the cut line is read once whole" ' 49/49 '
expect "it says +1" '\+1 record, 0 changed, 0 removed, 0 errors'
keys G
expect "the last appended record is there" 'Appended record 25'
keys g "'"
expect "the mark survived (' jumps to it)" '4 of 49'

if grep -q '^full load' "$LOG"; then
  fail "a burst was loaded whole: $(tr '\n' '|' <"$LOG")"
elif [ "$(grep -c '^appended lines read alone' "$LOG")" -ge 3 ]; then
  ok "every burst was read alone"
else
  fail "reload log: $(tr '\n' '|' <"$LOG")"
fi

# A line with an error: reported; the next change loads everything (it could resolve it).
printf '%s\n' '{"id":"bad-party","date":"2024-03-01","kind":"event","parties":[{"id":"nobody","role":"actor"}],"headline":"x","source":"cnn-hostage-talks"}' >>"$F"
expect "an appended error is counted" '\+0 records, 0 changed, 0 removed, 1 error'
burst 2 >>"$F"
expect "the next burst is loaded" ' 51/51 '
if tail -n 1 "$LOG" | grep -q '^full load: the data loaded had errors'; then
  ok "after an error the next change is a full load"
else
  fail "reload log: $(tr '\n' '|' <"$LOG")"
fi
keys Q
keys 'echo EXIT=$?' Enter
expect "Q quits" '^EXIT=0'
finish
