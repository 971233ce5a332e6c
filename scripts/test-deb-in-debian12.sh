#!/usr/bin/env bash
# Installs the Debian package into a fresh, minimal Debian 12 root (made by
# debootstrap) with apt, so that apt resolves the package's Depends as on a
# clean machine, and runs the installed dxcomply there on the sample
# country: report, check, remind, calendar and nightly, from /tmp, with no
# --rules or --templates.
#
#   scripts/test-deb-in-debian12.sh [DEB] [SAMPLE_DB]
#
# Defaults: build/package/dxcomply_*.deb (./build.sh package) and
# build/data/sample.db. Needs root, debootstrap and the network to the Debian
# mirror this machine's apt uses (MIRROR=... to choose another); takes a few
# minutes, so CI does not run it (tests/install/check_deb.py checks the
# package's contents and Depends in every test run).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(realpath "${1:-$(ls build/package/dxcomply_*.deb | head -n 1)}")
sample=$(realpath "${2:-build/data/sample.db}")
[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
# The mirror this machine's apt already uses for bookworm.
mirror=${MIRROR:-$(awk '/^URIs:/ { uri = $2 } /^Suites:.*bookworm( |$)/ { print uri; exit }' \
  /etc/apt/sources.list.d/*.sources 2>/dev/null || true)}
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' \
  /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || { echo "no bookworm mirror in /etc/apt; set MIRROR" >&2; exit 2; }

root=$(mktemp -d /tmp/dxcomply-debian12.XXXXXX)
cleanup() {
  for m in proc dev/pts dev; do umount "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT

echo "debootstrap bookworm (minbase) into $root from $mirror" >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
cp "$sample" "$root/tmp/sample.db"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "apt-get install ./$(basename "$deb")" >&2
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >/dev/null

failed=0
expect() {  # <expected exit code> <text expected on stdout> <command...>
  local code=$1 text=$2; shift 2
  local out rc=0
  out=$(in_root sh -c 'cd /tmp && "$@"' sh "$@" 2>&1) || rc=$?
  if [ "$rc" -eq "$code" ] && grep -qF -- "$text" <<<"$out"; then
    echo "ok   $*"
  else
    echo "FAIL $* (exit $rc, expected $code and '$text')"; echo "$out" | head -n 5
    failed=1
  fi
}
expect 0 "dxcomply " dxcomply --version
expect 0 "OVERDUE (255)" dxcomply report --db /tmp/sample.db --as-of 2022-11-01
expect 1 "Nghệ An" dxcomply check --db /tmp/sample.db --as-of 2022-11-01 --agency NGHE-AN
expect 0 "wrote 1 letter" dxcomply remind --db /tmp/sample.db --as-of 2022-11-01 \
  --agency NGHE-AN --out /tmp/letters
expect 0 "is a day off" dxcomply calendar --is-working-day 2025-01-27
expect 0 "nightly 2022-11-14" dxcomply nightly --db /tmp/sample.db --as-of 2022-11-14 \
  --state /tmp/state --out /tmp/out
expect 0 "dxcomply.1.gz" ls /usr/share/man/man1/dxcomply.1.gz
expect 2 "calendar folder not found" dxcomply calendar --rules /usr/share/dxcomply/templates \
  --is-working-day 2025-01-27
[ "$failed" -eq 0 ] && echo "the package installs and runs on a clean Debian 12"
exit "$failed"
