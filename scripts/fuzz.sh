#!/usr/bin/env bash
# Fuzzes the loader and the sanitizer with libFuzzer (+ AddressSanitizer).
#   scripts/fuzz.sh [RUNS]     default 1000000 inputs (FUZZ_SECONDS=N stops after N s); crashers land in Fuzz/crashers/
# The seed corpus is Data/ and the hostile fixtures. Not part of the tests: slow.
# Leak detection is off: FoundationEssentials leaks one 4 KB read buffer when
# FileManager.contents(atPath:) reads an empty file (not our allocation; see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
out=.build-fuzz
mkdir -p "$out" Fuzz/crashers "$out/corpus"
swiftc -parse-as-library -O -swift-version 6 -sanitize=fuzzer,address -module-name DatelineFuzz \
  -I Sources/CDatelineScan/include \
  $(find Sources/DatelineCore -name "*.swift" | sort) Fuzz/FuzzTarget.swift -o "$out/dateline-fuzz"
cp Data/*.json "$out/corpus/" 2>/dev/null || true
# Parties files as inputs (a leading P): the seed's, and every fixture's.
for f in Data/parties.json Tests/DatelineCoreTests/Fixtures/*/parties.json; do
  [ -f "$f" ] && { printf 'P'; cat "$f"; } > "$out/corpus/p-$(basename "$(dirname "$f")").json"
done
for d in Tests/DatelineCLITests/Hostile/*/; do
  for f in "$d"records.json; do [ -f "$f" ] && cp "$f" "$out/corpus/$(basename "$d").json"; done
done
for d in Tests/DatelineCoreTests/Fixtures/*/; do
  for f in "$d"records.json "$d"records.jsonl; do [ -f "$f" ] && cp "$f" "$out/corpus/fx-$(basename "$d")-$(basename "$f")"; done
done
ASAN_OPTIONS=detect_leaks=0 "$out/dateline-fuzz" -runs="$runs" -max_total_time="${FUZZ_SECONDS:-0}" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -detect_leaks=0 -artifact_prefix=Fuzz/crashers/ -print_final_stats=1 "$out/corpus"
