#!/usr/bin/env python3
"""The nightly batch's output folder: what it writes, what it may remove.

    python3 tests/nightly/check_night_folder.py <dxcomply> <sample.db> <source-dir> <work-dir>

On copies of the sample country, nights 2022-11-14, -15 and -16:

  foreign files   files dxcomply did not write (notes, another program's
                  output) survive every run of the night; a file an earlier
                  run of the night wrote (named by the night's manifest) and
                  this run did not is removed; a manifest naming paths
                  outside the folder, or a link, removes nothing outside
  links           a night folder (or its reminders/) that is a symbolic link
                  is refused (exit 3) before anything is written, and the
                  folder it points to is untouched
  one --out       a batch finding OUT locked by another (a different state)
                  is refused (exit 2) and writes nothing; two batches started
                  together on one OUT each succeed or are refused, never fail
                  halfway, and the night's folder is as one run makes it
  --keep N        the N latest nights stay, older ones go; a folder holding a
                  file dxcomply did not write stays, with a warning; a batch
                  killed while removing a folder has it finished by the next
  what changed    the second night writes the letters and calendars of the
                  agencies whose content changed (derived here from the two
                  nights' changes.json.gz and findings.json.gz), each
                  byte-identical to the same file of a --full run, which
                  writes every agency's
  version 1       a state.json of the former format is read: the next night
                  compares with it (the same escalations as from a version 2
                  state), then state.bin replaces it
  workbook        the nightly's workbook (written row by row) holds the same
                  cells as export's
  language        a night in another language than the night before rewrites
                  every letter and calendar (and its lists) in the new one; a
                  re-run of a night in another language leaves no file in the
                  old one; the lock's refusal and the summary in Vietnamese

The other sections run in English (DXCOMPLY_LANG=en), which they read.

Prints one line per check; on failure, every failed check and exit status 1.
"""

import fcntl
import gzip
import json
import os
import pathlib
import shutil
import subprocess
import sys

NIGHTS = ["2022-11-14", "2022-11-15", "2022-11-16"]
LOCK = ".dxcomply-nightly.lock"
MANIFEST = ".dxcomply-manifest"


from night_support import Checks, RUN_RECORDS, content_digest


