#!/usr/bin/env bash
# Saving a view (V) never loses views already in the file: the file is read again and
# merged before the write (a view another browser saved after this one opened is kept),
# and a file that does not parse (a hand edit gone wrong) is refused, not replaced.
source "$(dirname "$0")/lib.sh"
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA/annotations"
cp -r "$ROOT/Data/." "$DATA/"
VIEWS="$DATA/annotations/ana.views.json"
start 100 24
keys "clear; USER=ana XDG_STATE_HOME='$WORK/state' '$BIN' --data '$DATA'; echo EXIT=\$?" Enter
expect "browser up" ' 24/24 '
# Saved by another browser after this one opened.
printf '{"schema": 1, "views": [\n  {"name":"other"}\n]}\n' >"$VIEWS"
keys V Enter
keys n e w Enter
expect "the view is saved" 'view new saved'
if grep -q '"name":"other"' "$VIEWS" && grep -q '"name":"new"' "$VIEWS"; then
  ok "the other browser's view is kept beside the new one"
else
  fail "views file: $(cat "$VIEWS")"
fi
# A hand edit with a trailing comma: refused, the file left as it was.
printf '{"schema": 1, "views": [\n  {"name":"mine"},\n]}\n' >"$VIEWS"
cp "$VIEWS" "$WORK/before"
keys V Enter
keys t w o Enter
expect "a views file that does not parse is refused" 'view not saved: .*does not parse'
if cmp -s "$VIEWS" "$WORK/before"; then ok "the unparsable views file is untouched"; else fail "views file replaced: $(cat "$VIEWS")"; fi
keys q
expect "the browser quits" 'EXIT=0'
finish
