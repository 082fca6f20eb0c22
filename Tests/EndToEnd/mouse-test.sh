#!/usr/bin/env bash
# The mouse (issue 14): xterm SGR 1006 reports as a terminal sends them select a row,
# scroll under the pointer (3 lines, 1 with Shift), focus a pane and remove a status chip;
# reporting is off again after quitting and while suspended, and off with --no-mouse.
source "$(dirname "$0")/lib.sh"
start 100 24

# mouse BUTTON COLUMN ROW: an SGR report (1-based cells) as xterm sends it: a press, and
# for a button (not the wheel) its release.
mouse() {
  local report
  report=$(printf '\033[<%d;%d;%dM' "$1" "$2" "$3")
  [ "$1" -lt 64 ] && report="$report$(printf '\033[<%d;%d;%dm' "$1" "$2" "$3")"
  T send-keys -t 0 -l "$report"
}
# The pane's mouse reporting modes as tmux tracks them: standard (1000) and SGR (1006).
flags() { T display-message -p -t 0 '#{mouse_standard_flag}#{mouse_sgr_flag}'; }
wait_flags() {
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -le $deadline ]; do
    [ "$(flags)" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}
expect_flags() { if wait_flags "$2"; then ok "$1"; else fail "$1 (flags $(flags), wanted $2)"; fi; }

keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' Data  24/24 .* 1 of 24'
expect_flags "the browser turns mouse reporting on" 11
# Row 5 (1-based) is the third record, under November's heading.
mouse 0 10 5
expect "a click selects the row under the pointer" ' 3 of 24'
mouse 65 10 5
expect "the wheel moves three records" ' 6 of 24'
mouse 69 10 5
expect "Shift and the wheel move one" ' 7 of 24'
# A party chip: press 1, then click on its first column in the status line.
keys 1
expect "key 1 filters on a party" ' Data  [0-9]+/24  \['
col=$(screen | tail -1 | awk '{ print index($0, "[") }')
mouse 0 "$col" 24
expect "a click on the chip removes the filter" ' Data  24/24 '
keys Enter
expect "Enter opens the detail, focused" 'Detail \(Esc: timeline'
mouse 0 5 3
expect "a click on the timeline gives it the keys" 'Detail \(Tab to focus'
mouse 0 80 6
expect "a click in the detail focuses it" 'Detail \(Esc: timeline'
keys q q
expect "quits" 'EXIT=0'
expect_flags "reporting is off after quitting" 00

keys "clear; '$BIN' --data Data; echo AGAIN=\$((40+2))" Enter
expect "opens again" ' Data  24/24 .* 1 of 24'
expect_flags "reporting on again" 11
keys C-z
expect "Ctrl-Z suspends" 'Stopped'
expect_flags "reporting is off while suspended" 00
keys "fg" Enter
expect "fg brings the browser back" ' Data  24/24 .* 1 of 24'
expect_flags "reporting is on again after fg" 11
keys q
expect "quits after fg" 'AGAIN=42'

keys "clear; '$BIN' --data Data --no-mouse; echo OFF=\$((40+3))" Enter
expect "opens with --no-mouse" ' Data  24/24 .* 1 of 24'
expect_flags "--no-mouse asks for no reports" 00
keys q
expect "quits" 'OFF=43'
finish
