#!/usr/bin/env bash
# The terminal is restored after SIGTERM, SIGINT, SIGHUP and a crash signal, and the exit
# status says which signal ended the program.
source "$(dirname "$0")/lib.sh"
start 80 24
for sig in TERM INT HUP SEGV; do
  # The status is asked for afterwards: bash drops the rest of a list after a SIGINT death.
  keys "clear; '$BIN' --data '$ROOT/Data'" Enter
  expect "browser up before SIG$sig" ' 24/24 '
  pid=$(child_pid)
  kill -"$sig" "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  keys 'echo EXIT=$?' Enter
  case $sig in TERM) code=143 ;; INT) code=130 ;; HUP) code=129 ;; SEGV) code=139 ;; esac
  expect "SIG$sig exits with $code" "^EXIT=$code"
  expect_sane_tty "after SIG$sig"
done
# Ctrl-Z: run the browser alone (a list after it would go on when the job stops).
keys "clear; '$BIN' --data '$ROOT/Data'" Enter
expect "browser up before Ctrl-Z" ' 24/24 '
keys C-z
expect "Ctrl-Z suspends to the shell" 'Stopped'
expect_sane_tty "while suspended"
keys 'clear; fg' Enter
expect "fg redraws the browser" ' 24/24 .*1 of 24'
keys j
expect "keys work after fg" '2 of 24'
keys Q
keys 'echo EXIT=$?' Enter
expect "Q quits at once" '^EXIT=0'
finish
