#!/usr/bin/env bash
# Times dateline's headless commands against peers on the same records, in the same run:
# hyperfine for wall time (mean and range), /usr/bin/time -v for peak RSS, the load average
# at each row (the machine is shared: compare ratios within a row, not figures across runs).
#   bash scripts/bench-scale.sh [SIZES...]      (default: 10000 100000 1000000)
#   BENCH_DATA=/work/bench-data bash scripts/bench-scale.sh 1000000 10000000
# Corpora: $BENCH_DATA/nN (made with dateline-synth --seed 1 when missing; default
# bench-data/, git-ignored). Output: a Markdown table on stdout; raw files in
# $BENCH_RESULTS (default bench-data/results). RUNS=N overrides the runs per command;
# PEERS="simdjson orjson jq lnav" picks the peers (by default jq and lnav run below 1M
# records and orjson below 10M: minutes per run on this machine; named in PEERS they
# always run). The CPU column (user + system, mean) does not depend on the machine's load
# as wall time does: on a loaded machine two cores are not two cores.
# Peers: a one-core simdjson program (scripts/peers/simdjson_party.cpp, built here with
# libsimdjson-dev), Python + orjson, jq, lnav. Needs hyperfine, jq, lnav, g++, GNU time:
#   apt-get install hyperfine jq lnav libsimdjson-dev g++ time
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-bench-data}
out=${BENCH_RESULTS:-bench-data/results}
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
for tool in hyperfine jq /usr/bin/time g++; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine jq lnav libsimdjson-dev g++ time)" >&2; exit 2; }
done
# DATELINE_BIN / SYNTH_BIN: binaries to time instead of building them here.
if [ -z "${DATELINE_BIN:-}" ]; then
  swift build -c release --scratch-path .build-perf --product dateline >/dev/null
  swift build -c release --scratch-path .build-perf --product dateline-synth >/dev/null
fi
bin=${DATELINE_BIN:-$PWD/.build-perf/release/dateline}
synth=${SYNTH_BIN:-$PWD/.build-perf/release/dateline-synth}
mkdir -p "$out"
peer=$out/simdjson_party
if [ ! -x "$peer" ] || [ scripts/peers/simdjson_party.cpp -nt "$peer" ]; then
  g++ -O3 -march=native -std=c++17 -o "$peer" scripts/peers/simdjson_party.cpp -lsimdjson
fi
export TERM=xterm-256color
# The re-open cache (CorpusCache) lives here for this run only.
export XDG_CACHE_HOME=$PWD/$out/cache
nocache() { rm -rf "$XDG_CACHE_HOME/dateline"; }

load() { cut -d' ' -f1 /proc/loadavg; }
rss() { # peak RSS in MB of a command (stdout discarded)
  /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || true
  awk '/Maximum resident/ {printf "%.0f", $6/1024}' "$out/time.txt"
}
# hyperfine over several commands in one call; prints "mean min max cpu" in ms per command.
hf() { # name runs cmd...
  local name=$1 runs=$2
  shift 2
  local warm=1
  [ "$runs" -le 1 ] && warm=0
  hyperfine -N -w "$warm" -r "$runs" --export-json "$out/$name.json" "$@" >/dev/null 2>&1 || true
  jq -r '.results[] | "\(.mean * 1000 | floor) \(.min * 1000 | floor) \(.max * 1000 | floor) \((.user + .system) * 1000 | floor)"' "$out/$name.json"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "" }'; }
fmt() { echo "$1 ($2–$3), CPU $4"; } # mean (min–max), user + system
named() { [[ " ${PEERS:-} " == *" $1 "* ]]; }
# want PEER LIMIT: the peer runs when named, or by default below LIMIT records.
want() { named "$1" || { [ -z "${PEERS:-}" ] && [ "$n" -lt "$2" ]; }; }

