#!/usr/bin/env python3
"""The nightly batch across three consecutive nights, re-runs and kills.

    python3 tests/nightly/check_nightly.py <dxcomply> <sample.db> <source-dir> <work-dir>

On a copy of the sample country (the batch never writes to its database; the
test changes its own copy between nights):

  2022-11-14  first run: every overdue or at-risk item is new, escalated to
              the tier it meets
  2022-11-15  second night
  2022-11-16  third night, after Phú Yên's 2022 action plan (overdue) is
              recorded as completed on 2022-11-16: that item is resolved;
              the deadlines of 15/11 are now 1 working day overdue: worsened
              to tier 2. escalations.txt must equal the reviewed
              tests/nightly/expected/escalations-2022-11-16.txt.

Across the nights every class of change occurs (new, worsened, resolved,
unchanged), and no item is escalated to a tier it was escalated to before.
Running the third night again gives byte-identical files and state; running
the second night after the third is refused (exit 2) and changes nothing.
Then the third night is killed (SIGKILL, DXCOMPLY_KILL_AFTER_FILES) at every
stage: after the manifest of what it may write, after one and two outputs
(written on two threads), half of them, all of them, and after the manifest
of what it wrote: each time the second night's outputs and the state are
exactly as they were, and the next complete run produces exactly what an
uninterrupted run produced. (tests/nightly/check_night_folder.py covers the
output folder: foreign files, links, two batches on one folder, --keep,
--full, the letters that changed, and a version 1 state.)
"""

import gzip
import json
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys

NIGHTS = ["2022-11-14", "2022-11-15", "2022-11-16"]
RESOLVED = ("action-plan", "PHU-YEN", "2022")


from night_support import Checks, RUN_RECORDS, content_digest


def tree(folder):
    """Every file under folder but the run records: relative path -> sha256."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): content_digest(p)
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in (".lock", ".dxcomply-nightly.lock", *RUN_RECORDS)}


class Batch:
    def __init__(self, dxcomply, source, db, state, out):
        self.dxcomply, self.source, self.db, self.state, self.out = dxcomply, source, db, state, out

    def run(self, night, env=None):
        return subprocess.run(
            [self.dxcomply, "nightly", "--db", str(self.db), "--rules", "rules",
             "--templates", "templates", "--as-of", night,
             "--state", str(self.state), "--out", str(self.out)],
            cwd=self.source, capture_output=True, text=True,
            env={**os.environ, **(env or {})})

    def changes(self, night):
        with gzip.open(self.out / night / "changes.json.gz", "rt", encoding="utf-8") as f:
            return json.load(f)["changes"]


def summary_counts(stdout):
    """The summary's findings, overdue and at risk, in any language."""
    return [int(n) for n in re.match(r"nightly \S+: (\d+)\D+(\d+)\D+(\d+)", stdout).groups()]


