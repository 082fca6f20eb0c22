#!/usr/bin/env bash
# A source's text_path file is watched like the data files: editing it under the open
# browser reloads the directory and checks the quotes again (a quote no longer in the
# text leaves its record out with an error; putting the text back brings it back), with
# inotify and with DATELINE_WATCH=poll.
source "$(dirname "$0")/lib.sh"
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA"
cp -r "$ROOT/Data/." "$DATA/"
TEXT="$DATA/sources/hostage-talks-article.txt"
cp "$TEXT" "$WORK/original.txt"
QUOTE='US officials had said getting answers from Hamas was an incredibly cumbersome process'
grep -qF "$QUOTE" "$TEXT" || { echo "text-watch-test: the seed text lacks the quote"; exit 1; }

# The records a fresh load of the files keeps (validate's summary).
dateline_count() { "$BIN" validate --data "$DATA" 2>/dev/null | sed -n 's/.* \([0-9]*\) records.*/\1/p'; }

start 100 30
for mode in notify poll; do
  envs="XDG_CACHE_HOME='$WORK/cache'"
  [ "$mode" = poll ] && envs="$envs DATELINE_WATCH=poll"
  keys "clear; $envs '$BIN' --data '$DATA'" Enter
  expect "browser up ($mode)" ' 24/24 '
  # Edited in place, as an editor saving over it would: the quote's words changed.
  sed -i "s/cumbersome process/cumbersome prozess/" "$TEXT"  # same length: other quotes keep their offsets
  # The record whose quote went is left out, and those linking to it (SCHEMA.md "Errors").
  expect "the text's edit reloads and the quote is checked again ($mode)" '\+0 records, 0 changed, 18 removed, 18 errors' 20
  expect "the records are left out, as validate says ($mode)" " $(dateline_count)/$(dateline_count) "
  cat "$WORK/original.txt" >"$TEXT"
  expect "the text put back brings the records back ($mode)" '\+18 records, 0 changed, 0 removed, 0 errors' 20
  expect "24 again ($mode)" ' 24/24 '
  keys Q
  keys 'echo EXIT=$?' Enter
  expect "Q quits ($mode)" '^EXIT=0'
  keys clear Enter
done
finish
