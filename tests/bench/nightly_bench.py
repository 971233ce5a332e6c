#!/usr/bin/env python3
"""The nightly benchmark: `dxcomply nightly` on the large country against
`dxcomply report --format json` in the same run. See tests/bench/README.md.

    python3 tests/bench/nightly_bench.py <dxcomply> [--rounds N]

Three nights, each timed against `report`, the commands taking turns:

  first      2022-11-01 from no state: every letter and calendar
  unchanged  2022-11-02 after the first, on the same data
  changed    2022-11-02 after the first, on a copy of the database where 1%
             of the task rows changed (progress and completions moved on)

Each round runs report, first, report, unchanged, report, changed; the
medians over the rounds, their ratios to report's median, and each
command's peak RSS are reported. Then, once each (not timed): the nights
with --verbose (where the time goes: evaluation, comparison, each file
written, with its CPU time), the changed night against the same night with
--full (every file the night wrote must be byte-identical to --full's; the
benchmark fails otherwise), and the figures behind incremental evaluation.

Environment: DXCOMPLY_BENCH_DIR (default build/bench), DXCOMPLY_BENCH_SCALE
(default 1), DXCOMPLY_BENCH_RUNS (rounds, default 3). Exits non-zero only
when a command fails or the outputs differ; a missed goal is printed MISS.
"""

import argparse
import gzip
import hashlib
import json
import os
import pathlib
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
FIRST, SECOND = "2022-11-01", "2022-11-02"
CHANGED_SHARE = 100  # one task row in this many


def fail(message):
    sys.exit(f"nightly_bench: {message}")


def database(bench_dir, scale):
    """The large country, generated as run.sh does, when missing or stale."""
    db = bench_dir / ("large.db" if scale in ("1", "1.0") else f"large-{scale}.db")
    generator = REPO / "tests/bench/generate_large.py"
    schema = REPO / "data/schema.sql"
    if not db.exists() or db.stat().st_mtime < max(generator.stat().st_mtime,
                                                   schema.stat().st_mtime):
        print(f"== generating {db} (scale {scale})", file=sys.stderr)
        subprocess.run([sys.executable, str(generator), "--schema", str(schema), "--out", str(db),
                        "--scale", scale], check=True)
    return db


def changed_database(db):
    """A copy of `db` where 1% of the task rows moved on, as a night of
    producers' updates would: an open task progresses by a quarter (and is
    completed on the night when it reaches 1), a completed one gets a new
    evidence text. Deterministic: every hundredth task id."""
    changed = db.with_name(db.stem + "-changed.db")
    if changed.exists() and changed.stat().st_mtime >= db.stat().st_mtime:
        return changed
    print(f"== writing {changed} (1% of the task rows changed)", file=sys.stderr)
    partial = changed.with_suffix(".partial")
    shutil.copy(db, partial)
    with sqlite3.connect(partial) as connection:
        connection.execute(f"""
            UPDATE task SET
              started_on = coalesce(started_on, '{FIRST}'),
              progress = min(1.0, coalesce(progress, 0) + 0.25),
              completed_on = CASE WHEN coalesce(progress, 0) + 0.25 >= 1 THEN '{SECOND}' END
            WHERE id % {CHANGED_SHARE} = 37 AND completed_on IS NULL""")
        connection.execute(f"""
            UPDATE task SET evidence = 'updated ' || coalesce(evidence, '')
            WHERE id % {CHANGED_SHARE} = 37 AND completed_on IS NOT NULL
              AND completed_on < '{SECOND}'""")
    os.replace(partial, changed)
    return changed


def timed(command, stdout=subprocess.DEVNULL):
    """Wall seconds, CPU seconds and peak RSS (MB, 10^6 bytes) of one run."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=stdout, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            stderr = errors.read().decode("utf-8", "replace")
            fail(f"{' '.join(map(str, command))} exited {process.returncode}:\n{stderr[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": usage.ru_maxrss * 1024 / 1e6}


def content_digest(p):
    """The file's SHA-256; for findings.json.gz, of its findings without the
    run record's header (who ran it, when, with which options)."""
    if p.name == "findings.json.gz":
        with gzip.open(p, "rt", encoding="utf-8") as f:
            findings = json.load(f)
        findings.pop("run", None)
        return hashlib.sha256(json.dumps(findings, sort_keys=True).encode()).hexdigest()
    return hashlib.sha256(p.read_bytes()).hexdigest()


