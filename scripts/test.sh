#!/usr/bin/env bash
# The test command: unit, screen and CLI tests (swift test), then the tmux end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
swift build
swift test
if [ -d Tests/EndToEnd ]; then
  bash Tests/EndToEnd/run-all.sh
fi