def tree(folder):
    """Every file (and link) under folder but the run records: relative path ->
    sha256 (or the link's target)."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return {}
    result = {}
    for p in sorted(folder.rglob("*")):
        if p.name in (".lock", LOCK, *RUN_RECORDS):
            continue
        if p.is_symlink():
            result[str(p.relative_to(folder))] = "-> " + os.readlink(p)
        elif p.is_file():
            result[str(p.relative_to(folder))] = content_digest(p)
    return result


class Batch:
    def __init__(self, dxcomply, source, db, state, out):
        self.dxcomply, self.source, self.db = dxcomply, source, db
        self.state, self.out = pathlib.Path(state), pathlib.Path(out)

    def command(self, night, *more):
        return [self.dxcomply, "nightly", "--db", str(self.db), "--rules", "rules",
                "--templates", "templates", "--as-of", night,
                "--state", str(self.state), "--out", str(self.out), *more]

    def run(self, night, *more, env=None):
        return subprocess.run(self.command(night, *more), cwd=self.source, capture_output=True,
                              text=True, env={**os.environ, "DXCOMPLY_LANG": "en", **(env or {})})

    def start(self, night, *more):
        return subprocess.Popen(self.command(night, *more), cwd=self.source, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "DXCOMPLY_LANG": "en"})


def read_gzip_json(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def ok_run(checks, result, what):
    checks.check(result.returncode == 0 and result.stderr == "", what,
                 f"exit {result.returncode}: {result.stderr}")


def foreign_files(checks, work, dxcomply, source, db):
    batch = Batch(dxcomply, source, db, work / "state", work / "out")
    night = batch.out / NIGHTS[0]
    ok_run(checks, batch.run(NIGHTS[0]), "foreign files: the first night runs")
    foreign = {night / "notes.txt": "notes of the standing body\n",
               night / "reminders" / "foreign.md": "someone else's letter\n",
               night / "calendars" / "NGHE-AN.ics.bak": "a backup\n",
               night / "reminders" / "ZZZ.md": "named like a letter, not written by dxcomply\n"}
    for path, text in foreign.items():
        path.write_text(text, encoding="utf-8")
    # What an earlier run of this night wrote and this one will not.
    stale = night / "reminders" / "OLD-AGENCY.md"
    stale.write_text("a letter to an agency now in order\n", encoding="utf-8")
    stale_temporary = night / "findings.json.gz.dxcomply-tmp-99999"
    stale_temporary.write_text("half a file of a killed run\n", encoding="utf-8")
    # Outside the folder, named by a hostile manifest.
    victims = [work / "victim.txt", work / "victim2.txt", work / "victim3.txt"]
    for victim in victims:
        victim.write_text("must stay\n", encoding="utf-8")
    (night / "calendars" / "link.ics").symlink_to(victims[2])
    manifest = night / MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
    checks.check(lines[:1] == ["dxcomply-manifest 1"], "foreign files: the night has a manifest")
    manifest.write_text("\n".join(lines + [
        "reminders/OLD-AGENCY.md", "../victim.txt", str(victims[1]), "reminders/../../victim2.txt",
        "calendars/link.ics"]) + "\n", encoding="utf-8")
    before = tree(night)

    ok_run(checks, batch.run(NIGHTS[0]), "foreign files: the same night again runs")
    for path, text in foreign.items():
        checks.check(path.is_file() and path.read_text(encoding="utf-8") == text,
                     f"foreign files: {path.relative_to(night)} survives, unchanged")
    checks.check(not stale.exists(), "foreign files: a letter an earlier run wrote is removed")
    checks.check(not stale_temporary.exists(),
                 "foreign files: a killed run's temporary of a file it wrote is removed")
    checks.check(all(v.read_text(encoding="utf-8") == "must stay\n" for v in victims),
                 "foreign files: a manifest naming files outside the folder removes none of them")
    checks.check((night / "calendars" / "link.ics").is_symlink(),
                 "foreign files: a link where a file was is not removed (nor followed)")
    after = tree(night)
    kept_ours = {k: v for k, v in before.items()
                 if k not in ("reminders/OLD-AGENCY.md", "findings.json.gz.dxcomply-tmp-99999",
                              MANIFEST)}
    checks.check(all(after.get(k) == v for k, v in kept_ours.items()),
                 "foreign files: every other file is as before (the same night, the same bytes)")
    listed = manifest.read_text(encoding="utf-8").splitlines()[1:] if manifest.exists() else []
    checks.check("reminders/OLD-AGENCY.md" not in listed and "../victim.txt" not in listed
                 and "reminders/notes.txt" not in listed,
                 "foreign files: the new manifest names only what this run wrote")
    return batch


def links(checks, work, dxcomply, source, db, first):
    state = work / "links-state"
    shutil.copytree(first.state, state)
    out = work / "links-out"
    out.mkdir()
    target = work / "elsewhere"
    (target / "sub").mkdir(parents=True)
    (target / "reminders").mkdir()
    (target / "a.txt").write_text("a\n")
    (target / "sub" / "b.txt").write_text("b\n")
    (target / "reminders" / "c.md").write_text("c\n")
    (out / NIGHTS[1]).symlink_to(target, target_is_directory=True)
    batch = Batch(dxcomply, source, db, state, out)
    target_before, state_before = tree(target), tree(state)
    result = batch.run(NIGHTS[1])
    checks.check(result.returncode == 3 and "is a symbolic link" in result.stderr
                 and str(out / NIGHTS[1]) in result.stderr,
                 "links: a night folder that is a symbolic link is refused (exit 3), named",
                 result.stderr)
    checks.check(tree(target) == target_before, "links: the folder it points to is untouched")
    checks.check(tree(state) == state_before, "links: the state is untouched")

    (out / NIGHTS[1]).unlink()
    (out / NIGHTS[1]).mkdir()
    target2 = work / "elsewhere2"
    target2.mkdir()
    (target2 / "NGHE-AN.md").write_text("not a letter of this night\n")
    (out / NIGHTS[1] / "reminders").symlink_to(target2, target_is_directory=True)
    result = batch.run(NIGHTS[1])
    checks.check(result.returncode == 3 and "reminders is a symbolic link" in result.stderr,
                 "links: a reminders/ that is a symbolic link is refused (exit 3)", result.stderr)
    checks.check((target2 / "NGHE-AN.md").read_text() == "not a letter of this night\n"
                  and len(list(target2.iterdir())) == 1,
                 "links: nothing is written into or removed from the folder it points to")

    # --out itself may be a link: where the batch writes is the operator's choice.
    (out / NIGHTS[1] / "reminders").unlink()
    real = work / "links-real-out"
    real.mkdir()
    (work / "links-out-link").symlink_to(real, target_is_directory=True)
    linked = Batch(dxcomply, source, db, state, work / "links-out-link")
    ok_run(checks, linked.run(NIGHTS[1]), "links: an --out that is a symbolic link is followed")
    checks.check((real / NIGHTS[1] / "findings.json.gz").is_file(),
                 "links: the night is written where --out leads")


def one_out(checks, work, dxcomply, source, db, first):
    """Two batches, two states, one --out."""
    second = Batch(dxcomply, source, db, work / "one-out-state-a", work / "one-out")
    shutil.copytree(first.state, second.state)
    ok_run(checks, second.run(NIGHTS[1]), "one --out: the second night runs")
    states = []
    for name in "bcdefg":
        state = work / f"one-out-state-{name}"
        shutil.copytree(second.state, state)
        states.append(state)
    reference = Batch(dxcomply, source, db, work / "one-out-reference-state",
                      work / "one-out-reference")
    shutil.copytree(second.state, reference.state)
    ok_run(checks, reference.run(NIGHTS[2]), "one --out: a reference third night runs")
    expected = tree(reference.out / NIGHTS[2])

    out = second.out
    out_before = tree(out)
    with open(out / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        other = Batch(dxcomply, source, db, states[0], out)
        state_before = tree(states[0])
        result = other.run(NIGHTS[2])
        fcntl.flock(lock, fcntl.LOCK_UN)
    checks.check(result.returncode == 2 and f"another nightly run holds {out / LOCK}"
                 in result.stderr,
                 "one --out: a batch on a locked --out is refused (exit 2), saying why",
                 result.stderr)
    checks.check(tree(out) == out_before and not (out / NIGHTS[2]).exists()
                 and tree(states[0]) == state_before,
                 "one --out: the refused batch wrote nothing, in the folder or its state")

    outcomes = []
    for trial in range(5):
        shutil.rmtree(out / NIGHTS[2], ignore_errors=True)
        pair = [states[1 + (2 * trial) % 4], states[2 + (2 * trial) % 4]]
        for state in pair:
            shutil.rmtree(state)
            shutil.copytree(second.state, state)
        runs = [Batch(dxcomply, source, db, state, out).start(NIGHTS[2]) for state in pair]
        results = [(run.wait(), *run.communicate()) for run in runs]
        codes = sorted(code for code, _, _ in results)
        outcomes.append(codes)
        refused_right = all(code == 0 or (code == 2 and "another nightly run holds" in err)
                            for code, _, err in results)
        checks.check(refused_right and 0 in codes,
                     f"one --out, trial {trial + 1}: each batch succeeds or is refused "
                     f"(exits {codes})", [err for _, _, err in results])
        checks.check(tree(out / NIGHTS[2]) == expected,
                     f"one --out, trial {trial + 1}: the night's folder is as one run makes it")
    print(f"      (exit codes of the five pairs: {outcomes})")


def keep(checks, work, dxcomply, source, db):
    batch = Batch(dxcomply, source, db, work / "keep-state", work / "keep-out")
    ok_run(checks, batch.run(NIGHTS[0], "--keep", "2"), "--keep: the first night runs")
    (batch.out / "archive").mkdir()
    (batch.out / "archive" / "old.txt").write_text("not a night\n")
    (batch.out / "2022-11-01").symlink_to(work, target_is_directory=True)
    ok_run(checks, batch.run(NIGHTS[1], "--keep", "2"), "--keep: the second night runs")
    ok_run(checks, batch.run(NIGHTS[2], "--keep", "2"), "--keep 2: the third night runs")
    names = sorted(p.name for p in batch.out.iterdir() if p.name != LOCK)
    checks.check(names == ["2022-11-01", "2022-11-15", "2022-11-16", "archive"],
                 "--keep 2: the last two nights stay; other folders and links are not nights",
                 names)
    checks.check((batch.out / "archive" / "old.txt").exists() and (work / "victim.txt").exists(),
                 "--keep: nothing outside the dated folders is touched")

    # A dated folder with a foreign file is kept, with a warning.
    (batch.out / NIGHTS[1] / "notes.txt").write_text("keep me\n")
    result = batch.run(NIGHTS[2], "--keep", "1")
    checks.check(result.returncode == 0 and f"warning: kept {batch.out / NIGHTS[1]}"
                 in result.stderr and "notes.txt" in result.stderr,
                 "--keep 1: a night holding a file dxcomply did not write stays, with a warning",
                 result.stderr)
    checks.check((batch.out / NIGHTS[1] / "notes.txt").exists()
                 and (batch.out / NIGHTS[1] / "findings.json.gz").exists(),
                 "--keep 1: nothing of that night is removed")

    # Killed right after moving a night away: the next run finishes.
    (batch.out / NIGHTS[1] / "notes.txt").unlink()
    files = len((batch.out / NIGHTS[2] / MANIFEST).read_text().splitlines()) - 1
    killed = batch.run(NIGHTS[2], "--keep", "1", env={"DXCOMPLY_KILL_AFTER_FILES": str(files + 4)})
    trash = batch.out / (".dxcomply-pruning-" + NIGHTS[1])
    checks.check(killed.returncode == -9 and trash.is_dir() and not (batch.out / NIGHTS[1]).exists(),
                 "--keep: killed right after moving a night away, it is gone from view at once",
                 f"{killed.returncode} {killed.stderr}")
    ok_run(checks, batch.run(NIGHTS[2], "--keep", "1"), "--keep: the next run succeeds")
    names = sorted(p.name for p in batch.out.iterdir() if p.name != LOCK)
    checks.check(names == ["2022-11-01", "2022-11-16", "archive"],
                 "--keep: the next run finishes removing it", names)

    # A night that cannot be moved away (a stuck leftover of the same name):
    # the night itself is done, so it warns and succeeds; the next night retries.
    stuck = batch.out / (".dxcomply-pruning-" + NIGHTS[2])
    stuck.mkdir()
    (stuck / "notes.txt").write_text("someone's\n")
    result = batch.run("2022-11-17", "--keep", "1")
    checks.check(result.returncode == 0 and f"cannot move {batch.out / NIGHTS[2]} away"
                 in result.stderr and (batch.out / NIGHTS[2]).is_dir()
                 and (batch.out / "2022-11-17" / "findings.json.gz").exists(),
                 "--keep: a night that cannot be removed is a warning; tonight's night stands",
                 f"exit {result.returncode}: {result.stderr}")
    earlier = batch.run(NIGHTS[2])
    checks.check(earlier.returncode == 2,
                 "--keep: after that warning the state was saved (an earlier night is refused)",
                 f"exit {earlier.returncode}: {earlier.stderr}")


def changed_letters(checks, work, dxcomply, source, db, first):
    def items(night_folder):
        """Per agency: the letter's items (id, title, period, status, tier, due)."""
        per_agency = {}
        for c in read_gzip_json(night_folder / "changes.json.gz")["changes"]:
            if c["change"] == "resolved" or c["agency_id"] == "VN":
                continue
            per_agency.setdefault(c["agency_id"], set()).add(
                (c["obligation_id"], c["obligation_title"], c["period"], c["status"], c["tier"],
                 c["due"]))
        return per_agency

    def events(night_folder):
        """Per agency: its calendar's events (upcoming deadlines)."""
        findings = read_gzip_json(night_folder / "findings.json.gz")
        per_agency = {}
        for f in findings["findings"]:
            if f["due"] and f["due"] >= findings["as_of"] and f["status"] not in (
                    "met", "met_late", "not_applicable"):
                per_agency.setdefault(f["agency"]["id"], set()).add(
                    (f["obligation_id"], f["obligation_title"], f["period"], f["status"], f["due"],
                     f["warn_from"]))
        return per_agency

    results = {}
    for mode, more in (("changed", ()), ("full", ("--full",))):
        batch = Batch(dxcomply, source, db, work / f"{mode}-state", work / f"{mode}-out")
        shutil.copytree(first.state, batch.state)
        results[mode] = batch.run(NIGHTS[1], *more)
        ok_run(checks, results[mode], f"what changed: the second night runs ({mode})")
    changed = tree(work / "changed-out" / NIGHTS[1])
    full = tree(work / "full-out" / NIGHTS[1])
    checks.check(all(full.get(name) == digest for name, digest in changed.items()
                     if name != MANIFEST),
                 "what changed: every file the night wrote is byte-identical to --full's")
    one = first.out / NIGHTS[0]
    two = work / "full-out" / NIGHTS[1]
    agencies = {p.stem for p in (two / "calendars").iterdir()}
    before, after = items(one), items(two)
    letters = {a for a in after if after[a] != before.get(a)}
    written = {p.stem for p in (work / "changed-out" / NIGHTS[1] / "reminders").glob("*.md")}
    checks.check(written == letters and len(letters) < len(after),
                 f"what changed: letters for the {len(letters)} agencies (of {len(after)}) "
                 "whose items changed, no others", sorted(written ^ letters))
    checks.check({p.stem for p in (two / "reminders").glob("*.md")} == set(after),
                 "what changed: --full writes every agency's letter")
    before, after = events(one), events(two)
    calendars = {a for a in agencies if after.get(a, set()) != before.get(a, set())}
    written = {p.stem for p in (work / "changed-out" / NIGHTS[1] / "calendars").glob("*.ics")}
    checks.check(written == calendars and len(calendars) < len(agencies),
                 f"what changed: calendars for the {len(calendars)} agencies (of {len(agencies)}) "
                 "whose events changed, no others", sorted(written ^ calendars))
    checks.check(f"{len(letters)} of {len(items(two))} letters, {len(calendars)} of "
                 f"{len(agencies)} calendars written" in results["changed"].stdout,
                 "what changed: the summary says how many were written", results["changed"].stdout)
    return results["changed"]


