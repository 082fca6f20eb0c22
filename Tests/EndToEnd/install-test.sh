#!/usr/bin/env bash
# Install into a temporary prefix as the README says, then use what was installed:
# `man dateline`, bash completion of subcommands, party ids and record ids (function level
# and typed with Tab in a real interactive bash under tmux), --version, uninstall.
# Also: scripts/revision.sh without git, as in a tarball build.
source "$(dirname "$0")/lib.sh"
prefix=$(mktemp -d)
trap 'cleanup; rm -rf "$prefix"' EXIT

if bash "$ROOT/scripts/install.sh" --prefix "$prefix" --bin "$BIN" >/dev/null; then ok "install.sh ran"; else fail "install.sh failed"; fi
for f in bin/dateline share/man/man1/dateline.1 share/bash-completion/completions/dateline \
  share/zsh/site-functions/_dateline share/fish/vendor_completions.d/dateline.fish; do
  if [ -s "$prefix/$f" ]; then ok "installed $f"; else fail "missing $f"; fi
done

version=$("$prefix/bin/dateline" --version)
if [[ "$version" =~ ^dateline\ [0-9]+\.[0-9]+\.[0-9]+\ \(([0-9a-f]{12}(-dirty)?|unknown)\)$ ]]; then
  ok "--version: $version"
else
  fail "--version printed '$version'"
fi

# man finds the page under PREFIX/share/man, and it has the generated and the written parts.
if command -v man >/dev/null; then
  page=$(MANPATH="$prefix/share/man" MANWIDTH=100 man -P cat dateline 2>/dev/null)
  for want in "DATELINE(1)" "import csv" "--cite" "KEYS" "CONFIGURATION" "DATA FORMAT" "NO_COLOR"; do
    if grep -qF -- "$want" <<<"$page"; then ok "man dateline shows $want"; else fail "man dateline lacks $want"; fi
  done
else
  fail "man is not installed (.ci/run installs man-db)"
fi

# Completion functions, called the way bash calls them on Tab.
complete_words() {
  env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$prefix" bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _dateline "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$prefix/share/bash-completion/completions/dateline" "$@"
}
got=$(complete_words dateline im)
[ "$got" = "import" ] && ok "bash completes subcommands" || fail "bash: 'dateline im' gave '$got'"
got=$(complete_words dateline list --data "$ROOT/Data" --party hama | tr '\n' ' ')
[ "$got" = "hamas hamas-gaza-leaders hamas-political " ] && ok "bash completes party ids from --data" || fail "bash: party ids gave '$got'"
got=$(cd "$ROOT" && complete_words dateline show pmo | tr '\n' ' ')
[ "$got" = "pmo-135-116 " ] && ok "bash completes record ids from ./Data" || fail "bash: record ids gave '$got'"

if command -v zsh >/dev/null; then
  zsh -n "$prefix/share/zsh/site-functions/_dateline" && ok "zsh script parses" || fail "zsh script does not parse"
fi
if command -v fish >/dev/null; then
  fish -n "$prefix/share/fish/vendor_completions.d/dateline.fish" && ok "fish script parses" || fail "fish script does not parse"
fi
grep -q -- "---completion show" "$prefix/share/zsh/site-functions/_dateline" && ok "zsh script asks dateline for ids" || fail "zsh script has no id completion"
grep -q -- "---completion list -- --party" "$prefix/share/fish/vendor_completions.d/dateline.fish" && ok "fish script asks dateline for party ids" || fail "fish script has no party completion"

# Tab in a real interactive bash.
start 100 10
keys "export PATH=$prefix/bin:\$PATH; source $prefix/share/bash-completion/completions/dateline; cd $ROOT; clear; echo READY-\$((6*7))" Enter
# Type only once the shell is ready, or the keys echo before `clear` and land on one line.
wait_for '^READY-42$' 30 || fail "the interactive shell did not get ready"
keys "dateline show pmo-1" Tab
expect "Tab completes a record id in interactive bash" '^\$ dateline show pmo-135-116 ?$'
keys C-c

# Without git (a tarball), the revision script still answers.
stub=$(mktemp -d)
for tool in sh head tr cmp cat mv rm; do ln -s "$(command -v "$tool")" "$stub/$tool"; done
tarball=$(mktemp -d)
got=$(PATH="$stub" "$stub/sh" "$ROOT/scripts/revision.sh" "$tarball")
[ "$got" = "unknown" ] && ok "revision.sh without git says unknown" || fail "revision.sh without git said '$got'"
echo 0123456789abcdef0123456789abcdef01234567 >"$tarball/REVISION"
got=$(PATH="$stub" "$stub/sh" "$ROOT/scripts/revision.sh" "$tarball")
[ "$got" = "0123456789ab" ] && ok "revision.sh reads REVISION from git archive" || fail "revision.sh with REVISION said '$got'"
rm -rf "$stub" "$tarball"

bash "$ROOT/scripts/install.sh" --prefix "$prefix" --uninstall >/dev/null
left=$(find "$prefix" -type f | wc -l)
[ "$left" -eq 0 ] && ok "uninstall removes every file" || fail "uninstall left $left files"
finish
