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
stop_hogs() { [ -f "$WORK/hogs" ] && xargs kill <"$WORK/hogs" 2>/dev/null; rm -f "$WORK/hogs"; }
trap 'stop_hogs; cleanup; rm -rf "$WORK"' EXIT
# 20 MB (the soak test's corpus): its cache write needs enough CPU to stay unfinished.
DATA=$(synth_corpus 33000) || { echo "quit-test: cannot generate the corpus"; exit 1; }
start 100 30
# Two busy loops per core at normal priority, started from the pane's shell so that they
# share the browser's session and so its scheduler group (autogroup): a SCHED_IDLE thread
# then gets (almost) nothing. They start inside a subshell, so they are not the
# interactive shell's jobs: its "Terminated" notices would land in the tty check below.
hogs=$((2 * $(nproc)))
keys "clear; (for i in \$(seq $hogs); do (while :; do :; done) & echo \$! >>'$WORK/hogs'; done)" Enter
for _ in $(seq 100); do [ "$(wc -l <"$WORK/hogs" 2>/dev/null)" = "$hogs" ] && break; sleep 0.1; done

# One attempt: 0 the process ended with the write pending, 1 it waited for the write,
# 2 inconclusive (the write finished before the quit was sent: the cores were not busy enough).
attempt() {  # attempt HOW CACHE
  local how=$1 cache=$2 pid sent polls
  keys "clear; DATELINE_CACHE_MIN_BYTES=0 XDG_CACHE_HOME='$cache' '$BIN' --data '$DATA'" Enter
  expect "browser up before $how" ' 33000/33000 ' 120 || return 2
  # The browser, the newest dateline child of the pane's shell.
  pid=$(pgrep -n -x -P "$(T display-message -p -t 0 '#{pane_pid}')" dateline)
  written() { ls "$cache/dateline/"*.cache >/dev/null 2>&1; }
  sent=$(date +%s.%N)
  if written; then
    keys Q
    return 2
  fi
  if [ "$how" = TERM ]; then kill -TERM "$pid"; else keys "$how"; fi
  polls=0
  while kill -0 "$pid" 2>/dev/null && [ $polls -lt 400 ]; do sleep 0.05; polls=$((polls + 1)); done
  POLLS=$polls
  kill -0 "$pid" 2>/dev/null && { fail "$how: still running after 20 s"; return 1; }
  # The abandoned write leaves no temporary file behind (O_TMPFILE: it had no name yet).
  if ls -A "$cache/dateline" 2>/dev/null | grep -q '\.tmp$'; then
    fail "$how: a temporary file was left in the cache folder: $(ls -A "$cache/dateline" | tr '\n' ' ')"
  fi
  written || return 0
  # Written after the quit was sent: the process waited for it.
  awk -v a="$(stat -c '%.9Y' "$cache/dateline/"*.cache | head -1)" -v b="$sent" 'BEGIN { exit !(a < b) }' && return 2
  return 1
}

for how in ${QUIT_KEYS:-q Q C-c TERM}; do
  for try in 1 2 3; do
    attempt "$how" "$WORK/cache-$how-$try"
    result=$?
    [ $result -ne 2 ] && break
    echo "     ($how: inconclusive, the cache write finished before the quit; again)"
    keys 'echo EXIT=$?' Enter
    wait_for '^EXIT=' 30
  done
  case $result in
    0) ok "$how ends the process while the cache write is still pending ($POLLS polls of 50 ms)" ;;
    1) fail "$how: the process waited for the cache write" ;;
    *) fail "$how: three attempts inconclusive (the cores could not be kept busy)" ;;
  esac
  keys 'echo EXIT=$?' Enter
  case $how in TERM) code=143 ;; C-c) code=130 ;; *) code=0 ;; esac
  expect "$how exits with $code" "^EXIT=$code"
done
stop_hogs
expect_sane_tty "after quitting with background work"
finish
