#!/usr/bin/env bash
# The committed man page matches the argument parser: scripts/man.sh --check regenerates it
# with swift-argument-parser's generate-manual plugin and compares. Fails with the diff and
# the command to run when a flag, subcommand or help text changed without the page.
source "$(dirname "$0")/lib.sh"
# The plugin builds in the folder the tested binary came from (.build unless DATELINE_BIN).
scratch=$(cd "$(dirname "$BIN")/.." && pwd)
if out=$(SCRATCH_PATH="$scratch" bash "$ROOT/scripts/man.sh" --check 2>&1); then
  ok "man/dateline.1 is up to date"
else
  FAILS=$((FAILS + 1))
  echo "FAIL $NAME: man/dateline.1 is out of date"
  echo "$out" | tail -45 | sed 's/^/    | /'
fi
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man --warnings -l -P cat "$ROOT/man/dateline.1" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] && ok "the page formats without warnings" || fail "man warns: $warnings"
fi
finish
