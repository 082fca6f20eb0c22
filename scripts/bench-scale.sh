#!/usr/bin/env bash
# Generates 10k/100k/1M-record corpora and times dateline against jq and lnav on the same
# records, in the same run: hyperfine for wall time, /usr/bin/time -v for peak RSS.
#   bash scripts/bench-scale.sh [SIZES...]      (default: 10000 100000 1000000)
# Output: a Markdown table on stdout; raw files in bench-data/results/. Data goes to
# bench-data/ (git-ignored). Needs hyperfine, jq, lnav (apt-get install hyperfine jq lnav).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
for tool in hyperfine jq lnav /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine jq lnav time)" >&2; exit 2; }
done
swift build -c release --scratch-path .build-perf --product dateline >/dev/null
swift build -c release --scratch-path .build-perf --product dateline-synth >/dev/null
bin=.build-perf/release/dateline
synth=.build-perf/release/dateline-synth
out=bench-data/results
mkdir -p "$out"
export TERM=xterm-256color

rss() { # peak RSS in MB of a command
  /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || true
  awk '/Maximum resident/ {printf "%.0f", $6/1024}' "$out/time.txt"
}
anon() { # peak anonymous (not file-backed) memory in MB, sampled every 10 ms from /proc
  "$@" >/dev/null 2>&1 &
  local pid=$! peak=0 a
  while kill -0 "$pid" 2>/dev/null; do
    a=$(awk '/RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${a:-0}" -gt "$peak" ] && peak=$a
    sleep 0.01
  done
  echo $((peak / 1024))
}
# The re-open cache (CorpusCache) lives here for this run only; "cold" runs clear it first.
export XDG_CACHE_HOME=$PWD/bench-data/cache
nocache() { rm -rf "$XDG_CACHE_HOME/dateline"; }
mean() { jq -r '.results[0].mean * 1000 | floor' "$1"; }

echo "| records | command | dateline ms | peak RSS MB | peak anon MB | jq ms | lnav ms |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir=bench-data/n$n
  [ -f "$dir/records.jsonl" ] || "$synth" "$dir" --records "$n" --seed 1 >/dev/null
  party=$(jq -r '.items[0].id' "$dir/parties.json")
  runs=5; [ "$n" -ge 1000000 ] && runs=3
  hf() { hyperfine -N -w 1 -r "$runs" --export-json "$out/$1-$n.json" "${@:3}" "$2" >/dev/null 2>&1; mean "$out/$1-$n.json"; }
  v=$(hf validate "$bin validate --data $dir")
  # Cold: no cache (cleared before each run; the run then writes it). Warm: re-open.
  l=$(hf list "$bin list --party $party --format jsonl --data $dir" --prepare "rm -rf $XDG_CACHE_HOME/dateline")
  s=$(hf screen "$bin screen --size 120x40 --data $dir" --prepare "rm -rf $XDG_CACHE_HOME/dateline")
  lw=$(hf list-warm "$bin list --party $party --format jsonl --data $dir")
  sw=$(hf screen-warm "$bin screen --size 120x40 --data $dir")
  s0=$(hf screen-nocache "env DATELINE_CACHE=0 $bin screen --size 120x40 --data $dir")
  # Peers on the same records: jq parses every line, filters by the party and sorts by date;
  # lnav opens the file headless (-n) and indexes it; it shows lines in file order.
  j=$(hyperfine -w 1 -r "$runs" --export-json "$out/jq-$n.json" \
    "jq -c --arg p $party 'select(any(.parties[]; (if type==\"string\" then . else .id end)==\$p))' $dir/records.jsonl | jq -s 'sort_by(.date)|length'" >/dev/null 2>&1; mean "$out/jq-$n.json")
  ln=$(hyperfine -w 1 -r "$runs" --export-json "$out/lnav-$n.json" \
    "lnav -n -c ':goto 0' $dir/records.jsonl" >/dev/null 2>&1; mean "$out/lnav-$n.json")
  echo "| $n | validate | $v | $(rss $bin validate --data $dir) | $(anon $bin validate --data $dir) | | |"
  nocache
  echo "| $n | list --party --format jsonl, cold (writes the cache) | $l | $(rss $bin list --party $party --format jsonl --data $dir) | | $j | |"
  echo "| $n | list --party --format jsonl, re-open | $lw | $(rss $bin list --party $party --format jsonl --data $dir) | $(anon $bin list --party $party --format jsonl --data $dir) | | |"
  echo "| $n | screen 120x40, no cache | $s0 | $(rss env DATELINE_CACHE=0 $bin screen --size 120x40 --data $dir) | $(anon env DATELINE_CACHE=0 $bin screen --size 120x40 --data $dir) | | $ln |"
  nocache
  echo "| $n | screen 120x40, cold (writes the cache) | $s | $(rss $bin screen --size 120x40 --data $dir) | | | |"
  echo "| $n | screen 120x40, re-open | $sw | $(rss $bin screen --size 120x40 --data $dir) | $(anon $bin screen --size 120x40 --data $dir) | | |"
done
