#!/usr/bin/env bash
# Times the real thing: `dateline browse` started in a 120x40 tmux pane, until its status
# line shows "1 of N" (tmux and ncurses start included). The pane is polled every 20 ms:
# each poll is a tmux client process, and polling every 5 ms took a quarter of the CPU
# from the load on two cores.
#   bash scripts/bench-browse.sh DIR [RUNS]     (cold: the re-open cache cleared first;
#                                                 re-open: the cache the cold run wrote)
# Prints one line per run: "cold <s>" / "re-open <s>". Needs tmux and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench-browse.sh DIR [RUNS]}
runs=${2:-3}
bin=$PWD/.build-perf/release/dateline
[ -x "$bin" ] || swift build -c release --scratch-path .build-perf --product dateline >/dev/null
export XDG_CACHE_HOME=$PWD/bench-data/cache-browse
sock=dateline-bench-$$
trap 'tmux -L $sock kill-server 2>/dev/null || true' EXIT
once() { # $1: label
  local start end
  start=$(date +%s.%N)
  tmux -L "$sock" new-session -d -x 120 -y 40 "TERM=xterm-256color $bin browse --data $dir"
  until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q ' 1 of [0-9]'; do sleep 0.02; done
  end=$(date +%s.%N)
  echo "$1 $(echo "$end - $start" | bc)"
  tmux -L "$sock" send-keys q
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.01; done
}
for _ in $(seq "$runs"); do
  rm -rf "$XDG_CACHE_HOME/dateline"
  once cold
  once re-open
done
