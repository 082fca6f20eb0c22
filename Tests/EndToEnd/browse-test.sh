#!/usr/bin/env bash
# Browse the seed corpus: move, detail, source with quote, filter, clear, search, resize, quit.
source "$(dirname "$0")/lib.sh"
start 100 30
keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens with all records" ' Data  24/24 .* 1 of 24'
expect "month separators" '── October 2023 ──'
keys j j
expect "j moves the selection" '3 of 24'
keys Enter
expect "Enter opens the detail pane, focused" 'Detail \(Esc: timeline'
expect "detail shows attribution" 'Attribution:'
keys Escape
expect "Escape gives the focus back to the timeline" 'Detail \(Tab to focus\)'
keys Escape
expect_gone "Escape on the timeline closes the detail" 'Detail \('
keys g
keys / soldiers Enter
expect "search finds the soldiers claim" '/soldiers'
keys o
expect "source pane shows the article title" 'Hamas not responding to attempts'
expect "source pane scrolled to the quote" 'women are considered'
keys o
keys 1
expect "digit 1 filters to Hamas with a chip" '16/24 +\[Hamas\]'
keys 2
expect "a second party widens the result (any)" '/24 +\[Hamas\] \[Israel\] any'
keys a
expect "a switches to all" '\[Hamas\] \[Israel\] all'
keys 0
expect "0 clears every filter" ' Data  24/24 '
keys p
expect "p opens the party list with counts" 'Parties \(any\)'
keys Escape
expect_gone "Escape closes the party list" 'Parties \(any\)'
T resize-window -t 0 -x 60 -y 15
expect "redraws after a resize" ' Data  24/24'
T resize-window -t 0 -x 20 -y 5
T resize-window -t 0 -x 10 -y 3
expect "tiny terminal says so" 'terminal'
T resize-window -t 0 -x 100 -y 30
expect "back to full size" '── October 2023'
keys t 2023-12 Enter
expect "t jumps to the first record of December" '5 of 24'
keys '?'
expect "help lists the keys" 'Keys — any key closes'
keys x
expect_gone "any key closes the help" 'Keys — any key'
keys q
expect "q quits with status 0" '^EXIT=0'
expect_sane_tty "after q"

# A cold start writes the re-open cache after the first screen, in the background
# (at the idle priority: on a busy machine that can take a while, so the test waits
# for the file rather than for a time), leaves no temporary file beside it, and the
# next start opens from it. Quitting before it is written abandons it (BrowseCommand).
# (DATELINE_CACHE_MIN_BYTES=0: a small generated corpus counts as large;
# DATELINE_CACHE_QUIET_MS=0: its files, written just now, may be cached at once.)
synth="$(dirname "$BIN")/dateline-synth"
work=$(mktemp -d)
"$synth" "$work/data" --records 3000 --seed 2 >/dev/null
keys "clear; XDG_CACHE_HOME=$work/cache DATELINE_CACHE_MIN_BYTES=0 DATELINE_CACHE_QUIET_MS=0 '$BIN' --data $work/data; echo CACHE=\$(ls -A $work/cache/dateline | grep -vc 'cache\$')" Enter
expect "cold start of a generated corpus" ' 1 of 3000'
if wait_for_file "$work/cache/dateline/*cache" 60; then
  ok "the cache is written in the background"
else
  fail "the cache is written in the background (no $work/cache/dateline/*cache)"
fi
keys q
expect "no temporary file is left beside the cache" '^CACHE=0'
keys "clear; XDG_CACHE_HOME=$work/cache DATELINE_CACHE_MIN_BYTES=0 DATELINE_TIMING=1 '$BIN' --data $work/data 2>$work/timing; grep -c cache.read $work/timing" Enter
expect "re-open" ' 1 of 3000'
keys q
expect "the second start read the cache" '^1$'
rm -rf "$work"
finish