echo "| records | command | dateline ms: mean (range), CPU | peak RSS MB | peer | peer ms: mean (range), CPU | peer RSS MB | wall ratio (CPU ratio) | load |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir=$data/n$n
  [ -f "$dir/records.jsonl" ] || "$synth" "$dir" --records "$n" --seed 1 >/dev/null
  party=$(jq -r '.items[0].id' "$dir/parties.json")
  # The party and every descendant (what `--party` selects), for the peers.
  ids=$(jq -r --arg p "$party" '[.items[] | {id, parent}] as $all
    | def kids($x): [$all[] | select(.parent == $x) | .id] as $k | $k + ([$k[] | kids(.)] | add // []);
    ([$p] + kids($p)) | join(" ")' "$dir/parties.json")
  runs=${RUNS:-5}
  [ -z "${RUNS:-}" ] && [ "$n" -ge 1000000 ] && runs=3
  [ -z "${RUNS:-}" ] && [ "$n" -ge 10000000 ] && runs=1
  list="$bin list --party $party --format jsonl --data $dir"

  # validate against the simdjson parse floor (every document of every file, one core).
  l=$(load)
  mapfile -t r < <(hf "validate-$n" "$runs" "$bin validate --data $dir" \
    "$peer --parse $dir/records.jsonl $dir/sources.json $dir/parties.json")
  read -r vm vlo vhi vc <<<"${r[0]}"
  read -r pm plo phi pc <<<"${r[1]}"
  echo "| $n | validate | $(fmt $vm $vlo $vhi $vc) | $(rss $bin validate --data $dir) | simdjson parse, 1 core | $(fmt $pm $plo $phi $pc) | $(rss $peer --parse $dir/records.jsonl $dir/sources.json $dir/parties.json) | $(ratio $vm $pm) ($(ratio $vc $pc)) | $l |"

  # list --party, no cache (full load, every check) against the filter-and-sort peers.
  l=$(load)
  cmds=("env DATELINE_CACHE=0 $list")
  names=()
  want simdjson 1000000000 && { cmds+=("$peer $dir/records.jsonl $ids"); names+=("simdjson, 1 core"); }
  if want orjson 10000000 && python3 -c 'import orjson' 2>/dev/null; then
    cmds+=("python3 scripts/peers/orjson_party.py $dir/records.jsonl $ids")
    names+=("Python + orjson")
  fi
  if want jq 1000000; then
    cmds+=("bash -c \"jq -c --arg p $party 'select(any(.parties[]; (if type==\\\"string\\\" then . else .id end)==\$p))' $dir/records.jsonl | jq -s 'sort_by(.date)|length'\"")
    names+=("jq (one party, no children)")
  fi
  mapfile -t r < <(hf "list-$n" "$runs" "${cmds[@]}")
  read -r lm llo lhi lc <<<"${r[0]}"
  lr=$(rss env DATELINE_CACHE=0 $list)
  for k in "${!names[@]}"; do
    read -r pm plo phi pc <<<"${r[$((k + 1))]}"
    prss=""
    [[ ${names[$k]} == simdjson* ]] && prss=$(rss $peer $dir/records.jsonl $ids)
    echo "| $n | list --party --format jsonl, no cache | $(fmt $lm $llo $lhi $lc) | $lr | ${names[$k]} | $(fmt $pm $plo $phi $pc) | $prss | $(ratio $lm $pm) ($(ratio $lc $pc)) | $l |"
  done

  # Re-open through the cache (written by one run first), and the first screen.
  nocache
  $list >/dev/null
  l=$(load)
  mapfile -t r < <(hf "list-warm-$n" "$runs" "$list")
  read -r wm wlo whi wc <<<"${r[0]}"
  echo "| $n | list --party --format jsonl, re-open | $(fmt $wm $wlo $whi $wc) | $(rss $list) | | | | | $l |"
  # The first screen: full load (no cache), first open (the browser's first pass, the
  # cache cleared first so it is one), re-open from the cache, and lnav in the same call.
  l=$(load)
  screen="$bin screen --size 120x40 --data $dir"
  cmds=("env DATELINE_CACHE=0 $screen" "$screen"
    "bash -c 'rm -rf $XDG_CACHE_HOME/dateline; exec $screen --first-open'")
  want lnav 1000000 && command -v lnav >/dev/null && cmds+=("lnav -n -c ':goto 0' $dir/records.jsonl")
  mapfile -t r < <(hf "screen-$n" "$runs" "${cmds[@]}")
  read -r sm slo shi sc <<<"${r[0]}"
  read -r wm wlo whi wc <<<"${r[1]}"
  read -r fm flo fhi fc <<<"${r[2]}"
  lnavcol="| | | |"
  firstcol="| | | |"
  if [ ${#r[@]} -gt 3 ]; then
    read -r pm plo phi pc <<<"${r[3]}"
    lnavcol="| lnav -n (unsorted, whole file) | $(fmt $pm $plo $phi $pc) | | $(ratio $sm $pm) ($(ratio $sc $pc)) |"
    firstcol="| lnav -n (unsorted, whole file) | $(fmt $pm $plo $phi $pc) | | $(ratio $fm $pm) ($(ratio $fc $pc)) |"
  fi
  echo "| $n | screen 120x40, no cache (full load) | $(fmt $sm $slo $shi $sc) | $(rss env DATELINE_CACHE=0 $screen) $lnavcol $l |"
  nocache
  echo "| $n | screen 120x40 --first-open, no cache (first pass) | $(fmt $fm $flo $fhi $fc) | $(rss $screen --first-open) $firstcol $l |"
  $list >/dev/null # the cache again, for the re-open's RSS
  echo "| $n | screen 120x40, re-open | $(fmt $wm $wlo $whi $wc) | $(rss $screen) | | | | | $l |"
  nocache
done
