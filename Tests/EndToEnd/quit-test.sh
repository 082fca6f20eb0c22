#!/usr/bin/env bash
# Quitting is immediate whatever the background work: with every core kept busy, the
# browser's re-open cache write (a lowest-priority thread) cannot finish, and q, Q,
# Ctrl-C and SIGTERM still end the process: it is gone while the cache file has still
# not been written, i.e. nothing waited for the write. (Before, quitting joined that
# thread, so the process lived until the cache file was there.) No time is asserted;
# the number of 50 ms polls it took is printed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/synth-corpus.sh"
WORK=$(mktemp -d)
HOGS=()
stop_hogs() { for p in "${HOGS[@]}"; do kill "$p" 2>/dev/null; done; HOGS=(); }
trap 'stop_hogs; cleanup; rm -rf "$WORK"' EXIT
# 20 MB (the soak test's corpus): its cache write needs enough CPU to stay unfinished.
DATA=$(synth_corpus 33000) || { echo "quit-test: cannot generate the corpus"; exit 1; }
start 100 30
# Two busy loops per core at normal priority: a SCHED_IDLE thread then gets (almost) nothing.
for _ in $(seq $((2 * $(nproc)))); do (while :; do :; done) & HOGS+=($!); done

for how in ${QUIT_KEYS:-q Q C-c TERM}; do
  cache="$WORK/cache-$how"
  keys "clear; DATELINE_CACHE_MIN_BYTES=0 XDG_CACHE_HOME='$cache' '$BIN' --data '$DATA'" Enter
  expect "browser up before $how" ' 33000/33000 ' 60
  pid=$(child_pid)
  written() { ls "$cache/dateline/"*.cache >/dev/null 2>&1; }
  if written; then fail "$how: the cache was written before quitting (the cores were not kept busy?)"; continue; fi
  if [ "$how" = TERM ]; then kill -TERM "$pid"; else keys "$how"; fi
  polls=0
  while kill -0 "$pid" 2>/dev/null && [ $polls -lt 400 ]; do sleep 0.05; polls=$((polls + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    fail "$how: still running after 20 s"
  elif written; then
    fail "$how: the process waited for the cache write"
  else
    ok "$how ends the process while the cache write is still pending ($polls polls of 50 ms)"
  fi
  keys 'echo EXIT=$?' Enter
  case $how in TERM) code=143 ;; C-c) code=130 ;; *) code=0 ;; esac
  expect "$how exits with $code" "^EXIT=$code"
done
stop_hogs
expect_sane_tty "after quitting with background work"
finish
