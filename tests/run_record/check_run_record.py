#!/usr/bin/env python3
"""The record of every run that writes (export, remind, nightly, import).

    check_run_record.py <dxcomply> <sample.db> <source dir> <work dir>

Each writing command leaves run.json beside its outputs and a line in its
log (runs.jsonl); findings.json carries the record's header. The digests in
the record follow the inputs: a rule file, a calendar file, a template or
the database changed changes its digest, and nothing else's; the same
inputs give the same digests. A refused run writes no record.
"""

import hashlib
import json
import pathlib
import shutil
import sqlite3
import subprocess
import sys

AS_OF = "2022-11-16"


class Checks:
    def __init__(self):
        self.failures = []

    def check(self, ok, what, detail=""):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            self.failures.append(what + (": " + str(detail) if detail else ""))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    dxcomply, sample, source, work = (sys.argv[1], pathlib.Path(sys.argv[2]),
                                      pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4]))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    rules, templates, db = work / "rules", work / "templates", work / "country.db"
    shutil.copytree(source / "rules", rules)
    shutil.copytree(source / "templates", templates)
    shutil.copy(sample, db)
    checks = Checks()

    def run(*args):
        return subprocess.run([dxcomply, *map(str, args)], capture_output=True, text=True)

    def export(out):
        result = run("export", "--db", db, "--rules", rules, "--as-of", AS_OF, "--out", out)
        checks.check(result.returncode == 0, f"export into {out.name} runs", result.stderr)
        return json.loads((out / "run.json").read_text(encoding="utf-8"))

    def log(path):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def sha(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()

    # export: the record, the log, the header of findings.json.
    out = work / "export"
    first = export(out)
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    header = {k: v for k, v in first.items() if k not in ("finished", "exit_code", "files")}
    checks.check(first["command"] == "export" and first["as_of"] == AS_OF
                 and first["exit_code"] == 0 and first["tool"]["version"]
                 and first["tool"]["revision"] and first["user"] and first["host"]
                 and first["started"] <= first["finished"] and first["language"] == "vi"
                 and first["options"]["out"] == str(out) and first["options"]["as_of"] == AS_OF,
                 "export: run.json says the tool, revision, user, host, times, language (Vietnamese "
                 "by default), options, as-of",
                 first)
    checks.check(first["database"]["path"] == str(db.resolve())
                 and first["database"]["sha256"] == sha(db)
                 and first["database"]["size"] == db.stat().st_size,
                 "export: the database's path, size and SHA-256", first["database"])
    on_disk = {str(p.relative_to(rules)): sha(p) for p in rules.rglob("*.y*ml")
               if p.parent == rules or p.parent.name == "calendar"}
    checks.check({f["file"]: f["sha256"] for f in first["rules"]["files"]} == on_disk,
                 "export: every rule and calendar file read, with its SHA-256",
                 sorted(on_disk))
    checks.check(sum(first["counts"].values()) == len(findings["findings"])
                 and first["counts"]["overdue"] == sum(
                     f["status"] == "overdue" for f in findings["findings"]),
                 "export: counts per status", first["counts"])
    checks.check(sorted(first["files"]) == sorted(
                     str(p.relative_to(out)) for p in out.rglob("*")
                     if p.is_file() and p.name not in ("run.json", "runs.jsonl")),
                 "export: the files written")
    checks.check(findings.get("run") == header, "export: findings.json carries the header")
    checks.check(log(out / "runs.jsonl") == [first], "export: runs.jsonl holds the record")

    # The same inputs: the same digests; the log grows by one line.
    again = export(out)
    checks.check(again["rules"] == first["rules"] and again["database"] == first["database"],
                 "same inputs: the same digests")
    checks.check(log(out / "runs.jsonl") == [first, again], "same inputs: a second line in the log")

    # A rule file changed: the rules' digest and that file's change, nothing else.
    rule_file = sorted(rules.glob("*.yaml"))[-1]
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n# reviewed\n",
                         encoding="utf-8")
    ruled = export(work / "export-rule")
    changed = [f["file"] for f, g in zip(ruled["rules"]["files"], first["rules"]["files"])
               if f != g]
    checks.check(ruled["rules"]["sha256"] != first["rules"]["sha256"]
                 and changed == [rule_file.name]
                 and ruled["database"] == first["database"],
                 "a rule file changed: its digest and the rules' change, the database's do not",
                 changed)

    # A calendar file changed: the same.
    calendar_file = sorted((rules / "calendar").glob("*.yaml"))[0]
    calendar_file.write_text(calendar_file.read_text(encoding="utf-8") + "\n# reviewed\n",
                             encoding="utf-8")
    calendared = export(work / "export-calendar")
    checks.check(calendared["rules"]["sha256"] not in (first["rules"]["sha256"],
                                                       ruled["rules"]["sha256"])
                 and calendared["database"] == first["database"],
                 "a calendar file changed: the rules' digest changes, the database's does not")

    # The database changed: its digest changes, the rules' does not.
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE task SET progress = 0.5 WHERE id = "
                           "(SELECT MIN(id) FROM task WHERE completed_on IS NULL)")
    connection.close()
    dated = export(work / "export-db")
    checks.check(dated["database"]["sha256"] != first["database"]["sha256"]
                 and dated["database"]["sha256"] == sha(db)
                 and dated["rules"] == calendared["rules"],
                 "the database changed: its digest changes, the rules' does not")

    # A refused run writes no record.
    refused = run("export", "--db", db, "--rules", rules, "--as-of", "2022-13-45",
                  "--out", work / "refused")
    checks.check(refused.returncode == 2 and not (work / "refused" / "run.json").exists(),
                 "a refused export writes no record", refused.returncode)

    # remind: the templates read, with their digests.
    def remind(out, folder):
        result = run("remind", "--db", db, "--rules", rules, "--templates", folder,
                     "--as-of", AS_OF, "--out", out, "--force")
        checks.check(result.returncode == 0, f"remind into {out.name} runs", result.stderr)
        return json.loads((out / "run.json").read_text(encoding="utf-8"))

    letters = remind(work / "letters", templates)
    checks.check(letters["command"] == "remind" and letters["templates"]["files"]
                 and letters["database"]["sha256"] == sha(db)
                 and len(letters["files"]) == 2 * sum(1 for _ in (work / "letters").glob("*.md"))
                 and log(work / "letters" / "runs.jsonl") == [letters],
                 "remind: run.json with the templates, the letters written, and the log")
    template = templates / "reminder.md.mustache"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    worded = remind(work / "letters-worded", templates)
    checks.check(worded["templates"]["sha256"] != letters["templates"]["sha256"]
                 and worded["rules"] == letters["rules"]
                 and worded["database"] == letters["database"],
                 "a template changed: the templates' digest changes, nothing else's")

    # nightly: the record beside the night's files and in the state.
    state, nights = work / "state", work / "nights"
    result = run("nightly", "--db", db, "--rules", rules, "--templates", templates,
                 "--as-of", AS_OF, "--state", state, "--out", nights, "--force")
    checks.check(result.returncode == 0, "nightly runs", result.stderr)
    night = json.loads((nights / AS_OF / "run.json").read_text(encoding="utf-8"))
    checks.check(night["command"] == "nightly" and night["database"]["sha256"] == sha(db)
                 and night["options"]["state"] == str(state)
                 and log(state / "runs.jsonl") == [night],
                 "nightly: run.json in the night's folder, the log in the state")

    # import: the record beside the database, its identity before and after.
    csv_file = work / "nhiem-vu.csv"
    csv_file.write_bytes(
        "\ufeffMã cơ quan;Mã nhiệm vụ;Kỳ;Tên công việc;Ngày bắt đầu;Tiến độ;Ngày hoàn thành;"
        "Văn bản minh chứng\r\n"
        "HA-TINH;steering-plan-2022;2022;Kế hoạch BCĐ 2022;01/03/2022;100%;30/03/2022;"
        "\"12/KH-BCĐ\"\r\n".encode("utf-8"))
    before = sha(db)
    result = run("import", csv_file, "--db", db, "--rules", rules)
    checks.check(result.returncode == 0, "import runs", result.stdout + result.stderr)
    imported = json.loads((work / "country.db.run.json").read_text(encoding="utf-8"))
    checks.check(imported["command"] == "import" and imported["outcome"] == "written"
                 and imported["database"]["sha256"] == before
                 and imported["database_after"]["sha256"] == sha(db) != before
                 and imported["file"]["sha256"] == sha(csv_file)
                 and imported["counts"]["task"]["added"] == 1,
                 "import: <db>.run.json with the file, the counts, the database before and after",
                 imported)
    result = run("import", csv_file, "--db", db, "--rules", rules)
    nothing = json.loads((work / "country.db.run.json").read_text(encoding="utf-8"))
    checks.check(nothing["outcome"] == "nothing_new"
                 and nothing["database"]["sha256"] == nothing["database_after"]["sha256"]
                 and log(work / "country.db.runs.jsonl") == [imported, nothing],
                 "import again: nothing new, the database's digest unchanged, two lines in the log")

    if checks.failures:
        sys.exit("check_run_record: {} check(s) failed:\n  ".format(len(checks.failures))
                 + "\n  ".join(checks.failures))


if __name__ == "__main__":
    main()
