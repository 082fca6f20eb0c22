#!/usr/bin/env bash
# Times the real thing: `dateline browse` started in a 120x40 tmux pane, until its status
# line shows "1 of N" (tmux and ncurses start included). The pane is polled every 20 ms:
# each poll is a tmux client process, and polling every 5 ms took a quarter of the CPU
# from the load on two cores.
#   bash scripts/bench-browse.sh DIR [RUNS]     (cold: the re-open cache cleared first;
#                                                 re-open: the cache the cold run wrote)
# Prints one line per run: "cold <s> key-during-check <s> checked <s> rss <MB>" (the key:
# j sent once the first screen shows, until the second row is selected) /
# "re-open <s> rss <MB>", and,
# in the same run, "lnav <s>": lnav opening DIR's .jsonl files in the same pane size until
# the first record's id shows. A cold start draws the first pass's screen (FirstPass);
# "checked" is when the full check's message replaced "checking". DATELINE_BIN picks the
# binary (default .build-perf/release/dateline, built when missing); FIRST_PASS=0 times
# the full load before the first screen instead (DATELINE_FIRST_PASS=0).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench-browse.sh DIR [RUNS]}
runs=${2:-3}
bin=${DATELINE_BIN:-$PWD/.build-perf/release/dateline}
[ -x "$bin" ] || swift build -c release --scratch-path .build-perf --product dateline >/dev/null
export XDG_CACHE_HOME=$PWD/bench-data/cache-browse
# The session (selection, filters) is saved on quit and restored on open: a state
# directory of the bench's own, emptied before each start, so the key pressed during the
# check does not move the next run's first screen (nor anyone else's).
export XDG_STATE_HOME=$PWD/bench-data/state-browse
sock=dateline-bench-$$
rss=$(mktemp)
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -f "$rss"' EXIT
seconds() { echo "$(date +%s.%N) - $1" | bc; }
shows() { # $1: pattern in the pane (captured first: grep -q would cut the pipe short)
  local pane
  pane=$(tmux -L "$sock" capture-pane -p 2>/dev/null) || return 1
  grep -q -- "$1" <<<"$pane"
}
wait_for() { until shows "$1"; do sleep 0.02; done; }
quit() {
  tmux -L "$sock" send-keys q
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.01; done
}
once() { # $1: label
  local start first checked="" key=""
  rm -rf "$XDG_STATE_HOME/dateline"
  start=$(date +%s.%N)
  tmux -L "$sock" new-session -d -x 120 -y 40 \
    "TERM=xterm-256color DATELINE_FIRST_PASS=${FIRST_PASS:-1} /usr/bin/time -f %M -o $rss $bin browse --data $dir"
  wait_for ' 1 of [0-9]'
  first=$(seconds "$start")
  if shows 'checking'; then
    # A key while the check runs on both cores: how long until its frame shows.
    local sent
    sent=$(date +%s.%N)
    tmux -L "$sock" send-keys j
    wait_for ' 2 of [0-9]'
    key=" key-during-check $(seconds "$sent")"
    wait_for 'checked'
    checked=" checked $(seconds "$start")"
    # The re-open run needs the cache the check's thread writes next (at SCHED_IDLE, and
    # 0.93 GB at 10M: on a busy machine it may be slow; give up after ten minutes).
    for _ in $(seq 6000); do ls "$XDG_CACHE_HOME"/dateline/*.cache >/dev/null 2>&1 && break; sleep 0.1; done
    if [ "$1" = re-open ]; then key="$key (no cache was there: a first open)"; fi
  fi
  quit
  echo "$1 $first$key$checked rss $(( $(cat "$rss") / 1024 ))"
}
lnav_once() {
  local start
  command -v lnav >/dev/null || return 0
  start=$(date +%s.%N)
  tmux -L "$sock" new-session -d -x 120 -y 40 "TERM=xterm-256color lnav $dir/*.jsonl"
  wait_for '"id":"r'
  echo "lnav $(seconds "$start")"
  quit
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  rm -rf "$XDG_CACHE_HOME/dateline"
  once cold
  once re-open
  lnav_once
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
