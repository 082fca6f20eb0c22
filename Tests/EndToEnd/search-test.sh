#!/usr/bin/env bash
# Search that tells you where you are (issue 14): matches highlighted in a real terminal
# (also past the headline's cut), the field that matched named, F turns the search into a
# filter, :filter-out leaves records out, 0 shows everything again.
source "$(dirname "$0")/lib.sh"
start 100 24
# With -e, capture-pane keeps the SGR sequences: the highlight is an attribute, not text.
styled() { T capture-pane -e -p -t 0; }
# underlined WORD [FILTER]: some line (of those FILTER keeps) has WORD under an SGR that
# turns underline on (tmux writes each attribute as its own sequence: \e[4m\e[33m).
underlined() { styled | grep -E -- "${2:-.}" | grep -Eq $'\e\\[([0-9]+;)*4(;[0-9]+)*m(\e\\[[0-9;]*m)*'"$1"; }
keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' Data  24/24 .* 1 of 24'
keys / s o l d i e r s Enter
expect "the search lands with its count" '/soldiers \(match 1 of 2\)'
# The selected headline slides so its match (past the cut at 100 columns) shows, underlined.
if wait_for '▸.*…[^│]*soldiers' 10 && underlined soldiers '▸'; then
  ok "the match beyond the cut is shown and underlined"
else
  fail "the match beyond the cut is shown and underlined"
fi
keys Enter
expect "the detail pane opens" 'Detail'
if underlined soldiers 'arguing they are'; then ok "the detail pane highlights the word"; else fail "the detail pane highlights the word"; fi
keys Escape Escape F
expect "F makes the search a filter with a chip" ' 2/24  in:soldiers'
keys 0
expect "0 shows every record again" ' Data  24/24 '
keys : f i l t e r - o u t Space h a m a s Enter
expect ":filter-out leaves records out" 'out:hamas'
keys 0 / t z a h a l Enter
expect "the field that matched is named" '/tzahal \(match [12] of 2, in party alias\)'
keys g n
expect "n from the top goes to the first match" '/tzahal \(match 1 of 2'
keys n
expect "n goes to the second match" '/tzahal \(match 2 of 2'
keys Q
expect "quits" 'EXIT=0'
finish
