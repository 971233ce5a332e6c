#!/usr/bin/env bash
# Runs every libFuzzer target of a DXCOMPLY_FUZZ build for a time budget.
#
#   tests/fuzz/run_fuzzers.sh <build-dir> [seconds per target] [target ...]
#
# Each target starts from its seeds (build-dir/tests/fuzz/seeds.txt: the
# shipped rules and calendars, the test rules and templates, corpus/<target>
# and regressions/<target>) and keeps what it finds in
# build-dir/fuzz-work/corpus/<target>, so a later run goes on from there.
# A crash, a leak, a timeout (10 s on one input) or an out-of-memory (2 GB)
# stops that target with its input saved as build-dir/fuzz-work/<target>-*;
# copy it to tests/fuzz/regressions/<target>/ once fixed (see README.md).
# Exit 1 if any target failed.
set -uo pipefail
build=${1:?usage: run_fuzzers.sh <build-dir> [seconds] [target ...]}
seconds=${2:-30}
shift $(( $# >= 2 ? 2 : 1 ))
work="$build/fuzz-work"
mkdir -p "$work/corpus"

failed=()
while read -r target seeds; do
  [ -n "$target" ] || continue
  if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then continue; fi
  mkdir -p "$work/corpus/$target"
  echo "== fuzz_$target for ${seconds}s"
  # shellcheck disable=SC2086  # seeds: one folder per word
  if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$work/$target-" "$work/corpus/$target" $seeds \
      >"$work/$target.log" 2>&1; then
    failed+=("$target")
    tail -n 60 "$work/$target.log"
  fi
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$work/$target.log" |
    tr '\n' ' '
  echo
done <"$build/tests/fuzz/seeds.txt"

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (inputs in $work)" >&2
  exit 1
fi
echo "fuzzing: no crash in ${seconds}s per target"
