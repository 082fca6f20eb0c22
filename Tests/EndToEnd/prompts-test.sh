#!/usr/bin/env bash
# Prompts edit like readline (issue 14); a bracketed paste is one edit, capped, and the
# search never holds the keys up (issue 13).
source "$(dirname "$0")/lib.sh"
start 100 24
keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' Data  24/24 .* 1 of 24'
keys / s o l d r s Left Left i e
expect "Left and typing edit in the middle" '^/soldiers'
expect "the incremental search found the claim" 'soldiers'
keys C-a x C-e y
expect "Ctrl-A and Ctrl-E move to the ends" '^/xsoldiersy'
keys C-w
expect "Ctrl-W deletes the word" '^/ *$'
keys h a m a s Enter
expect "Enter keeps the search as a chip" '/hamas'
keys / Up
expect "Up brings the last search back" '^/hamas'
keys Escape
keys t Enter
expect "an empty t cancels quietly" ' Data  24/24'
if screen | grep -q 'not a date'; then fail "empty t gave an error"; else ok "empty t gave no error"; fi
# A 10,000-character bracketed paste: one edit, cut at the cap, answered at once.
keys /
expect "the search prompt opens" '^/'
T set-buffer -b big "$(head -c 10000 /dev/zero | tr '\0' 'q')"
T paste-buffer -p -b big -t 0
expect "the paste is cut at 1000 characters with a message" 'a prompt holds 1000 characters: 9000 not typed' 10
keys Escape
expect "Escape answers right after the paste" ' Data  24/24 .* of 24' 5
# The : command line: Tab completes, Enter runs, an unknown command is an error.
keys : p a Tab
expect "Tab completes the command name" '^:party *$'
keys i s Tab Enter
expect ":party israel filters with a chip" '\[Israel\]'
keys : f r o b Enter
expect "an unknown command is an error" 'unknown command :frob'
keys : c l e a r Enter
expect ":clear clears" ' Data  24/24 '
keys Q
expect "quits" 'EXIT=0'
finish
