# Shared helpers for the tmux end-to-end tests (after tig's test/tools/libtest.sh).
# Each test runs the real binary in a private tmux server (-L), at a fixed size, with
# LANG and TERM pinned, and polls capture-pane until a marker appears or a deadline passes.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${DATELINE_BIN:-$ROOT/.build/debug/dateline}"
SOCK="dateline-e2e-$$-$RANDOM"
FAILS=0
PASSES=0
NAME="$(basename "$0" .sh)"

T() { tmux -L "$SOCK" -f /dev/null "$@"; }

cleanup() {
  T kill-server >/dev/null 2>&1 || true
  # The browser's session and marks of this test run (see start).
  rm -rf "/tmp/dateline-e2e-state-$$"
}
trap cleanup EXIT

# start COLUMNS ROWS: a plain shell in a fresh session of that size.
start() {
  # Each browser opens fresh: no session restored from an earlier one (a test that wants
  # restore passes a config of its own).
  mkdir -p "/tmp/dateline-e2e-state-$$/config/dateline"
  printf '[annotations]\nrestore = false\n' >"/tmp/dateline-e2e-state-$$/config/dateline/config.toml"
  T new-session -d -x "$1" -y "$2" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
    -e SWIFT_BACKTRACE=enable=no -e PS1='$ ' "env -i PATH=$PATH HOME=${HOME:-/root} XDG_STATE_HOME=/tmp/dateline-e2e-state-$$ XDG_CONFIG_HOME=/tmp/dateline-e2e-state-$$/config LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=enable=no PS1='$ ' bash --norc --noprofile"
  T set-option -g status off
  wait_for '\$' 10 || { echo "$NAME: shell did not start"; exit 1; }
}

screen() { T capture-pane -p -t 0; }

# wait_for REGEX [SECONDS]: poll the screen until REGEX matches.
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -le $deadline ]; do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}

# wait_gone REGEX [SECONDS]: poll until REGEX no longer matches.
wait_gone() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -le $deadline ]; do
    if ! screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}

# wait_for_file GLOB [SECONDS]: poll until a file matching GLOB exists.
wait_for_file() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -le $deadline ]; do
    if compgen -G "$1" >/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

keys() { T send-keys -t 0 "$@"; }

ok() { PASSES=$((PASSES + 1)); echo "ok   $NAME: $1"; }
fail() {
  FAILS=$((FAILS + 1))
  echo "FAIL $NAME: $1"
  echo "---- screen:"
  screen | sed 's/^/    | /'
}

# expect DESCRIPTION REGEX [SECONDS]
expect() { if wait_for "$2" "${3:-10}"; then ok "$1"; else fail "$1 (wanted /$2/)"; fi; }
expect_gone() { if wait_gone "$2" "${3:-10}"; then ok "$1"; else fail "$1 (wanted no /$2/)"; fi; }

# The pid of the program running in the pane's shell.
child_pid() {
  local shell
  shell=$(T display-message -p -t 0 '#{pane_pid}')
  pgrep -P "$shell" | head -1
}

# After the program exits: the terminal must be back in cooked mode with echo.
expect_sane_tty() {
  # The marker is computed, so the typed command line itself cannot match it.
  keys 'clear; stty -a | tr " " "\n" | grep -E "^-?(icanon|echo)$" | tr "\n" " "; echo STTY-$((6*7))-DONE' Enter
  if wait_for 'STTY-42-DONE$' 30 && screen | grep -q '^icanon echo STTY-42-DONE'; then
    ok "terminal sane ($1)"
  else
    fail "terminal not sane ($1)"
  fi
}

finish() {
  echo "$NAME: $PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
