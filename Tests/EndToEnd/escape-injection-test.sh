#!/usr/bin/env bash
# Data full of escape sequences (OSC 52 clipboard writes, OSC 0 titles, CSI, C1, bidi)
# opened in the browser must leave the pane title and tmux's paste buffers untouched.
source "$(dirname "$0")/lib.sh"
DATA="$ROOT/Tests/DatelineCLITests/Hostile/escape-injection"
start 100 30
# An OSC 52 from the pane would land in tmux's buffers; an OSC 0/2 would retitle the pane.
T set-option -g set-clipboard on
T set-option -g allow-rename on
T set-option -g -w allow-rename on 2>/dev/null || true
T select-pane -t 0 -T "untouched-title"
before_title=$(T display-message -p -t 0 '#{pane_title}')
before_buffers=$(T list-buffers 2>/dev/null | wc -l)
keys "clear; '$BIN' --data '$DATA'; echo EXIT=\$?" Enter
expect "the browser shows the hostile record" '1/1'
expect "the escape is shown as a symbol" '␛'
keys Enter
expect "detail opens" 'Detail'
keys o
expect "source opens" 'with ␛\[2J clear'
keys p
expect "party list opens" 'Parties'
keys Escape q
keys q
expect "quits" '^EXIT=0'
after_title=$(T display-message -p -t 0 '#{pane_title}')
after_buffers=$(T list-buffers 2>/dev/null | wc -l)
if [ "$after_title" = "$before_title" ]; then ok "pane title untouched ($after_title)"; else fail "pane title changed to: $after_title"; fi
if [ "$after_buffers" = "$before_buffers" ]; then ok "no paste buffer written"; else fail "paste buffers: $(T list-buffers)"; fi
# The same bytes printed raw would change both: prove the check can fail.
keys "clear; printf '\\033]2;pwned-title\\007\\033]52;c;cHduZWQ=\\007'; echo RAW-DONE" Enter
expect "raw control bytes reached the pane" 'RAW-DONE'
for _ in $(seq 50); do
  [ "$(T display-message -p -t 0 '#{pane_title}')" != "$before_title" ] && break
  sleep 0.1
done
raw_title=$(T display-message -p -t 0 '#{pane_title}')
raw_buffers=$(T list-buffers 2>/dev/null | wc -l)
if [ "$raw_title" != "$before_title" ] && [ "$raw_buffers" != "$before_buffers" ]; then
  ok "the check detects a raw OSC (title: $raw_title, buffers: $raw_buffers)"
else
  fail "the check could not see a raw OSC (title: $raw_title, buffers: $raw_buffers)"
fi
finish
