#!/usr/bin/env bash
# In the browser: `e` writes the filtered view to a named file and asks before replacing
# it; `y` copies a citation through OSC 52 when the config enables it (tmux keeps it in a
# paste buffer with set-clipboard on), and otherwise prints it on exit. The config's
# layout and key remaps apply.
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
cat >"$work/osc.toml" <<TOML
layout = "below"
[keys]
"C-n" = "j"
[citation]
clipboard = "osc52"
TOML
: >"$work/plain.toml"

start 120 30
T set-option -g set-clipboard on
keys "cd '$work' && '$BIN' --data '$ROOT/Data' --config osc.toml; echo EXIT=\$?" Enter
expect "timeline opens" 'Data  24/24 .* 1 of 24'
keys C-n C-n
expect "a remapped key moves the selection" '3 of 24'
keys Enter
expect "layout = below: the detail opens under the timeline" '^ Detail \(Esc: timeline'
keys Escape 1
expect "a party filter" '16/24 +\[Hamas\]'
keys e
expect "e asks for a file" 'export 16 records to \(.csv, .md\):'
keys "hamas.csv" Enter
expect "the export is written" 'wrote 16 records to hamas.csv'
[ "$(wc -l <"$work/hamas.csv")" -eq 17 ] && head -1 "$work/hamas.csv" | grep -q '^id,date,precision' \
  && ok "hamas.csv has a header and 16 rows" || fail "hamas.csv: $(head -3 "$work/hamas.csv")"
keys 0 e "hamas.csv" Enter
expect "an existing file: asked first" 'hamas.csv exists; replace it\? \(y/n\)'
keys n
expect "n keeps it" 'export cancelled: hamas.csv is kept'
[ "$(wc -l <"$work/hamas.csv")" -eq 17 ] && ok "the file is unchanged" || fail "the file changed after n"
keys e "hamas.csv" Enter
expect "asked again" 'replace it\? \(y/n\)'
keys y
expect "y replaces it" 'wrote 24 records to hamas.csv'
[ "$(wc -l <"$work/hamas.csv")" -eq 25 ] && ok "the file now has every record" || fail "not replaced"
keys e "report.md" Enter
expect "a .md name writes Markdown" 'wrote 24 records to report.md'
grep -q '^| Date | Kind | Parties | Headline | Attribution | Source |$' "$work/report.md" && ok "report.md is a Markdown table" || fail "report.md: $(head -2 "$work/report.md")"

keys g y
expect "y copies through OSC 52" 'citation copied to the clipboard \(OSC 52\)'
buffer=$(T show-buffer 2>/dev/null || true)
if grep -q '^Hostages abducted on 7 October' <<<"$buffer" && grep -q '^Record: oct7-abductions$' <<<"$buffer"; then
  ok "tmux received the citation"
else
  fail "tmux buffer: $buffer"
fi
# Esc gave the keys back to the timeline; the detail pane is still open: q closes it, q quits.
keys q q
expect "quit" 'EXIT=0'
expect_sane_tty "after the browser"

# Without OSC 52 or a file in the config: the citations are printed when the browser ends.
keys "clear; '$BIN' --data '$ROOT/Data' --config plain.toml; echo EXIT=\$?" Enter
expect "timeline opens again" 'Data  24/24 .* 1 of 24'
keys y
expect "y keeps the citation" 'citation kept: it is printed when you quit'
keys j y q
expect "both citations are printed on exit" 'Record: first-round-talks' 10
# The shell prints EXIT=0 a moment after the last citation: poll for it, then look.
wait_for '^EXIT=0$' 10
if screen | grep -q '^Record: oct7-abductions$' && screen | grep -q '^EXIT=0$'; then ok "first citation printed too"; else fail "citations on exit"; fi
finish
