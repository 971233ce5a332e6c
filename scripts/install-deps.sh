#!/usr/bin/env bash
# Installs the Debian packages dxcomply needs to build, test and benchmark.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config python3 python3-yaml
  libboost-graph-dev libboost-date-time-dev libboost-test-dev libboost-locale-dev gettext
  libsqlite3-dev libyaml-cpp-dev libspdlog-dev nlohmann-json3-dev libcli11-dev
  libxlsxwriter-dev libkainjow-mustache-dev zlib1g-dev
  libzip-dev libpugixml-dev libssl-dev
  # the Debian package (CPack: dpkg-shlibdeps finds its dependencies) and man
  dpkg-dev file man-db
  # reminder letters as .docx (pandoc, run by `remind --format docx`) and
  # .pdf (chromium); Times New Roman's metric twin for the printed pages
  pandoc fonts-liberation2
  # tests: real readers and renderers for every output format
  sqlite3 graphviz python3-openpyxl python3-icalendar chromium python3-docx poppler-utils
  # benchmark
  hyperfine time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
