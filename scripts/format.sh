#!/usr/bin/env bash
# Formats the Swift files with .swift-format (swift-argument-parser's rules), or checks them.
#   bash scripts/format.sh        rewrites every tracked Swift file in place
#   bash scripts/format.sh lint   changes nothing; exits 1 on any finding (CI runs this)
# Uses swift-format from PATH, else the toolchain's `swift format`.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v swift-format >/dev/null 2>&1; then
  fmt=(swift-format)
else
  fmt=(swift format)
fi
mapfile -t files < <(git ls-files '*.swift')
case "${1:-format}" in
format) "${fmt[@]}" format --in-place --parallel "${files[@]}" ;;
lint) "${fmt[@]}" lint --strict --parallel "${files[@]}" ;;
*)
  echo "usage: bash scripts/format.sh [format|lint]" >&2
  exit 2
  ;;
esac
