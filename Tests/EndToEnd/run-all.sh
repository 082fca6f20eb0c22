#!/usr/bin/env bash
# Runs every tmux end-to-end test; prints a closing "N passed, N failed" line.
cd "$(dirname "$0")"
failed=0
passed=0
for t in ./*-test.sh; do
  if bash "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
