#!/usr/bin/env bash
# Headlines scrolled sideways (issue 14): → and l shift every headline half its column,
# with … where a row is cut; the terminal shows what `dateline screen` prints for the
# same keys; ← comes back, and a wider window clamps the offset.
source "$(dirname "$0")/lib.sh"
start 60 24

# expect_screen DESCRIPTION KEYS: poll until the pane equals the headless screen.
expect_screen() {
  local want deadline=$((SECONDS + 10))
  want=$(cd "$ROOT" && "$BIN" screen --data Data --size 60x24 --keys "$2" | sed 's/ *$//')
  while [ $SECONDS -le $deadline ]; do
    [ "$(screen | sed 's/ *$//')" = "$want" ] && { ok "$1"; return; }
    sleep 0.1
  done
  fail "$1 (wanted the screen of --keys '$2')"
  printf '%s\n' "$want" | sed 's/^/    = /'
}

keys "cd '$ROOT' && '$BIN' --data Data; echo EXIT=\$?" Enter
expect "timeline opens" ' 24/24 .* 1 of 24'
keys Right
expect_screen "→ shifts the headlines" "Right"
if screen | grep -q '^▸.* …[a-z]'; then ok "the selected row is marked as cut on the left"; else fail "cut mark on the left"; fi
keys l j j
expect_screen "l shifts once more and j keeps the offset" "Right l j j"
keys h Left
expect_screen "h and ← come back to the start" "Right l j j h Left"
keys l l l l l l l l l l l l
T resize-window -t 0 -x 120 -y 24 2>/dev/null || T resize-pane -t 0 -x 120 -y 24
expect "the wider window shows the record count" ' 24/24 .* 3 of 24'
keys q
expect "quits" 'EXIT=0'
finish
