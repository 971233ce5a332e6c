#!/usr/bin/env bash
# The large-country benchmark: dxcomply report against the floor, a bare
# SQLite scan of exactly the columns the rules read; then how fast the
# country's dashboard opens in headless Chromium. See tests/bench/README.md.
#
#   tests/bench/run.sh <path-to-dxcomply-binary> [<baseline-binary>]
#
# With a baseline (another build, e.g. the code before a change), each round
# times the floor, dxcomply and the baseline in turn, so that before and
# after are measured in the same minutes of a shared host.
#
# Environment:
#   DXCOMPLY_BENCH_DIR    where the database is cached (default build/bench)
#   DXCOMPLY_BENCH_SCALE  generator scale (default 1: the large country;
#                         0.01 for a quick check of this script)
#   DXCOMPLY_BENCH_RUNS   timed runs per command, the two alternating (default 5;
#                         1 warm-up run of each before)
#
# Needs sqlite3, hyperfine, /usr/bin/time (Debian: sqlite3 hyperfine time) and
# python3 with yaml (python3-yaml); chromium for the dashboard's figures. Exits
# non-zero only if a command fails; a missed goal is reported, not a failure.
set -euo pipefail

if [[ $# -ne 1 && $# -ne 2 ]]; then
  echo "usage: $0 <path-to-dxcomply-binary> [<baseline-binary>]" >&2
  exit 2
fi
for binary in "$@"; do
  if [[ ! -x $binary || -d $binary ]]; then
    echo "$0: $binary: not an executable file" >&2
    exit 2
  fi
done
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
baseline=
if [[ $# -eq 2 ]]; then baseline=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); fi

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

for tool in sqlite3 hyperfine python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: $tool not found (Debian: apt-get install -y sqlite3 hyperfine python3-yaml)" >&2
    exit 2
  fi
done
if [[ ! -x /usr/bin/time ]]; then
  echo "$0: /usr/bin/time not found (Debian: apt-get install -y time)" >&2
  exit 2
fi

scale=${DXCOMPLY_BENCH_SCALE:-1}
runs=${DXCOMPLY_BENCH_RUNS:-5}
if [[ ! $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "$0: DXCOMPLY_BENCH_RUNS must be a whole number of rounds, 1 or more (got '$runs')" >&2
  exit 2
fi
if [[ ! $scale =~ ^([0-9]+([.][0-9]*)?|[.][0-9]+)$ ]] || [[ $scale =~ ^[0.]+$ ]]; then
  echo "$0: DXCOMPLY_BENCH_SCALE must be a number above 0 (got '$scale')" >&2
  exit 2
fi
bench_dir=${DXCOMPLY_BENCH_DIR:-build/bench}
as_of=2022-11-01
generator=tests/bench/generate_large.py
schema=data/schema.sql
rules=rules

case $scale in
  1 | 1.0) db=$bench_dir/large.db ;;
  *) db=$bench_dir/large-$scale.db ;;
esac
mkdir -p "$bench_dir"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dxcomply-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- The database: generated once, again when the generator or schema changes.
if [[ ! -f $db || $generator -nt $db || $schema -nt $db ]]; then
  echo "== generating $db (scale $scale)" >&2
  gen_start=$SECONDS
  rm -f -- "$db".tmp-* "$db".side-*  # left by an interrupted generator
  python3 "$generator" --schema "$schema" --out "$db" --scale "$scale"
  echo "== generated in $((SECONDS - gen_start)) s" >&2
else
  echo "== using cached $db" >&2
fi

# --- The floor: every column the engine reads, each actually read.
# From rules/tables.yaml: each table's id column (default id), its agency
# column (default agency_id) and every declared column; plus the dependency
# edges and the agency list, which the engine reads whatever the rules say.
# One statement per table, `SELECT count(*), count(c1), ... FROM t;`: count(c)
# makes SQLite decode every value of c (one Column opcode per column and row,
# checked below) and do nothing else with it. max(c) would read the same but
# add a comparison per value that an engine does not need, and so raise the
# floor.
floor_sql=$bench_dir/floor.sql
python3 - "$rules/tables.yaml" >"$floor_sql" <<'PY'
import sys
import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    spec = yaml.safe_load(f)


def ident(name):
    # rowid is not a real column: quoted, SQLite would look for a column of
    # that name; left bare, it is the table's rowid.
    if name.lower() in ("rowid", "_rowid_", "oid"):
        return name
    return '"' + name.replace('"', '""') + '"'


def scan(table, columns):
    seen = []
    for c in columns:
        if c not in seen:
            seen.append(c)
    cols = ", ".join(f"count({ident(c)})" for c in seen)
    print(f"SELECT count(*), {cols} FROM {ident(table)};")


# An optional column (task.recorded_on) that the generated country lacks is
# not read by the engine either.
for t in spec["tables"]:
    scan(t["name"], [t.get("id", "id"), t.get("agency", "agency_id")]
         + [c["name"] for c in t["columns"] if not c.get("optional")])
scan("task_dependency", ["task_id", "depends_on"])
scan("agency", ["id", "name", "kind"])
PY

# Every statement must be a plain scan of its table (answered from an index
# alone, it would skip columns and make the floor too low), and must read each
# of its columns: one Column (or Rowid, for an INTEGER PRIMARY KEY or rowid)
# opcode per listed column.
while IFS= read -r stmt; do
  table=$(sed -E 's/.* FROM "?([^";]+)"?;$/\1/' <<<"$stmt")
  plan=$(sqlite3 -readonly "$db" "EXPLAIN QUERY PLAN ${stmt%;}" | grep -v '^QUERY PLAN$' | sed 's/^[`|-]*//')
  if [[ $plan != "SCAN $table" ]]; then
    echo "$0: the floor would not scan $table: $stmt -> $plan" >&2
    exit 1
  fi
  want=$(($(grep -o 'count(' <<<"$stmt" | wc -l) - 1))
  got=$(sqlite3 -readonly "$db" "EXPLAIN ${stmt%;}" | awk '$2 == "Column" || $2 == "Rowid"' | wc -l)
  if [[ $got -ne $want ]]; then
    echo "$0: the floor would read $got of the $want columns of $table: $stmt" >&2
    exit 1
  fi
done <"$floor_sql"
sqlite3 -readonly "$db" <"$floor_sql" >/dev/null  # every column exists

# --- Timings: warm cache (a warm-up run first), median of the runs.
q() { printf '%q' "$1"; }
floor_cmd="sqlite3 -readonly $(q "$db") < $(q "$floor_sql") > /dev/null"
report_args=(report --db "$db" --rules "$rules" --as-of "$as_of" --format json)
report_cmd="$(q "$bin")$(printf ' %q' "${report_args[@]}") > /dev/null"
baseline_args=()
if [[ -n $baseline ]]; then
  baseline_args=(--command-name baseline "$(q "$baseline")$(printf ' %q' "${report_args[@]}") > /dev/null")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The two commands take turns, one run each per round, so that both see the
# same moments of a shared host whose load drifts from minute to minute
# (floor runs first, then dxcomply runs, once let the floor be timed on a
# quiet host and dxcomply on a busy one). Medians are over all rounds.
echo "== timing ($runs alternating rounds after 1 warm-up; load average $load_before)" >&2
for round in $(seq 1 "$runs"); do
  warmup=0
  [[ $round -eq 1 ]] && warmup=1
  hyperfine --shell bash --warmup "$warmup" --runs 1 --style basic \
    --export-json "$tmp/times-$round.json" \
    --command-name floor "$floor_cmd" \
    --command-name dxcomply "$report_cmd" "${baseline_args[@]}" >"$tmp/hyperfine-$round.txt" 2>&1 ||
    { cat "$tmp/hyperfine-$round.txt" >&2; exit 1; }
  python3 - "$round" "$tmp/times-$round.json" >&2 <<'PY'
import json
import sys

results = {r["command"]: r["times"][0] for r in json.load(open(sys.argv[2]))["results"]}
line = f"  round {sys.argv[1]}: floor {results['floor']:.3f} s, dxcomply {results['dxcomply']:.3f} s"
if "baseline" in results:
    line += f", baseline {results['baseline']:.3f} s"
print(line)
PY
done
python3 - "$tmp" "$runs" >"$tmp/times.json" <<'PY'
import json
import sys

tmp, runs = sys.argv[1], int(sys.argv[2])
times = {"floor": [], "dxcomply": []}
for round in range(1, runs + 1):
    for r in json.load(open(f"{tmp}/times-{round}.json"))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
json.dump({"results": [{"command": c, "times": t} for c, t in times.items()]}, sys.stdout)
PY

echo "== peak memory (/usr/bin/time -v)" >&2
if ! /usr/bin/time -v -o "$tmp/time.txt" "$bin" "${report_args[@]}" >/dev/null 2>"$tmp/stderr.txt"; then
  echo "$0: dxcomply report failed:" >&2
  tail -n 20 "$tmp/stderr.txt" >&2
  exit 1
fi
: >"$tmp/baseline-time.txt"
if [[ -n $baseline ]] &&
  ! /usr/bin/time -v -o "$tmp/baseline-time.txt" "$baseline" "${report_args[@]}" >/dev/null 2>"$tmp/stderr.txt"; then
  echo "$0: baseline report failed:" >&2
  tail -n 20 "$tmp/stderr.txt" >&2
  exit 1
fi

# --- Dependency-graph analysis ----------------------------------------------
# Goal: "Building and analysing the graph for the large benchmark database
# takes well under the time of the SQL aggregation itself, and memory stays
# linear in nodes and edges." One more run with --verbose: the engine logs
# each stage as `dxcomply: debug: <seconds> s  <stage>[  (peak RSS <n> MB)]`
# (src/engine/evaluate.cpp). The scan stages are the aggregation; "dependency
# graph (N nodes, M links)" is the build, "slack, blocking and impact" the
# analysis. Written to "$tmp/graph.txt" as key<TAB>value lines.
graph_figures() {
  : >"$tmp/graph.txt"
  if ! "$bin" "${report_args[@]}" --verbose 2>"$tmp/verbose.txt" >/dev/null; then
    echo "$0: dxcomply report --verbose failed:" >&2
    tail -n 20 "$tmp/verbose.txt" >&2
    exit 1
  fi
  python3 - "$tmp/verbose.txt" >"$tmp/graph.txt" <<'PY'
import re
import sys

stages = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"dxcomply: debug: (\d+\.\d+) s  (.*?)(?:  \(peak RSS (\d+) MB\))?$", line.rstrip("\n"))
    if m:
        stages.append((float(m.group(1)), m.group(2), m.group(3)))
if not stages:
    sys.exit(0)  # an engine without stage timings: nothing measured
scans = sum(t for t, name, _ in stages
            if "scan" in name or name.startswith("indicators"))
graph = [(t, name, rss) for t, name, rss in stages if name.startswith("dependency graph")]
analysis = [(t, name, rss) for t, name, rss in stages if name.startswith("slack, blocking")]
print(f"scans (SQL aggregation)\t{scans:.3f} s")
for t, name, rss in graph:
    m = re.search(r"\((\d+) nodes, (\d+) links[;)]", name)
    print(f"graph build\t{t:.3f} s" + (f" (peak RSS {rss} MB so far)" if rss else ""))
    if m:
        print(f"graph size\t{int(m.group(1)):,} nodes, {int(m.group(2)):,} links")
    m = re.search(r"(\d+) task cycles, (\d+) links on them dropped", name)
    if m:
        print(f"task cycles\t{int(m.group(1)):,}, {int(m.group(2)):,} links on them left out")
for t, name, rss in analysis:
    print(f"graph analysis\t{t:.3f} s (slack, blocking and impact)")
if graph and analysis and scans > 0:
    both = graph[0][0] + analysis[0][0]
    print(f"graph / scans\t{both / scans:.2f} (build + analysis over the scans)")
print("all stages\t" + ", ".join(f"{name.split(' (')[0]} {t:.2f}" for t, name, _ in stages))
PY
}
graph_figures

# --- Summary.
counts=$(sqlite3 -readonly -separator ' ' "$db" "
  SELECT 'agency', count(*) FROM agency UNION ALL
  SELECT 'information_system', count(*) FROM information_system UNION ALL
  SELECT 'security_staff', count(*) FROM security_staff UNION ALL
  SELECT 'task', count(*) FROM task UNION ALL
  SELECT 'task_dependency', count(*) FROM task_dependency UNION ALL
  SELECT 'measurement', count(*) FROM measurement;")

python3 - "$tmp/times.json" "$tmp/time.txt" "$tmp/graph.txt" "$db" "$(stat -c %s "$db")" "$counts" \
  "$(nproc) cores, load average $load_before before the timed runs" "$tmp/baseline-time.txt" \
  "$baseline" <<'PY'
import json
import re
import statistics
import sys

times_path, time_path, graph_path, db, size, counts, machine, baseline_time_path, baseline = sys.argv[1:]
def summary(times):
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "times": times}


results = {r["command"]: summary(r["times"]) for r in json.load(open(times_path))["results"]}
floor, engine = results["floor"], results["dxcomply"]
ratio = engine["median"] / floor["median"]
def peak_mb(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) * 1024 / 1e6  # kbytes are KiB; MB = 10^6 bytes


rss_mb = peak_mb(time_path)
ok = lambda cond: "PASS" if cond else "MISS"


def spread(r):
    return f"(min {r['min']:.3f}, max {r['max']:.3f}, {len(r['times'])} runs)"


print()
print(f"dxcomply benchmark: {db} ({int(size) / 1e6:.0f} MB)")
print(f"  machine: {machine}")
for line in counts.splitlines():
    name, n = line.split()
    print(f"  {name:<20} {int(n):>12,} rows")
print()
print(f"  floor (sqlite3 bare scan)  {floor['median']:8.3f} s median {spread(floor)}")
print(f"  dxcomply report            {engine['median']:8.3f} s median {spread(engine)}")
print(f"  ratio dxcomply / floor     {ratio:8.2f}")
print(f"  dxcomply peak RSS          {rss_mb:8.1f} MB")
print()
print(f"  goal: ratio <= 1.5         {ok(ratio <= 1.5)}")
print(f"  goal: peak RSS < 500 MB    {ok(rss_mb < 500)}")
print()
if "baseline" in results:
    base = results["baseline"]
    print(f"  baseline: {baseline}")
    print(f"  baseline report            {base['median']:8.3f} s median {spread(base)}")
    print(f"  ratio baseline / floor     {base['median'] / floor['median']:8.2f}")
    print(f"  dxcomply / baseline        {engine['median'] / base['median']:8.2f}")
    print(f"  baseline peak RSS          {peak_mb(baseline_time_path):8.1f} MB")
    print()
graph = [l.rstrip("\n").split("\t", 1) for l in open(graph_path) if "\t" in l]
if graph:
    print("  dependency graph (from dxcomply --verbose):")
    for key, value in graph:
        print(f"    {key:<24} {value}")
    print("    (one run, wall-clock; not a median)")
else:
    print("  dependency graph: not measured (this dxcomply prints no stage timings with --verbose)")
PY

# --- The dashboard: the large country's dashboard.html opened in headless
# Chromium (tests/bench/dashboard_load.py; goal: under 3 s).
if command -v chromium >/dev/null; then
  echo "== dashboard (export --only html, headless Chromium)" >&2
  python3 tests/bench/dashboard_load.py "$bin" "$db" "$tmp/dashboard"
else
  echo
  echo "  dashboard: not measured (chromium not found; Debian: apt-get install -y chromium)"
fi
