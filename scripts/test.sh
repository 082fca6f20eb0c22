#!/usr/bin/env bash
# The test command: unit, screen and CLI tests (swift test), then the tmux end-to-end tests.
# Ends with one line "tests: N passed, N failed" over both.
set -uo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
# Goldens are compared, never recorded, by the test command (GoldenTests checks it under CI).
unset DATELINE_RECORD
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Every module imports only what Package.swift says it depends on.
swift build --explicit-target-dependency-import-check error || exit 1
swift test 2>&1 | tee "$log"
unit_status=${PIPESTATUS[0]}
# XCTest's last summary ("All tests") counts every unit test once.
# ("Executed 298 tests, with 1 test skipped and 0 failures (0 unexpected) in …")
summary=$(grep -E "Executed [0-9]+ tests?, with .*[0-9]+ failures?" "$log" | tail -1)
unit_total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
unit_skipped=$(grep -oE "[0-9]+ tests? skipped" <<<"$summary" | grep -oE "^[0-9]+")
unit_failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
unit_total=$((${unit_total:-0} - ${unit_skipped:-0}))
unit_failed=${unit_failed:-0}
[ "$unit_status" -ne 0 ] && [ "$unit_failed" -eq 0 ] && unit_failed=1

e2e_passed=0
e2e_failed=0
if [ -d Tests/EndToEnd ]; then
  bash Tests/EndToEnd/run-all.sh 2>&1 | tee "$log"
  line=$(grep -E "^end-to-end: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
  e2e_passed=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
  e2e_failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  e2e_passed=${e2e_passed:-0}
  e2e_failed=${e2e_failed:-1}
fi

passed=$((unit_total - unit_failed + e2e_passed))
failed=$((unit_failed + e2e_failed))
echo "tests: $passed passed, $failed failed, ${unit_skipped:-0} skipped"
[ "$failed" -eq 0 ]
