#!/usr/bin/env bash
# Writes that fail never take the browser down: with stderr on a full device the screen
# still opens; an export or a citation onto a full disk, a device node, a FIFO or a
# directory is reported in the status line (never "exists; replace it?", never a 0-byte
# file, never a crash); a symlink is written through and stays a link.
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'cleanup; umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/full" "$work/dir"
printf 'old\n' >"$work/real.csv"
ln -s real.csv "$work/link.csv"
mkfifo "$work/fifo"
full=no
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  printf 'old\n' >"$work/full/old.csv"
  dd if=/dev/zero of="$work/full/ballast" bs=4k 2>/dev/null || true
  full=yes
fi
device=no
[ "$(id -u)" = 0 ] && mknod "$work/dev" c 1 3 2>/dev/null && device=yes
printf '[citation]\nfile = "full/cites.md"\n' >"$work/cite.toml"

start 120 30
keys "cd '$work' && '$BIN' --data '$ROOT/Data' --config cite.toml 2>/dev/full; echo EXIT=\$?" Enter
expect "stderr on /dev/full: the timeline still opens" 'Data  24/24 .* 1 of 24'

keys e "link.csv" Enter
expect "a link to an existing file: asked first" 'link.csv exists; replace it\? \(y/n\)'
keys y
expect "the export goes through the link" 'wrote 24 records to link.csv'
[ -L "$work/link.csv" ] && [ "$(wc -l <"$work/real.csv")" -eq 25 ] \
  && ok "link.csv is still a link; real.csv holds the export" || fail "link: $(ls -l "$work")"

keys e "fifo" Enter
expect "a FIFO is refused at once" 'export failed: fifo: not a regular file \(a FIFO\)'
keys e "dir" Enter
expect "a directory is refused" 'export failed: dir: not a regular file \(a directory\)'
if [ $device = yes ]; then
  keys e "dev" Enter
  expect "a device node is refused" 'export failed: dev: not a regular file \(a character device\)'
  [ -c "$work/dev" ] && ok "the device node is still a device" || fail "dev replaced: $(ls -l "$work/dev")"
else
  echo "skip write-safety-test: device node (needs root)"
fi

if [ $full = yes ]; then
  keys e "full/new.csv" Enter
  expect "a full disk: the real error, not a question" 'export failed: full/new.csv: No space left on device'
  [ ! -e "$work/full/new.csv" ] && ok "no 0-byte file is left" || fail "full/new.csv: $(ls -l "$work/full")"
  keys e "full/old.csv" Enter
  expect "an existing file on a full disk: asked first" 'old.csv exists; replace it\? \(y/n\)'
  keys y
  expect "then the real error" 'export failed: full/old.csv: No space left on device'
  [ "$(cat "$work/full/old.csv")" = old ] && ok "the old file is intact" || fail "old.csv: $(head -c 80 "$work/full/old.csv")"
  [ "$(ls -A "$work/full" | tr '\n' ' ')" = "ballast old.csv " ] && ok "no temporary is left" \
    || fail "left in full/: $(ls -A "$work/full")"
  keys y
  expect "y on a full disk is reported" 'cannot add the citation to .*full/cites.md: No space left on device'
  [ ! -e "$work/full/cites.md" ] && ok "no empty citation file is left" || fail "cites.md: $(ls -l "$work/full")"
else
  echo "skip write-safety-test: full disk (needs root and tmpfs)"
fi
keys j
expect "the browser is still alive" '2 of 24'
keys q
expect "and quits cleanly" 'EXIT=0'
finish
