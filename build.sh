#!/usr/bin/env bash
# The two commands of the README, and a few more for developers.
#
#   ./build.sh demo      install packages, build, report on the sample country as of 2026-12-01
#   ./build.sh test      install packages, build, run every test (CTest)
#   ./build.sh sanitize  the same tests in an ASan + UBSan build (CI runs both)
#   ./build.sh bench     the large-country benchmark (tests/bench/run.sh)
#   ./build.sh package   the Debian package, build/package/dxcomply_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")"

configure_and_build() {  # <build dir> [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DDXCOMPLY_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

case "${1:-}" in
  demo)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    cp build/data/sample.db data/sample.db
    build/src/dxcomply report --db data/sample.db --rules rules --as-of 2026-12-01
    ;;
  test)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  sanitize)
    scripts/install-deps.sh
    configure_and_build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DDXCOMPLY_SANITIZE=ON
    ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"
    ;;
  bench)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    tests/bench/run.sh build/src/dxcomply
    ;;
  package)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    cpack --config build/CPackConfig.cmake -B build/package
    ;;
  *)
    echo "usage: $0 demo|test|sanitize|bench|package" >&2
    exit 2
    ;;
esac