def version_1(checks, work, dxcomply, source, db, first, changed_run):
    """A state.json as dxcomply wrote it before state.bin."""
    changes = read_gzip_json(first.out / NIGHTS[0] / "changes.json.gz")
    items = {}
    for c in changes["changes"]:
        key = f"{c['obligation_id']}|{c['agency_id']}|{c['period']}"
        items[key] = {k: c[k] for k in ("obligation_id", "obligation_title", "agency_id",
                                       "agency_name", "period", "status", "due", "days",
                                       "day_unit", "tier")}
        # The first night escalates every item to the tier it meets.
        items[key]["escalated_tier"] = c["escalated_to"] or 0
    state = work / "v1-state"
    state.mkdir()
    (state / "state.json").write_text(json.dumps({
        "format": "dxcomply-nightly-state", "version": 1, "as_of": NIGHTS[0],
        "baseline_as_of": None, "baseline": {}, "items": items}, ensure_ascii=False, indent=1))
    batch = Batch(dxcomply, source, db, state, work / "v1-out")
    result = batch.run(NIGHTS[1])
    ok_run(checks, result, "version 1: the second night runs on a state.json")
    for name in ("escalations.txt", "escalations.csv"):
        checks.check((batch.out / NIGHTS[1] / name).read_bytes()
                     == (work / "changed-out" / NIGHTS[1] / name).read_bytes(),
                     f"version 1: {name} is as from a version 2 state")
    checks.check(read_gzip_json(batch.out / NIGHTS[1] / "changes.json.gz")
                 == read_gzip_json(work / "changed-out" / NIGHTS[1] / "changes.json.gz"),
                 "version 1: changes.json.gz is as from a version 2 state")
    checks.check(result.stdout.split(": ", 2)[2].split(";")[0]
                 == changed_run.stdout.split(": ", 2)[2].split(";")[0],
                 "version 1: the same changes in the summary", result.stdout)
    checks.check(" 93 of 93 letters" in result.stdout,
                 "version 1: it knows no letters of the night before, so it writes every one",
                 result.stdout)
    checks.check((state / "state.bin").is_file() and not (state / "state.json").exists(),
                 "version 1: state.bin replaces state.json")


