#!/usr/bin/env bash
# Loading a large directory draws a progress line (files, records, MB/s) on stderr when it
# is a terminal, and nothing when it is piped. The corpus comes from dateline-synth.
source "$(dirname "$0")/lib.sh"
SYNTH="$(dirname "$BIN")/dateline-synth"
big=$(mktemp -d)
trap 'cleanup; rm -rf "$big"' EXIT
"$SYNTH" "$big/data" --records 30000 --seed 1 >/dev/null || { echo "$NAME: dateline-synth failed"; exit 1; }

start 120 10
keys "clear; $BIN validate --data $big/data > $big/out; echo DONE" Enter
expect "the last progress line stays on the terminal" '^dateline: loaded 3 files, 30,000 records, [0-9.]+ MB in [0-9.]+ s \([0-9.]+ MB/s\)$' 30
expect "then the command's own output goes to the file" 'DONE' 30
grep -q "30000 records, 0 items left out, 0 errors" "$big/out" && ok "stdout has the summary only" || fail "stdout: $(cat "$big/out")"

# While it loads, the line is redrawn in place (CR, erase to end of line).
if command -v script >/dev/null; then
  script -qec "$BIN validate --data $big/data >/dev/null" /dev/null >"$big/tty" 2>&1 </dev/null
  if grep -aq $'\rdateline: loading [0-9]/3 files, [0-9,]* records, [0-9.]* of [0-9.]* MB, [0-9.]* MB/s' "$big/tty"; then
    ok "progress is redrawn while loading"
  else
    fail "no 'loading' line in: $(tr '\r' '\n' <"$big/tty" | head -5)"
  fi
fi

# Piped (or redirected) stderr: silent.
"$BIN" validate --data "$big/data" >/dev/null 2>"$big/err"
[ ! -s "$big/err" ] && ok "silent when stderr is not a terminal" || fail "stderr when piped: $(cat "$big/err")"
# A small directory loads too fast to need one.
keys "clear; $BIN validate --data $ROOT/Data > /dev/null; echo SMALL-DONE" Enter
expect "small directory finished" 'SMALL-DONE'
if screen | grep -q "dateline: load"; then fail "progress shown for the small seed corpus"; else ok "no progress for a small directory"; fi
finish
