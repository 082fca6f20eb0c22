#!/usr/bin/env bash
# Every figure issue 17 asks for, with its peers in the same run: hyperfine for wall time
# (mean and range) and CPU (user + system, mean), the peak RSS of the same runs (each
# command runs under /usr/bin/time inside hyperfine), the load average at each row.
#   bash scripts/bench-scale.sh [SIZES...]      (default: 10000 100000 1000000)
#   BENCH_DATA=/work/bench-data bash scripts/bench-scale.sh 100000 1000000 10000000
# Output: Markdown rows on stdout, ready to paste (one table; then, with two sizes or
# more, the CPU of each row at the largest size over the smallest: linear or n log n).
# Raw files in $BENCH_RESULTS (default bench-data/results).
#
# Rows per size: validate (simdjson parse of every file beside it); list --party --format
# jsonl with no cache (the one-core simdjson program, Python + orjson, jq) and re-opened;
# the headless first screen: full load, first open (first pass; lnav -n beside it), re-open;
# each key of a party filter on the re-opened data (`screen --keys "1 2 0"`, DATELINE_TIMING:
# update + frame, wall and CPU) with the party sets built, and before they are built; the
# real browser in a tmux pane (scripts/bench-browse.sh): first sorted screen on first open,
# a key during the background check, the check's end, re-open, each with its peak RSS,
# beside lnav's first screen in the same pane. At 10M and above `list` also reports the
# bytes it streamed (one more run, into a pipe).
#
# How long (quiet 2-core machine, page cache warm; a loaded machine takes 3-5x): 100k
# about 2 min; 1M about 8 min (RUNS=3); 10M, RUNS=1, about 15-20 min plus writing its
# 0.93 GB re-open cache under $BENCH_RESULTS. lnav -n reads the whole file (45 s at 1M),
# so it runs below 1M unless PEERS names it; the tmux lnav runs at every size.
# Knobs: RUNS=N runs per command (default 5, 3 from 1M, 1 from 10M); PEERS="simdjson orjson
# jq lnav" picks the peers (by default jq and lnav -n below 1M, orjson below 10M); BROWSE=0
# leaves out the tmux rows; KEYS="1 2 0" the filter keys; DATELINE_BIN / SYNTH_BIN time
# given binaries instead of building them. Needs hyperfine, jq, lnav, tmux, g++, GNU time:
#   apt-get install hyperfine jq lnav tmux libsimdjson-dev g++ time bc
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-bench-data}
out=${BENCH_RESULTS:-bench-data/results}
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
for tool in hyperfine jq /usr/bin/time g++; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine jq lnav tmux libsimdjson-dev g++ time bc)" >&2; exit 2; }
done
if [ -z "${DATELINE_BIN:-}" ]; then
  swift build -c release --scratch-path .build-perf --product dateline >/dev/null
  swift build -c release --scratch-path .build-perf --product dateline-synth >/dev/null
fi
bin=${DATELINE_BIN:-$PWD/.build-perf/release/dateline}
synth=${SYNTH_BIN:-$PWD/.build-perf/release/dateline-synth}
mkdir -p "$out"
out=$(cd "$out" && pwd)
peer=$out/simdjson_party
if [ ! -x "$peer" ] || [ scripts/peers/simdjson_party.cpp -nt "$peer" ]; then
  g++ -O3 -march=native -std=c++17 -o "$peer" scripts/peers/simdjson_party.cpp -lsimdjson
fi
export TERM=xterm-256color
# The re-open cache (CorpusCache) lives here for this run only.
export XDG_CACHE_HOME=$out/cache
nocache() { rm -rf "$XDG_CACHE_HOME/dateline"; }
keys=${KEYS:-1 2 0}
started=$(date +%s)

load() { cut -d' ' -f1 /proc/loadavg; }
# hyperfine over several commands in one call, each under /usr/bin/time; prints "mean min
# max cpu rss" (ms, MB: the peak RSS over its runs) per command.
hf() { # name runs cmd...
  local name=$1 runs=$2 k=0 cmds=()
  shift 2
  local warm=1
  [ "$runs" -le 1 ] && warm=0
  for c in "$@"; do
    rm -f "$out/rss-$name-$k.txt"
    cmds+=("/usr/bin/time -f %M -a -o $out/rss-$name-$k.txt $c")
    k=$((k + 1))
  done
  hyperfine -N -w "$warm" -r "$runs" --export-json "$out/$name.json" "${cmds[@]}" >/dev/null 2>&1 || true
  k=0
  jq -r '.results[] | "\(.mean * 1000 | floor) \(.min * 1000 | floor) \(.max * 1000 | floor) \((.user + .system) * 1000 | floor)"' "$out/$name.json" |
    while read -r line; do
      echo "$line $(sort -n "$out/rss-$name-$k.txt" 2>/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}')"
      k=$((k + 1))
    done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "" }'; }
