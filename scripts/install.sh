#!/usr/bin/env bash
# Installs dateline: the binary, the man page and the bash, zsh and fish completions,
# in the usual places under PREFIX (default /usr/local):
#   PREFIX/bin/dateline
#   PREFIX/share/man/man1/dateline.1
#   PREFIX/share/bash-completion/completions/dateline
#   PREFIX/share/zsh/site-functions/_dateline
#   PREFIX/share/fish/vendor_completions.d/dateline.fish
#
#   bash scripts/install.sh [--prefix DIR] [--destdir DIR] [--bin PATH]
#   bash scripts/install.sh [--prefix DIR] [--destdir DIR] --uninstall
#
# Without --bin it builds the release binary first (swift build -c release). DESTDIR is
# prepended to every path (for packaging); the completions are written by the installed
# binary itself (--generate-completion-script), so they always match it.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
destdir=""
bin=""
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --destdir) destdir=$2; shift 2 ;;
    --destdir=*) destdir=${1#*=}; shift ;;
    --bin) bin=$2; shift 2 ;;
    --bin=*) bin=${1#*=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
root="$destdir$prefix"
files=(
  "$root/bin/dateline"
  "$root/share/man/man1/dateline.1"
  "$root/share/bash-completion/completions/dateline"
  "$root/share/zsh/site-functions/_dateline"
  "$root/share/fish/vendor_completions.d/dateline.fish"
)

if $uninstall; then
  for f in "${files[@]}"; do
    if [ -e "$f" ]; then rm -f "$f" && echo "removed $f"; fi
  done
  exit 0
fi

if [ -z "$bin" ]; then
  swift build -c release --product dateline
  bin=.build/release/dateline
fi
[ -x "$bin" ] || { echo "install.sh: no executable at $bin" >&2; exit 2; }

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/dateline"
install -m 0644 man/dateline.1 "$root/share/man/man1/dateline.1"
installed="$root/bin/dateline"
"$installed" --generate-completion-script bash >"$root/share/bash-completion/completions/dateline"
"$installed" --generate-completion-script zsh >"$root/share/zsh/site-functions/_dateline"
"$installed" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/dateline.fish"
for f in "${files[@]}"; do echo "installed $f"; done
echo "$("$installed" --version)"
