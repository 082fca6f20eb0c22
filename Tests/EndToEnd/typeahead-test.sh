#!/usr/bin/env bash
# Typeahead (issue 13, a paste without bracketed paste): 10,000 characters typed into /
# as keys (tmux send-keys -l, as a terminal or a multiplexer without mode 2004 sends a
# paste). Every key drew a frame, so the keys queued for minutes on a busy machine and
# Escape after them waited as long; keys already waiting are now answered before a frame.
source "$(dirname "$0")/lib.sh"
start 100 24
keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' Data  24/24 .* 1 of 24'
keys /
expect "the search prompt opens" '^/'
keys -l "$(head -c 10000 /dev/zero | tr '\0' 'Q')"
keys Escape
expect "Escape after 10,000 typed characters is answered" ' Data  24/24 .* of 24' 30
keys q
expect "the browser quits" 'EXIT=0'
finish