def tree(folder):
    """Every file but the run record (run.json), which says when it ran."""
    folder = pathlib.Path(folder)
    return {str(p.relative_to(folder)): content_digest(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "run.json"}


class Bench:
    def __init__(self, binary, db, changed, work):
        self.binary, self.db, self.changed, self.work = binary, db, changed, work
        self.baseline_state = work / "state-after-first"

    def report(self):
        return [self.binary, "report", "--db", self.db, "--rules", "rules", "--as-of", FIRST,
                "--format", "json"]

    def nightly(self, kind, state, out, *more):
        db = self.changed if kind == "changed" else self.db
        night = FIRST if kind == "first" else SECOND
        return [self.binary, "nightly", "--db", db, "--rules", "rules", "--templates",
                "templates", "--as-of", night, "--state", state, "--out", out, "--force", *more]

    def fresh(self, kind, label=""):
        """A state and an output folder as the night finds them."""
        state, out = self.work / f"state-{kind}{label}", self.work / f"out-{kind}{label}"
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        if kind != "first":
            shutil.copytree(self.baseline_state, state)
        return state, out

    def run_night(self, kind, *more):
        state, out = self.fresh(kind, "".join(more))
        return timed(self.nightly(kind, state, out, *more)), state, out


def verbose_lines(command):
    result = subprocess.run([*command, "--verbose"], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{command} --verbose failed: {result.stderr[-2000:]}")
    lines = []
    for line in result.stderr.splitlines():
        m = re.match(r"dxcomply: debug: (\d+\.\d+) s  (nightly: .*|.*scans.*|dependency graph.*|"
                     r"slack.*|ordering.*)$", line)
        if m:
            lines.append((float(m.group(1)), re.sub(r"\s+\(peak RSS.*", "", m.group(2))))
    return lines


def incremental_figures(bench):
    """What re-evaluating only what changed could save, measured."""
    figures = []
    with sqlite3.connect(f"file:{bench.db}?mode=ro", uri=True) as connection:
        tasks, agencies, obligation_rows, instances = connection.execute(f"""
            SELECT count(*), count(DISTINCT agency_id),
                   sum(obligation_id NOT LIKE 'internal-%'),
                   count(DISTINCT CASE WHEN obligation_id NOT LIKE 'internal-%'
                                       THEN agency_id || '|' || obligation_id END)
            FROM task WHERE id % {CHANGED_SHARE} = 37""").fetchone()
        all_agencies = connection.execute("SELECT count(*) FROM agency").fetchone()[0]
        all_tasks = connection.execute("SELECT count(*) FROM task").fetchone()[0]
    figures.append(f"changed task rows: {tasks:,} ({100 * tasks / all_tasks:.1f}%), of "
                   f"{agencies:,} of the {all_agencies:,} agencies "
                   f"({100 * agencies / all_agencies:.0f}%); {obligation_rows:,} of them count "
                   f"for an obligation, in {instances:,} (agency, obligation) pairs")

    def findings(kind, extra=()):
        state, out = bench.fresh(kind)
        subprocess.run(bench.nightly(kind, state, out, *extra), cwd=REPO, check=True,
                       capture_output=True)
        night = FIRST if kind == "first" else SECOND
        with gzip.open(out / night / "findings.json.gz", "rt", encoding="utf-8") as f:
            result = json.load(f)["findings"]
        shutil.rmtree(out)
        return {(f["obligation_id"], f["agency"]["id"], f["period"]): f for f in result}

    first = findings("first")
    for kind in ("unchanged", "changed"):
        second = findings(kind)
        common = first.keys() & second.keys()
        measure = sum(first[k]["measure"]["as_of"] != second[k]["measure"]["as_of"] for k in common)
        status = sum(first[k]["status"] != second[k]["status"] for k in common)
        days = sum((first[k]["days_overdue"], first[k]["days_left"]) !=
                   (second[k]["days_overdue"], second[k]["days_left"]) for k in common)
        figures.append(
            f"{kind} second night: of {len(common):,} instances, v(T) changed for {measure:,} "
            f"({100 * measure / len(common):.1f}%), the status for {status:,} "
            f"({100 * status / len(common):.1f}%), days overdue or left for {days:,} "
            f"({100 * days / len(common):.0f}%)")
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("DXCOMPLY_BENCH_RUNS", 3)))
    args = parser.parse_args()
    binary = pathlib.Path(args.binary).resolve()
    if not binary.is_file() or not os.access(binary, os.X_OK):
        fail(f"{args.binary}: not an executable file")
    if args.rounds < 1:
        fail("the number of rounds must be 1 or more")
    bench_dir = pathlib.Path(os.environ.get("DXCOMPLY_BENCH_DIR", "build/bench"))
    if not bench_dir.is_absolute():
        bench_dir = REPO / bench_dir
    bench_dir.mkdir(parents=True, exist_ok=True)
    scale = os.environ.get("DXCOMPLY_BENCH_SCALE", "1")
    db = database(bench_dir, scale)
    changed = changed_database(db)
    work = pathlib.Path(tempfile.mkdtemp(prefix="nightly-bench-", dir=bench_dir))
    try:
        bench = Bench(binary, db, changed, work)
        # The state the second nights start from.
        _, state, out = bench.run_night("first")
        shutil.copytree(state, bench.baseline_state)
        shutil.rmtree(out)
        # Warm: the database and the binary in the page cache.
        timed(bench.report())

        load = open("/proc/loadavg").read().split()[:3]
        print(f"== {args.rounds} alternating rounds (load average {' '.join(load)})",
              file=sys.stderr)
        runs = {k: [] for k in ("report", "first", "unchanged", "changed")}
        for round_number in range(1, args.rounds + 1):
            line = []
            for kind in ("first", "unchanged", "changed"):
                runs["report"].append(timed(bench.report()))
                result, _, out = bench.run_night(kind)
                runs[kind].append(result)
                shutil.rmtree(out)  # the first night's 1 GB, outside the timing
                line.append(f"report {runs['report'][-1]['wall']:.2f} s, "
                            f"{kind} {result['wall']:.2f} s")
            print(f"  round {round_number}: " + "; ".join(line), file=sys.stderr)

        # Correctness: the changed night against --full on the same data.
        _, _, out = bench.run_night("changed")
        _, _, full = bench.run_night("changed", "--full")
        written, every = tree(out / SECOND), tree(full / SECOND)
        differ = [name for name, digest in written.items()
                  if name != ".dxcomply-manifest" and every.get(name) != digest]
        if differ:
            fail(f"the changed night's files differ from --full's: {differ[:10]}")
        identical = (f"{len(written) - 1} files of the changed night, each byte-identical to "
                     f"--full's ({len(every) - 1} files)")
        shutil.rmtree(out)
        shutil.rmtree(full)

        profiles = {}
        for kind in ("first", "unchanged", "changed"):
            state, out = bench.fresh(kind)
            profiles[kind] = verbose_lines(bench.nightly(kind, state, out))
            shutil.rmtree(out)
        incremental = incremental_figures(bench)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    median = {k: statistics.median(r["wall"] for r in v) for k, v in runs.items()}
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in runs.items()}
    rss = {k: max(r["rss"] for r in v) for k, v in runs.items()}
    ok = lambda cond: "PASS" if cond else "MISS"
    print()
    print(f"dxcomply nightly benchmark: {db} ({db.stat().st_size / 1e6:.0f} MB), "
          f"{args.rounds} rounds, {os.cpu_count()} cores, load average {' '.join(load)} before")
    print(f"  {'':<22} {'median s':>9} {'min':>7} {'max':>7} {'ratio':>6} {'CPU s':>7} "
          f"{'CPU ratio':>9} {'peak RSS MB':>11}")
    for kind in runs:
        walls = [r["wall"] for r in runs[kind]]
        print(f"  {kind:<22} {median[kind]:9.3f} {min(walls):7.3f} {max(walls):7.3f} "
              f"{median[kind] / median['report']:6.2f} {cpu[kind]:7.2f} "
              f"{cpu[kind] / cpu['report']:9.2f} {rss[kind]:11.1f}")
    print()
    for kind in ("first", "unchanged", "changed"):
        ratio = median[kind] / median["report"]
        print(f"  goal: {kind} night <= 3 x report   {ok(ratio <= 3)} ({ratio:.2f})")
    print(f"  goal: peak RSS < 1000 MB         "
          f"{ok(max(rss[k] for k in ('first', 'unchanged', 'changed')) < 1000)}")
    print(f"  goal: changed night <= first     {ok(median['changed'] <= median['first'])}")
    comparison = [t for t, what in profiles["changed"] if what.startswith("nightly: comparison")]
    total = sum(t for t, what in profiles["changed"] if what.startswith("nightly: ")
                and not what.startswith(("nightly: wrote ", "nightly: serialized")))
    if comparison and total > 0:
        share = comparison[0] / total
        print(f"  goal: comparison a small part    {ok(share < 0.05)} ({comparison[0]:.3f} s, "
              f"{100 * share:.1f}% of the night)")
    print(f"  outputs: {identical}")
    for kind, lines in profiles.items():
        stages = [(t, what) for t, what in lines if what.startswith("nightly: ")
                  and not what.startswith(("nightly: wrote ", "nightly: serialized"))]
        night = sum(t for t, _ in stages)
        evaluation = sum(t for t, what in stages if what.startswith("nightly: evaluation"))
        workbook = [t for t, what in lines if what.startswith("nightly: wrote workbook")]
        if night > 0:
            print(f"  {kind} night (--verbose run): {night:.2f} s, of which the evaluation "
                  f"{evaluation:.2f} s ({100 * evaluation / night:.0f}%)" +
                  (f"; workbook.xlsx alone {workbook[0]:.2f} s on one thread" if workbook else ""))
    print()
    for kind, lines in profiles.items():
        print(f"  {kind} night, --verbose (one run, wall clock):")
        for seconds, what in lines:
            print(f"    {seconds:8.3f} s  {what}")
    print()
    print("  incremental evaluation, what it could save:")
    for figure in incremental:
        print(f"    {figure}")


if __name__ == "__main__":
    main()