fmt() { echo "$1 ($2–$3), CPU $4"; } # mean (min–max), user + system
named() { [[ " ${PEERS:-} " == *" $1 "* ]]; }
# want PEER LIMIT: the peer runs when named, or by default below LIMIT records.
want() { named "$1" || { [ -z "${PEERS:-}" ] && [ "$n" -lt "$2" ]; }; }
# row N COMMAND "mean min max cpu rss" [PEER "mean min max cpu rss"]: one Markdown row, and
# the CPU kept for the size ratios at the end.
declare -A cpu_at
row() {
  local m lo hi c r pm plo phi pc pr peercols="| | | |"
  read -r m lo hi c r <<<"$3"
  if [ $# -ge 5 ]; then
    read -r pm plo phi pc pr <<<"$5"
    peercols="| $4 | $(fmt $pm $plo $phi $pc) | ${pr:-} | $(ratio $m $pm) ($(ratio $c $pc)) |"
  fi
  echo "| $1 | $2 | $(fmt $m $lo $hi $c) | ${r:-} $peercols $l |"
  cpu_at["$2@$1"]=$c
}

validate_rows() { # validate beside simdjson parsing every file (one core)
  l=$(load)
  mapfile -t r < <(hf "validate-$n" "$runs" "$bin validate --data $dir" \
    "$peer --parse $dir/records.jsonl $dir/sources.json $dir/parties.json")
  row "$n" "validate" "${r[0]}" "simdjson parse, 1 core" "${r[1]}"
  label validate
}

list_rows() { # list --party, no cache (every check) beside the filter-and-sort peers
  l=$(load)
  local cmds=("env DATELINE_CACHE=0 $list") names=() k
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
  local what="list --party --format jsonl, no cache"
  [ ${#names[@]} -eq 0 ] && row "$n" "$what" "${r[0]}"
  for k in "${!names[@]}"; do
    row "$n" "$what" "${r[0]}" "${names[$k]}" "${r[$((k + 1))]}"
  done
  label "$what"
  if [ "$n" -ge 10000000 ]; then
    # Streamed, not held: the bytes written into a pipe and the RSS of that run.
    l=$(load)
    local bytes
    bytes=$(env DATELINE_CACHE=0 /usr/bin/time -f %M -o "$out/stream-$n.txt" $list | wc -c)
    echo "| $n | list --party --format jsonl, no cache, into a pipe: $((bytes / 1000000)) MB written | | $(awk '{printf "%.0f", $1/1024}' "$out/stream-$n.txt") | | | | | $l |"
  fi
  # Re-open through the cache (written by one run first).
  $list >/dev/null
  l=$(load)
  mapfile -t r < <(hf "list-warm-$n" "$runs" "$list")
  row "$n" "list --party --format jsonl, re-open" "${r[0]}"
  label "list --party --format jsonl, re-open"
}

screen_rows() { # the headless first screen: full load, first open (first pass), re-open
  l=$(load)
  local screen="$bin screen --size 120x40 --data $dir"
  local cmds=("env DATELINE_CACHE=0 $screen" "$screen"
    "bash -c 'rm -rf $XDG_CACHE_HOME/dateline; exec $screen --first-open'")
  want lnav 1000000 && command -v lnav >/dev/null && cmds+=("lnav -n -c ':goto 0' $dir/records.jsonl")
  mapfile -t r < <(hf "screen-$n" "$runs" "${cmds[@]}")
  local full="screen 120x40, no cache (full load)"
  local first="screen 120x40 --first-open, no cache (first pass)"
  if [ ${#r[@]} -gt 3 ]; then
    row "$n" "$full" "${r[0]}" "lnav -n (unsorted, whole file)" "${r[3]}"
    row "$n" "$first" "${r[2]}" "lnav -n (unsorted, whole file)" "${r[3]}"
  else
    row "$n" "$full" "${r[0]}"
    row "$n" "$first" "${r[2]}"
  fi
  row "$n" "screen 120x40, re-open" "${r[1]}"
  label "$full"
  label "$first"
  label "screen 120x40, re-open"
}

filter_rows() { # each filter key on the re-opened data (DATELINE_TIMING: update + frame)
  [ -d "$XDG_CACHE_HOME/dateline" ] || $list >/dev/null
  local sets file nk=0 k
  for k in $keys; do nk=$((nk + 1)); done
  for sets in 1 0; do
    file=$out/keys-$n-$sets.txt
    rm -f "$file" "$out/rss-keys-$n-$sets.txt"
    l=$(load)
    for _ in $(seq "$runs"); do
      DATELINE_PARTY_SETS=$sets DATELINE_TIMING=1 /usr/bin/time -f %M -a -o "$out/rss-keys-$n-$sets.txt" \
        $bin screen --size 120x40 --keys "$keys" --data "$dir" 2>>"$file" >/dev/null
    done
    local rss
    rss=$(sort -n "$out/rss-keys-$n-$sets.txt" | tail -1 | awk '{printf "%.0f", $1/1024}')
    if [ "$sets" = 1 ]; then
      row "$n" "party sets built after the first frame (the browser: in the background)" \
        "$(laps "$file" 'timing screen.party sets:' 1 0) $rss"
      label "party sets built after the first frame (the browser: in the background)"
    fi
    local i=0 what
    for k in $keys; do
      what="filter key $k (keys \"$keys\"), re-open, update + frame"
      [ "$sets" = 0 ] && what="$what, before the party sets"
      row "$n" "$what" "$(laps "$file" 'timing screen.key ' "$nk" "$i") $rss"
      label "$what"
      i=$((i + 1))
    done
  done
}

# laps FILE PREFIX EVERY AT: "mean min max cpu" (ms) of the lines starting with PREFIX,
# taking the AT-th of every EVERY ("timing screen.key 1: 41.2 ms (CPU 63.5 ms)").
laps() {
  grep -F "$2" "$1" | awk -v every="$3" -v at="$4" '
    { if ((NR - 1) % every != at) next
      w = $(NF - 4); c = $(NF - 1); n++; sw += w; sc += c
      if (n == 1 || w < lo) lo = w; if (w > hi) hi = w }
    END { if (n) printf "%.1f %.1f %.1f %.1f", sw / n, lo, hi, sc / n }'
}

browse_rows() { # the real browser in tmux beside lnav in the same pane (bench-browse.sh)
  command -v tmux >/dev/null || return 0
  l=$(load)
  DATELINE_BIN=$bin bash scripts/bench-browse.sh "$dir" "$runs" >"$out/browse-$n.txt" 2>&1 || true
  local f=$out/browse-$n.txt
  tstat() { # FIELD-AFTER LINE-START: "mean (min–max)" in ms of the value after FIELD
    awk -v line="$2" -v key="$1" '$1 == line { for (i = 2; i < NF; i++) if ($i == key) {
        v = $(i + 1) * 1000; n++; s += v; if (n == 1 || v < lo) lo = v; if (v > hi) hi = v } }
      END { if (n) printf "%d (%d–%d)", s / n, lo, hi }' "$f"
  }
  maxrss() { awk -v line="$1" '$1 == line { for (i = 2; i < NF; i++) if ($i == "rss" && $(i + 1) > m) m = $(i + 1) } END { print m }' "$f"; }
  mean() { awk -v line="$1" -v key="$2" '$1 == line { for (i = 2; i < NF; i++) if ($i == key) { s += $(i + 1); n++ } } END { if (n) print s / n * 1000 }' "$f"; }
  # "cold 0.43 key-during-check ..." has the first screen right after "cold"; lnav likewise.
  sed -i -E 's/^(cold|re-open|lnav) ([0-9.]+)/\1 first \2/' "$f"
  local lnavcol="| | | |"
  [ -n "$(tstat first lnav)" ] && lnavcol="| lnav in the same pane, first screen (unsorted) | $(tstat first lnav) | | $(ratio "$(mean cold first)" "$(mean lnav first)") |"
  echo "| $n | browser in tmux 120x40, first open: first sorted screen | $(tstat first cold) | $(maxrss cold) (through the check) $lnavcol $l |"
  [ -n "$(tstat key-during-check cold)" ] &&
    echo "| $n | browser in tmux, a key (j) during the background check, answered in | $(tstat key-during-check cold) | | | | | | $l |"
  [ -n "$(tstat checked cold)" ] &&
    echo "| $n | browser in tmux, the check ended ('checked') | $(tstat checked cold) | | | | | | $l |"
  lnavcol="| | | |"
  [ -n "$(tstat first lnav)" ] && lnavcol="| lnav in the same pane, first screen (unsorted) | $(tstat first lnav) | | $(ratio "$(mean re-open first)" "$(mean lnav first)") |"
  local what="browser in tmux 120x40, re-open: first screen"
  grep -q "no cache was there" "$f" && what="$what (a run found no cache: see $f)"
  echo "| $n | $what | $(tstat first re-open) | $(maxrss re-open) $lnavcol $l |"
}

echo "| records | command | dateline ms: mean (range), CPU | peak RSS MB | peer | peer ms: mean (range), CPU | peer RSS MB | wall ratio (CPU ratio) | load |"
echo "|---|---|---|---|---|---|---|---|---|"
labels=()
label() { [[ " ${labels[*]-} " == *" $1 "* ]] || labels+=("$1"); }
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
  nocache
  validate_rows
  list_rows
  screen_rows
  filter_rows
  nocache
  [ "${BROWSE:-1}" = 0 ] || browse_rows
done
if [ ${#sizes[@]} -ge 2 ]; then
  a=${sizes[0]}
  b=${sizes[${#sizes[@]}-1]}
  echo
  echo "| command | CPU ms at $a | CPU ms at $b | ratio ($((b / a))x the records) |"
  echo "|---|---:|---:|---:|"
  for k in "${labels[@]}"; do
    x=${cpu_at["$k@$a"]:-}
    y=${cpu_at["$k@$b"]:-}
    [ -n "$x" ] && [ -n "$y" ] && echo "| $k | $x | $y | $(ratio $y $x) |"
  done
fi
echo
took=$(($(date +%s) - started))
echo "(bench-scale.sh ${sizes[*]}: $((took / 60)) min $((took % 60)) s, load at the end $(cut -d' ' -f1-3 /proc/loadavg))"
