#!/usr/bin/env bash
# Scores `dateline draft` on the annotated sets (see docs/drafting.md):
#   Eval/        the drafting engineer's set (tuned on)
#   HeldOutDev/  held-out news texts the timex rules may be tuned on
#   HeldOut/     held-out news texts never tuned on (scored at the start and end of a change)
# Usage: scripts/eval-draft.sh [--verbose]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dateline >/dev/null
bin=$(swift build -c release --show-bin-path)/dateline
for set in Eval HeldOutDev HeldOut; do
  echo "== $set (Tests/DatelineDraftTests/$set)"
  "$bin" draft-eval "Tests/DatelineDraftTests/$set" "$@"
done