def key(change):
    return (change["obligation_id"], change["agency_id"], change["period"])


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    dxcomply = sys.argv[1]
    source = pathlib.Path(sys.argv[3])
    work = pathlib.Path(sys.argv[4])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "country.db"
    shutil.copy(sys.argv[2], db)
    checks = Checks()
    batch = Batch(dxcomply, source, db, work / "state", work / "out")

    runs = {}
    for night in NIGHTS:
        if night == NIGHTS[2]:
            with sqlite3.connect(db) as connection:
                updated = connection.execute(
                    "UPDATE task SET completed_on = '2022-11-16', progress = 1 "
                    "WHERE obligation_id = ? AND agency_id = ? AND period = ?", RESOLVED).rowcount
            checks.check(updated == 1, "the test resolves Phú Yên's 2022 action plan", str(updated))
            shutil.copytree(batch.state, work / "state-before-night-3")
        result = batch.run(night)
        checks.check(result.returncode == 0, f"{night}: exit 0 (findings are not errors)",
                     result.stderr)
        checks.check(result.stdout.startswith(f"nightly {night}: ") and result.stdout.count("\n") == 1,
                     f"{night}: a one-line summary on stdout", result.stdout)
        checks.check(result.stderr == "", f"{night}: nothing on stderr when it is not a terminal",
                     result.stderr)
        runs[night] = result
    print("\n".join(r.stdout.strip() for r in runs.values()))

    nights = {night: batch.changes(night) for night in NIGHTS}
    first = nights[NIGHTS[0]]
    checks.check(first and all(c["change"] == "new" for c in first),
                 "first night: every item is new")
    checks.check(all(c["escalated_to"] == (c["tier"] or None) for c in first),
                 "first night: every item with a tier is escalated to it")

    seen = {c["change"] for n in NIGHTS[1:] for c in nights[n]}
    checks.check(seen >= {"new", "worsened", "resolved", "unchanged"},
                 "later nights: new, worsened, resolved and unchanged all occur", str(seen))
    third = {key(c): c for c in nights[NIGHTS[2]]}
    resolved = third.get(RESOLVED)
    checks.check(resolved is not None and resolved["change"] == "resolved",
                 "third night: Phú Yên's 2022 action plan is resolved", str(resolved))
    worsened = [c for c in nights[NIGHTS[2]] if c["change"] == "worsened"]
    checks.check(any(c["due"] == "2022-11-15" and c["status"] == "overdue" and c["tier"] == 2
                     for c in worsened),
                 "third night: deadlines of 15/11 overdue by a working day worsen to tier 2")

    escalated = {}
    double = []
    for night in NIGHTS:
        for c in nights[night]:
            if c["escalated_to"] is None:
                continue
            before = escalated.get(key(c), 0)
            if c["escalated_to"] <= before:
                double.append((night, key(c), before, c["escalated_to"]))
            escalated[key(c)] = c["escalated_to"]
    checks.check(not double, "no item is escalated twice to the same tier (or a lower one)",
                 str(double[:5]))
    unchanged_escalated = [c for n in NIGHTS[1:] for c in nights[n]
                           if c["change"] == "unchanged" and c["escalated_to"] is not None]
    checks.check(not unchanged_escalated, "an unchanged item is not escalated again",
                 str(unchanged_escalated[:3]))

    expected = source / "tests/nightly/expected/escalations-2022-11-16.txt"
    actual = (batch.out / NIGHTS[2] / "escalations.txt").read_text(encoding="utf-8")
    if os.environ.get("DXCOMPLY_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    checks.check(actual == expected.read_text(encoding="utf-8"),
                 "third night: escalations.txt equals the reviewed golden file",
                 f"diff {expected} {batch.out / NIGHTS[2] / 'escalations.txt'}")
    csv_rows = (batch.out / NIGHTS[2] / "escalations.csv").read_bytes().decode("utf-8-sig").splitlines()
    checks.check(len(csv_rows) - 1 == sum(c["escalated_to"] is not None for c in nights[NIGHTS[2]]),
                 "escalations.csv: one row per escalation tonight")
    names = tree(batch.out / NIGHTS[0])
    for wanted in ["findings.json.gz", "findings.csv.gz", "workbook.xlsx", "dashboard.html",
                   "escalations.txt", "escalations.csv", "changes.json.gz", ".dxcomply-manifest",
                   "calendars/NGHE-AN.ics", "reminders/NGHE-AN.md", "reminders/NGHE-AN.html"]:
        checks.check(wanted in names, f"the first night's folder holds {wanted}")
    for night in NIGHTS:
        manifest = (batch.out / night / ".dxcomply-manifest").read_text(encoding="utf-8").split("\n")
        checks.check(manifest[0] == "dxcomply-manifest 1"
                     and sorted(filter(None, manifest[1:])) == sorted(
                         [*(n for n in tree(batch.out / night) if n != ".dxcomply-manifest"),
                          "run.json"]),
                     f"{night}: the manifest names exactly the files the night wrote")
    with gzip.open(batch.out / NIGHTS[2] / "findings.json.gz", "rt", encoding="utf-8") as f:
        findings = json.load(f)
    checks.check(findings["format"] == "dxcomply-findings" and len(findings["findings"]) ==
                 summary_counts(runs[NIGHTS[2]].stdout)[0],
                 "findings.json.gz: every finding, readable with gzip")

    # The run record: beside each night's files, in the state's log, and as
    # findings.json.gz's header.
    log = [json.loads(line) for line in
           (batch.state / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    records = {night: json.loads((batch.out / night / "run.json").read_text(encoding="utf-8"))
               for night in NIGHTS}
    checks.check([r["as_of"] for r in log] == NIGHTS and log == [records[n] for n in NIGHTS],
                 "run record: each night's run.json, and one line per night in <state>/runs.jsonl",
                 str([r.get("as_of") for r in log]))
    third = records[NIGHTS[2]]
    header = {k: v for k, v in third.items() if k not in ("finished", "exit_code", "files")}
    checks.check(third["command"] == "nightly" and third["exit_code"] == 0
                 and third["counts"]["overdue"] == summary_counts(runs[NIGHTS[2]].stdout)[1]
                 and third["database"]["path"] == str(pathlib.Path(batch.db).resolve())
                 and len(third["database"]["sha256"]) == 64
                 and any(f["file"] == "escalation.yaml" for f in third["rules"]["files"])
                 and third["night"]["since"] == NIGHTS[1]
                 and sorted(third["files"]) == sorted(
                     n for n in tree(batch.out / NIGHTS[2]) if n != ".dxcomply-manifest"),
                 "run record: command, counts, database, rules, the night and its files", str(third))
    checks.check(findings.get("run") == header,
                 "run record: findings.json.gz carries its header")
    checks.check(records[NIGHTS[1]]["database"]["sha256"] == records[NIGHTS[0]]["database"]["sha256"]
                 and third["database"]["sha256"] != records[NIGHTS[1]]["database"]["sha256"]
                 and len({r["rules"]["sha256"] for r in records.values()}) == 1,
                 "run record: the database's digest changes with its data (before the third "
                 "night), the rules' do not")

    # The same night again, same data: the same files, nothing escalated twice.
    after_third = tree(batch.out), tree(batch.state)
    again = batch.run(NIGHTS[2])
    checks.check(again.returncode == 0 and again.stdout == runs[NIGHTS[2]].stdout,
                 "third night re-run: same summary", again.stdout + again.stderr)
    checks.check((tree(batch.out), tree(batch.state)) == after_third,
                 "third night re-run: byte-identical outputs and state")

    # Backwards: refused, nothing touched.
    back = batch.run(NIGHTS[1])
    checks.check(back.returncode == 2 and "chỉ đi tới" in back.stderr,
                 "an earlier night after a later one is refused (exit 2)", back.stderr)
    checks.check((tree(batch.out), tree(batch.state)) == after_third,
                 "the refused run changed nothing")

    # Killed mid-run: the previous night and the state stay intact, and the
    # next run produces what an uninterrupted one did. A run commits the
    # manifest of what it may write, every output (two at a time), the
    # manifest of what it wrote, then the state: killed after the first
    # manifest, after one and two outputs, half of them, all of them, and
    # after the last manifest.
    outputs = len(tree(batch.out / NIGHTS[2])) - 1
    total = outputs + 3
    night2 = tree(batch.out / NIGHTS[1])
    for after in sorted({1, 2, 3, total // 2, outputs + 1, outputs + 2}):
        state = work / f"state-kill-{after}"
        out = work / f"out-kill-{after}"
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(work / "state-before-night-3", state)
        shutil.copytree(batch.out / NIGHTS[0], out / NIGHTS[0])
        shutil.copytree(batch.out / NIGHTS[1], out / NIGHTS[1])
        killed_batch = Batch(dxcomply, source, db, state, out)
        before_state = tree(state)
        killed = killed_batch.run(NIGHTS[2], {"DXCOMPLY_KILL_AFTER_FILES": str(after)})
        checks.check(killed.returncode == -9, f"kill after {after} of {total} files: killed",
                     str(killed.returncode) + killed.stderr)
        checks.check(tree(state) == before_state and tree(out / NIGHTS[1]) == night2,
                     f"kill after {after}: the state and the previous night are intact")
        recovered = killed_batch.run(NIGHTS[2])
        checks.check(recovered.returncode == 0 and recovered.stdout.replace(str(out), "OUT")
                     == runs[NIGHTS[2]].stdout.replace(str(batch.out), "OUT"),
                     f"kill after {after}: the next run succeeds with the same summary",
                     recovered.stdout + recovered.stderr)
        checks.check(tree(out / NIGHTS[2]) == tree(batch.out / NIGHTS[2])
                     and tree(state) == after_third[1],
                     f"kill after {after}: the next run's files and state equal an uninterrupted run's")

    if checks.failures:
        print(f"\ncheck_nightly: {len(checks.failures)} check(s) failed:", file=sys.stderr)
        for failure in checks.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print("\ncheck_nightly: every check passed")


if __name__ == "__main__":
    main()