def language(checks, work, dxcomply, source, db, first):
    """The first night in English, the second in Vietnamese, then again in English."""
    vietnamese = {"DXCOMPLY_LANG": ""}  # unset: the default
    batch = Batch(dxcomply, source, db, work / "lang-state", work / "lang-out")
    shutil.copytree(first.state, batch.state)
    night = batch.out / NIGHTS[1]

    def calendars_in(english):
        texts = [p.read_text(encoding="utf-8").replace("\r\n ", "")  # unfolded
                 for p in (night / "calendars").glob("*.ics")]
        return bool(texts) and all(("upcoming deadlines of" in t) == english
                                   and ("các hạn sắp tới của" in t) != english for t in texts)

    batch.out.mkdir()
    with open(batch.out / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        refused = batch.run(NIGHTS[1], env=vietnamese)
        fcntl.flock(lock, fcntl.LOCK_UN)
    checks.check(refused.returncode == 2 and refused.stderr.startswith(
                     f"lỗi: một lượt chạy hằng đêm khác đang giữ {batch.out / LOCK}"),
                 "language: a locked --out is refused in Vietnamese by default", refused.stderr)

    result = batch.run(NIGHTS[1], env=vietnamese)
    ok_run(checks, result, "language: the second night runs in Vietnamese")
    full = work / "full-out" / NIGHTS[1]  # every letter and calendar of the night
    agencies = len(list((full / "calendars").glob("*.ics")))
    letters = len(list((full / "reminders").glob("*.md")))
    checks.check(f"đã ghi {letters}/{letters} công văn, {agencies}/{agencies} lịch;" in result.stdout,
                 "language: after an English night, every letter and calendar is written again",
                 result.stdout)
    checks.check(calendars_in(english=False)
                 and len(list((night / "calendars").glob("*.ics"))) == agencies,
                 "language: every calendar of the night is in Vietnamese")
    checks.check((night / "escalations.txt").read_text(encoding="utf-8").startswith(
                     "Danh sách chuyển cấp xử lý đêm 15/11/2022")
                 and json.loads((night / "run.json").read_text(encoding="utf-8"))["language"]
                 == "vi",
                 "language: the escalation list and run.json say Vietnamese")

    again = batch.run(NIGHTS[1], "--lang", "en")
    ok_run(checks, again, "language: the same night again in English")
    checks.check(calendars_in(english=True)
                 and (night / "escalations.txt").read_text(encoding="utf-8").startswith(
                     "Escalation list of the night of"),
                 "language: re-run in English, no file of the night stays in Vietnamese")
    english = tree(work / "changed-out" / NIGHTS[1])
    checks.check({k: v for k, v in tree(night).items() if k != MANIFEST}
                 == {k: v for k, v in english.items() if k != MANIFEST},
                 "language: the night's files are those of a night run in English throughout")


def workbook(checks, work, dxcomply, source, db, first):
    exported = work / "export"
    subprocess.run([dxcomply, "export", "--db", str(db), "--rules", "rules", "--as-of", NIGHTS[0],
                    "--only", "xlsx", "--out", str(exported), "--lang", "en"], cwd=source,
                   check=True, capture_output=True)
    program = ("import openpyxl, sys\n"
               "def cells(p):\n"
               "    book = openpyxl.load_workbook(p)\n"
               "    return [(s.title, [[c.value for c in row] for row in s.iter_rows()],"
               " s.freeze_panes, s.auto_filter.ref) for s in book.worksheets]\n"
               "sys.exit(0 if cells(sys.argv[1]) == cells(sys.argv[2]) else 1)\n")
    for python in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([python, "-c", "import openpyxl"], capture_output=True).returncode == 0:
            result = subprocess.run([python, "-c", program, str(first.out / NIGHTS[0] /
                                    "workbook.xlsx"), str(exported / "workbook.xlsx")])
            checks.check(result.returncode == 0,
                         "workbook: the nightly's holds the same cells, panes and filters as "
                         "export's")
            return
    checks.check(False, "workbook: no python with openpyxl (Debian: python3-openpyxl)")


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

    def section(name, function, *args):
        try:
            return function(checks, work, dxcomply, source, db, *args)
        except Exception as e:  # a failed section is a failed check; the others still run
            checks.check(False, f"{name}: ran to the end", repr(e))
            return None

    first = section("foreign files", foreign_files)
    section("links", links, first)
    section("one --out", one_out, first)
    section("--keep", keep)
    changed_run = section("what changed", changed_letters, first)
    section("version 1", version_1, first, changed_run)
    section("workbook", workbook, first)
    section("language", language, first)

    if checks.failures:
        print(f"\ncheck_night_folder: {len(checks.failures)} check(s) failed:", file=sys.stderr)
        for failure in checks.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print("\ncheck_night_folder: every check passed")


if __name__ == "__main__":
    main()
