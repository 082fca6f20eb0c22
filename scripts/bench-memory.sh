#!/usr/bin/env bash
# Peak RSS of the real browser (issue 17, memory): `dateline browse` in a 120x40 tmux pane
# on a cold start (no re-open cache), through the first screen, the full check, the cache
# write, the reload's fingerprints and append base and the search signatures, until the
# process has used no CPU for 3 s; then a re-open from the cache it wrote. The peak is the
# kernel's own high-water mark (VmHWM in /proc/PID/status), read just before quitting.
#   bash scripts/bench-memory.sh DIR          (DATELINE_BIN picks the binary)
# Prints "cold first <s> checked <s> peak <MB> cpu <s>" and "re-open first <s> peak <MB>
# cpu <s>", with the load average before and after (CPU: user + system of the browser).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench-memory.sh DIR}
bin=${DATELINE_BIN:-$PWD/.build-perf/release/dateline}
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$(mktemp -d /tmp/dateline-memory.XXXXXX)}
sock=dateline-memory-$$
trap 'tmux -L $sock kill-server 2>/dev/null || true' EXIT
seconds() { echo "$(date +%s.%N) - $1" | bc; }
shows() {
  local pane
  pane=$(tmux -L "$sock" capture-pane -p 2>/dev/null) || return 1
  grep -q -- "$1" <<<"$pane"
}
wait_for() { until shows "$1"; do sleep 0.05; done; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$1/status"; }
once() { # $1: label
  local start first checked="" pid last now idle=0
  start=$(date +%s.%N)
  tmux -L "$sock" new-session -d -x 120 -y 40 \
    "TERM=xterm-256color exec $bin browse --data $dir"
  wait_for ' 1 of [0-9]'
  first=$(seconds "$start")
  pid=$(tmux -L "$sock" display -p "#{pane_pid}")
  if shows 'checking'; then
    wait_for 'checked'
    checked=" checked $(seconds "$start")"
  fi
  # Background work (cache write, fingerprints, search signatures) ends when the CPU
  # time stops moving.
  last=$(ticks "$pid")
  while [ "$idle" -lt 30 ]; do
    sleep 0.1
    now=$(ticks "$pid")
    if [ "$now" = "$last" ]; then idle=$((idle + 1)); else idle=0; last=$now; fi
  done
  echo "$1 first $first$checked peak $(hwm "$pid") MB cpu $(echo "scale=2; $last / $(getconf CLK_TCK)" | bc) s"
  tmux -L "$sock" send-keys q
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.05; done
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$XDG_CACHE_HOME/dateline"
once cold
once re-open
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
