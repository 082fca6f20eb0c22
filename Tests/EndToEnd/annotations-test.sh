#!/usr/bin/env bash
# In the browser: `*` stars, `T` tags (Tab completes), `i` writes a note; each change is
# one line appended to annotations/NAME.jsonl at once, `dateline list` sees it, and the
# next browser shows it. A place that cannot be written says so and keeps the change.
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
cp -r "$ROOT/Data" "$work/data"
: >"$work/empty.toml"
printf '[annotations]\nauthor = "ana"\nrestore = false\n' >"$work/ana.toml"
printf '[annotations]\nauthor = "ana"\n' >"$work/restore.toml"
file="$work/data/annotations/ana.jsonl"

start 100 30
keys "cd '$work' && '$BIN' --data data --config ana.toml --no-follow; echo EXIT=\$?" Enter
expect "timeline opens" 'data  24/24 .* 1 of 24'
keys '*'
expect "* stars: the marker" '^▸2023-10-07 +● ★ '
expect "* stars: the message" 'starred  1 of 24'
[ "$(grep -c '"op":"star"' "$file" 2>/dev/null)" = 1 ] && ok "the star is one line in annotations/ana.jsonl" \
  || fail "annotations file: $(cat "$file" 2>&1)"
keys j T
expect "T asks for a tag" 'tag \(Tab completes; a tag it has is removed\):'
keys "Key Point" Enter
expect "the tag is added" 'tagged key-point'
keys j T k Tab
expect "Tab completes a tag in use" 'tag \(Tab completes.*\): key-point'
keys Enter j i "compare with Reuters" Enter
expect "i writes a note" 'note saved'
keys Enter
expect "the detail pane shows the note" 'Note: +compare with Reuters'
[ "$(wc -l <"$file")" -eq 4 ] && ok "four changes, four lines" || fail "lines: $(cat "$file")"
keys q q
expect "quits" 'EXIT=0'
out=$("$BIN" list --data "$work/data" --config "$work/empty.toml" --tag key-point --format jsonl | wc -l)
[ "$out" -eq 2 ] && ok "list --tag sees the browser's tags" || fail "list --tag gave $out records"

keys "clear; '$BIN' --data data --config ana.toml --no-follow; echo EXIT=\$?" Enter
expect "a new browser shows the annotations" '^▸2023-10-07 +● ★ '
keys '#'
expect "# lists tags with counts" 'key-point +2'
keys 1 Escape
expect "a tag filters the timeline" '2/24 +#key-point'
keys q
expect "quits again" 'EXIT=0'

# E: the record's file in $EDITOR at its line (a fake vi that writes down its arguments),
# c: the records around it.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/editor-args"\n' "$work" >"$work/vi" && chmod +x "$work/vi"
keys "clear; EDITOR='$work/vi' '$BIN' --data data --config ana.toml --no-follow; echo EXIT=\$?" Enter
expect "opens" 'data  24/24 .* 1 of 24'
keys t 2023-11-24 Enter c
expect "c shows the records around it" '5 within 3d'
keys E
expect "back from the editor" 'data  5/24'
line=$(grep -n '"id": "truce"' "$work/data/records.json" | cut -d: -f1)
[ "$(head -1 "$work/editor-args")" = "+$line" ] && [ "$(sed -n 2p "$work/editor-args")" = "data/records.json" ] \
  && ok "E opened records.json at the record's line ($line)" || fail "editor args: $(cat "$work/editor-args" 2>&1)"
keys Escape
expect "Esc leaves the context" 'data  24/24 .* 4 of 24'
keys q
expect "quits" 'EXIT=0'

# V saves a view; the next browser (restore on) comes back to the same filters and record.
rm -rf "/tmp/dateline-e2e-state-$$/dateline/sessions"
keys "clear; '$BIN' --data data --config restore.toml --no-follow; echo EXIT=\$?" Enter
expect "opens" 'data  24/24 .* 1 of 24'
keys 1 V Enter hamas-view Enter
expect "V saves a view" 'view hamas-view saved'
keys j j q
expect "quits" 'EXIT=0'
"$BIN" list --data "$work/data" --config "$work/restore.toml" --view hamas-view --format jsonl | wc -l | grep -qx 16 \
  && ok "list --view uses the saved view" || fail "list --view: $("$BIN" list --data "$work/data" --config "$work/restore.toml" --view hamas-view 2>&1 | head -3)"
keys "clear; '$BIN' --data data --config restore.toml --no-follow; echo EXIT=\$?" Enter
expect "re-opened at the last filters and record" 'data  16/24 +\[Hamas\] .* 3 of 16'
keys q
expect "quits" 'EXIT=0'

# The annotations directory turned into a file: the change stays on screen, the status
# line says why it was not saved.
rm -rf "$work/data/annotations" && : >"$work/data/annotations"
keys "clear; XDG_DATA_HOME=/dev/null/x '$BIN' --data data --config ana.toml --no-follow; echo EXIT=\$?" Enter
expect "opens without its annotations" 'data  24/24 .* 1 of 24'
keys '*'
expect "an unwritable place is a clear message" 'annotations not saved \(1 change kept until you quit\)'
expect "the star still shows" '^▸2023-10-07 +● ★ '
keys q
expect "quits" 'EXIT=0'
finish
