#!/usr/bin/env bash
# One pane model (issue 14): a focused pane takes the motion keys and reaches its last
# line; Esc gives the keys back; TERM=vt100 leaves the prompt below the last frame;
# LANG=C draws ASCII markers.
source "$(dirname "$0")/lib.sh"
start 100 24
J13="j j j j j j j j j j j j j"
# What the headless screen says the last line of the detail is, after G in the pane.
last=$(cd "$ROOT" && "$BIN" screen --data Data --size 100x24 --keys "$J13 Enter G" | sed -n '23p' | sed 's/ *$//')
[ -n "$last" ] || fail "screen printed no pane row 23"
keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' Data  24/24 .* 1 of 24'
keys j j j j j j j j j j j j j Enter
expect "Enter opens the detail focused" 'Detail \(Esc: timeline'
keys G
expect "G in the focused pane reaches the record's last line" "$(printf '%s' "${last: -30}" | sed 's/[][\.*^$()+?{}|]/\\&/g')"
expect "the timeline selection stayed" '14 of 24'
keys Escape
expect "Escape gives the keys back to the timeline" 'Detail \(Tab to focus\)'
keys G
expect "G on the timeline selects the last record" '24 of 24'
keys q q
expect "q closes the pane, then quits" 'EXIT=0'

# TERM=vt100 has no alternate screen: the prompt must come below the status line.
keys "clear; TERM=vt100 '$BIN' --data Data; echo VT=\$((40+2))" Enter
expect "vt100: timeline opens" ' Data  24/24'
keys q
if wait_for 'VT=42' 10 && screen | grep -B1 -E '^VT=42' | head -1 | grep -q '24/24'; then
  ok "vt100: the prompt is on a new line below the status line"
else
  fail "vt100: the prompt is on a new line below the status line"
fi

# LANG=C: ASCII markers (ACS lines are the terminal's business), columns aligned.
keys "clear; LANG=C LC_ALL=C '$BIN' --data Data; echo C=\$((40+3))" Enter
expect "C locale: the selection pointer is ASCII" '^> ?2023-10-07'
if screen | grep -q '[▸●»✗⇄↻•…]'; then fail "C locale: no UTF-8 markers"; else ok "C locale: no UTF-8 markers"; fi
keys q
expect "C locale: quits" 'C=43'
finish
