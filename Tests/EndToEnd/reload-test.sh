#!/usr/bin/env bash
# Living data in the real browser: it follows its directory (an appended .jsonl line
# shows by itself and the status line says what changed), R reloads on demand,
# --no-follow stops the watching, ! lists the load's errors and Enter opens the file in
# $EDITOR at the line (through a fake editor that records its arguments and fixes the
# line), and the screen comes back after the editor.
source "$(dirname "$0")/lib.sh"
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA"
cp -r "$ROOT/Data/." "$DATA/"
line() {  # line ID HEADLINE: one record as a .jsonl line, sourced from the seed article
  printf '{"id":"%s","date":"2024-02-0%s","kind":"event","parties":[{"id":"hamas","role":"actor"}],"headline":"%s","source":"cnn-hostage-talks"}\n' "$1" "$2" "$3"
}
{ line live-1 1 "Appended record one"; echo '{"id":"broken","date":"2024-13-01","kind":"event"}'; } >"$DATA/today.jsonl"
# The fake editor: records its arguments, then replaces the broken line 2 with a good one.
mkdir -p "$WORK/bin"
cat >"$WORK/bin/nano" <<EDITOR
#!/bin/sh
printf '%s\n' "\$@" >"$WORK/editor-args"
# Told to wait: an editor the user leaves with Ctrl-C (it dies of SIGINT, as a program may).
[ -f "$WORK/wait" ] && { echo EDITOR-WAITING; read -r _; }
[ -f "$WORK/args-only" ] && exit 0
{ head -n 1 "$DATA/today.jsonl"; printf '%s\n' '$(line fixed-2 2 "Fixed in the editor")'; } >"$WORK/t" && mv "$WORK/t" "$DATA/today.jsonl"
EDITOR
chmod +x "$WORK/bin/nano"

start 100 30
ENVS="XDG_CACHE_HOME='$WORK/cache'"
keys "clear; EDITOR='$WORK/bin/nano -x' $ENVS '$BIN' --data '$DATA'" Enter
expect "browser up with the appended record" ' 25/25 '
expect "the load's errors point to !" 'left out: ! lists them'
keys G
expect "the appended record is last" 'Appended record one'
keys '!'
expect "! lists the load's error" 'today.jsonl:2.*date'
keys Enter
expect "the editor's change is reloaded" ' 26/26 '
if [ "$(tr '\n' ' ' <"$WORK/editor-args")" = "-x +2 $DATA/today.jsonl " ]; then
  ok "the editor got its own argument, the line and the file"
else
  fail "editor arguments: $(cat "$WORK/editor-args")"
fi
# The fixed record is the last one (the selection and scroll stay where they were).
keys G
expect "the screen is back after the editor" 'Fixed in the editor'
expect "the fixed error is gone and the pane closed" '26/26.*of 26'
line live-3 3 "Appended while browsing" >>"$DATA/today.jsonl"
expect "an appended line shows by itself" '\+1 record, 0 changed, 0 removed, 0 errors'
expect "the new record is in the list" ' 27/27 '
sed -i 's/Appended while browsing/Changed while browsing/' "$DATA/today.jsonl"
expect "an edit in place shows by itself" '\+0 records, 1 changed, 0 removed, 0 errors'
keys R
expect "R reloads on demand" 'reloaded: no change'
# Ctrl-C in the editor is the editor's: the browser is still there when it ends.
echo '{"id":"bad"}' >>"$DATA/today.jsonl"
expect "a bad line is reported" 'removed, [1-9][0-9]* errors'
touch "$WORK/wait"
keys '!' Enter
expect "the editor runs" 'EDITOR-WAITING'
keys C-c
expect "after Ctrl-C in the editor the browser is back" ' 27/27 '
rm "$WORK/wait"
keys Q
keys 'echo EXIT=$?' Enter
expect "Q quits" '^EXIT=0'

keys "clear; EDITOR=true $ENVS '$BIN' --no-follow --data '$DATA'" Enter
expect "browser up without following" ' 27/27 '
line live-4 4 "Not followed" >>"$DATA/today.jsonl"
keys j
expect "a key is answered" '2 of 27'
keys j
expect "another key is answered" '3 of 27'
if screen | grep -q ' 28/28 '; then fail "--no-follow still reloaded"; else ok "--no-follow does not reload by itself"; fi
keys R
expect "R still reloads with --no-follow" ' 28/28 '
keys Q

keys "clear; DATELINE_WATCH=poll $ENVS '$BIN' --data '$DATA'" Enter
expect "browser up, watching by status polls" ' 28/28 '
line live-5 5 "Seen by the poll" >>"$DATA/today.jsonl"
expect "the poll sees an appended line" '\+1 record, 0 changed, 0 removed'
rm "$DATA/today.jsonl"
expect "the poll sees a deleted file" ' 24/24 .*5 removed'
keys Q

# An error of an envelope's item: Enter opens the editor at the item's line.
printf '{"schema": 1, "type": "records", "items": [\n  {"id": "broken-a", "date": "2024-13-01"},\n  {"id": "broken-b"}\n]}\n' >"$DATA/extra.json"
touch "$WORK/args-only"
keys "clear; EDITOR='$WORK/bin/nano -x' $ENVS '$BIN' --data '$DATA'" Enter
expect "browser up with an envelope error" 'left out: ! lists them'
keys '!'
expect "! lists the item's errors" 'extra.json: items\[0\]'
rm -f "$WORK/editor-args"
keys Enter
for _ in $(seq 100); do [ -s "$WORK/editor-args" ] && break; sleep 0.1; done
if [ "$(tr '\n' ' ' <"$WORK/editor-args")" = "-x +2 $DATA/extra.json " ]; then
  ok "the editor opens at the item's line"
else
  fail "editor arguments for an item: $(tr '\n' ' ' <"$WORK/editor-args")"
fi
keys Q
expect_sane_tty "after the reload tests"
finish
