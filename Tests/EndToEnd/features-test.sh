#!/usr/bin/env bash
# The timeline features on the seed and the feature fixture: density strip, day and month
# keys, relative t, disputes and going back, basis and date-range chips, figures, the source
# ring, revisions, and bookmarks that persist in XDG_STATE_HOME and never in the data.
source "$(dirname "$0")/lib.sh"
STATE="$(mktemp -d)"
trap 'cleanup; rm -rf "$STATE"' EXIT
data_before=$(cd "$ROOT/Data" && find . | sort | md5sum)
start 100 30
run_browser() { keys "clear; cd '$ROOT' && XDG_STATE_HOME='$STATE' '$BIN' --data '$1'; echo EXIT=\$?" Enter; }
run_browser Data
expect "the density strip is under the timeline" ' per day, █ = 16'
keys H
expect_gone "H hides the strip" 'per day'
keys H
expect "H shows it again" ' per day'
keys ]
expect "] goes to the next day with records" '3 of 24'
keys '}'
expect "} goes to the next month" '5 of 24'
keys t -1m Enter
expect "t -1m steps back a month from the selection" '3 of 24'
keys t 2023-12-12 Enter j d
expect "d on the soldiers claim lists both sides" 'Disputes: Enter goes there, Esc closes'
keys Enter
expect "Enter goes to Israel's position" '14 of 24'
keys BSpace
expect "Backspace goes back to the claim" '9 of 24'
keys A A A
expect "A A A filters to anonymous sources, with a chip" '4/24  basis:anonymous'
keys 0
expect "0 clears it" ' Data  24/24 '
keys r 2023-11..2023-12-01 Enter
expect "r sets a date range, with a chip" '5/24  date:2023-11..2023-12-01'
keys 0 g j j j '>'
expect "> sets the range from the selection" 'date:2023-11-24\.\.'
keys 0 t 2023-12-12 Enter j j j j j j j j f
expect "f lists the figures for hostages remaining" 'hostages remaining in Gaza  ▁█'
expect "with who stated each" '135 people +Israeli'
keys f m
expect "m marks the record" "marked \(' goes to the next mark\)"
keys q
expect "q quits with status 0" '^EXIT=0'
marks=$(find "$STATE/dateline/marks" -type f 2>/dev/null | head -1)
if [ -n "$marks" ] && grep -qx 'pmo-135-116' "$marks"; then ok "the mark is saved under XDG_STATE_HOME"; else fail "no marks file in $STATE"; fi
data_after=$(cd "$ROOT/Data" && find . | sort | md5sum)
if [ "$data_before" = "$data_after" ]; then ok "nothing was written into the data directory"; else fail "the data directory changed"; fi
keys "clear; cd '$ROOT' && XDG_STATE_HOME='$STATE' '$BIN' list --data Data --marked" Enter
expect "list --marked prints the marked record" 'Israeli PMO: 135 hostages remain in Gaza'
run_browser Data
expect "the browser opens again" ' Data  24/24 '
keys "'"
expect "' goes to the mark saved last time" 'mark 1 of 1'
expect "which is the PMO count" '16 of 24'
keys q
expect "quits" '^EXIT=0'
run_browser Tests/FeatureData
expect "the fixture opens with source counts and revisions" '# ↻\+1'
keys j j j o
expect "o shows the first of three sources" 'Source 1 of 3: Example Wire'
keys o
expect "o again shows the next source, at its quote" 'Source 2 of 3: Example Daily'
keys Escape g j v
expect "v goes from the old count to its revision" '6 of 7'
keys Enter
expect "its detail says what it revised" 'Revised from: Ministry: 240 people held by'
# Esc gives the keys back to the timeline, q closes the detail pane, q quits.
keys Escape q q
expect "quits" '^EXIT=0'
finish
