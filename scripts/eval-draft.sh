#!/usr/bin/env bash
# Scores `dateline draft` on the annotated sets (see docs/drafting.md): precision, recall
# and F1 for temporal-expression spans and values, draft dates, parties and basis.
#   Eval/         the drafting engineer's development set (written before tuning, tuned on)
#   EvalHeldOut/  the drafting engineer's held-out texts (scored once before any change)
#   HeldOutDev/   held-out news texts the timex rules may be tuned on
#   HeldOut/      held-out news texts never tuned on (scored at the start and end of a change)
# then Eval and EvalHeldOut together with the seed: how many of Data/'s records the draft of
# the seed article recovers.
# Usage: scripts/eval-draft.sh [--verbose]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dateline >/dev/null
bin=$(swift build -c release --show-bin-path)/dateline
sets=Tests/DatelineDraftTests
for set in Eval EvalHeldOut HeldOutDev HeldOut; do
  echo "== $set ($sets/$set)"
  "$bin" draft-eval "$sets/$set" "$@"
done
echo "== Eval and EvalHeldOut together, and the seed"
"$bin" draft-eval "$sets/Eval" "$sets/EvalHeldOut" --seed Data "$@"
