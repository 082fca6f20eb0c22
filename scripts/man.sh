#!/usr/bin/env bash
# Writes man/dateline.1: the part generated from the argument parser by
# swift-argument-parser's generate-manual plugin (every subcommand and option, from the
# same help text as --help), then the hand-written sections in man/sections.mdoc (keys,
# configuration, data format, environment, exit status), which the parser cannot know.
#
#   bash scripts/man.sh           regenerate man/dateline.1 (commit the result)
#   bash scripts/man.sh --check   exit 1 when the committed page is out of date
#
# SCRATCH_PATH picks the build folder (default .build, the one scripts/test.sh builds).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
# A fixed date keeps the page reproducible: --check compares byte for byte. Change it
# when the page changes in a way worth dating.
date=2026-11-26

log=$(mktemp)
trap 'rm -f "$log" "${tmp:-}"' EXIT
if ! swift package --scratch-path "$scratch" --allow-writing-to-package-directory \
  generate-manual --configuration debug --date "$date" --section 1 >"$log" 2>&1; then
  cat "$log" >&2
  echo "man.sh: the generate-manual plugin failed" >&2
  exit 2
fi
generated="$scratch/plugins/GenerateManual/outputs/dateline/dateline.1"
[ -f "$generated" ] || { echo "man.sh: no $generated" >&2; exit 2; }

tmp=$(mktemp)
# The plugin ends with a generic EXIT STATUS (.Ex -std); ours is in sections.mdoc. Blank
# lines (paragraphs in help texts) become .Pp, which mdoc wants instead (man warns).
sed -e '/^\.Sh "EXIT STATUS"$/,$d' -e 's/^$/.Pp/' "$generated" >"$tmp"
cat man/sections.mdoc >>"$tmp"

if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$tmp" man/dateline.1; then
    diff -u man/dateline.1 "$tmp" | head -40 >&2 || true
    echo "man.sh: man/dateline.1 is out of date: run 'bash scripts/man.sh' and commit it" >&2
    exit 1
  fi
  echo "man.sh: man/dateline.1 is up to date"
else
  cp "$tmp" man/dateline.1
  echo "man.sh: wrote man/dateline.1"
fi
