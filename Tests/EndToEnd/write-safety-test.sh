#!/usr/bin/env bash
# Writes that fail never take the browser down: with stderr on a full device the screen
# still opens; an export or a citation onto a full disk, a device node, a FIFO or a
# symlink is reported in the status line (or written through the link), never a 0-byte
# file, never a crash.
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'cleanup; umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT

start 120 30
keys "cd '$work' && '$BIN' --data '$ROOT/Data' 2>/dev/full; echo EXIT=\$?" Enter
expect "stderr on /dev/full: the timeline still opens" 'Data  24/24 .* 1 of 24'
keys q
expect "and quits cleanly" 'EXIT=0'
finish
