# synth_corpus RECORDS: the path of a generated corpus of that many records (dateline-synth
# is deterministic), made once under .build and shared by the tests that need a big one.
synth_corpus() {
  local dir="$ROOT/.build/e2e-corpus-$1"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir.tmp"
    "$(dirname "$BIN")/dateline-synth" "$dir.tmp" --records "$1" >/dev/null || return 1
    touch "$dir.tmp/.complete"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}
