#!/usr/bin/env python3
"""The installed tool, run as a user would: `cmake --install` into a fresh
prefix, then from an unrelated folder report, check, remind, calendar,
nightly and list on the sample country with no --rules or --templates.
Then what must fail does, with exit 2 and the place it looked: a missing
calendar folder, missing rules or templates, a DXCOMPLY_DATA_DIR or option
naming a folder that is not there. And the overrides win over the install.

    check_install.py BUILD_DIR SAMPLE_DB
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def main():
    build, sample = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    with tempfile.TemporaryDirectory(prefix="dxcomply-install-") as temp:
        temp = Path(temp)
        prefix = temp / "prefix"
        subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)],
                       check=True, stdout=subprocess.DEVNULL)
        program = prefix / "bin" / "dxcomply"
        data = prefix / "share" / "dxcomply"
        for path in [program, data / "rules" / "tables.yaml", data / "rules" / "escalation.yaml",
                     data / "rules" / "calendar" / "2025.yaml",
                     data / "templates" / "reminder.md.mustache",
                     data / "templates" / "reminder.html.mustache",
                     data / "templates" / "letter.yaml", data / "templates" / "reference.docx",
                     data / "templates" / "reminder-docx.lua",
                     prefix / "share" / "man" / "man1" / "dxcomply.1.gz",
                     prefix / "share" / "man" / "vi" / "man1" / "dxcomply.1.gz"]:
            check(path.is_file(), f"installed {path.relative_to(prefix)}")

        # The installed README and docs link to each other as in the
        # repository: every relative link must reach an installed file.
        docs = prefix / "share" / "doc" / "dxcomply"
        pages = sorted(docs.rglob("*.md"))
        broken = []
        for page in pages:
            for target in re.findall(r"\]\(([^)#:\s]+\.(?:md|png|1))(?:#[^)]*)?\)",
                                     page.read_text("utf-8")):
                if not (page.parent / target).is_file():
                    broken.append(f"{page.relative_to(docs)} -> {target}")
        check(len(pages) >= 8 and not broken,
              f"the installed docs' {len(pages)} pages link only to installed pages"
              + (f": broken {broken}" if broken else ""))

        elsewhere = temp / "elsewhere"  # no rules/ or templates/ here
        elsewhere.mkdir()
        # Nothing of the user's environment points at data or sets the
        # language: the tool speaks Vietnamese, as to its users.
        env = {k: v for k, v in os.environ.items()
               if k not in ("DXCOMPLY_DATA_DIR", "DXCOMPLY_LANG")}

        def run(*args, env_extra=None, binary=program):
            return subprocess.run([str(binary), *map(str, args)], cwd=elsewhere,
                                  env={**env, **(env_extra or {})}, capture_output=True,
                                  text=True)

        db = ["--db", sample]
        version = run("--version")
        check(version.returncode == 0 and version.stdout.startswith("dxcomply ")
              and "revision " in version.stdout and "SQLite" in version.stdout
              and "yaml-cpp" in version.stdout and "Boost" in version.stdout
              and f"data: {data}" in version.stdout,
              "--version names the version, revision, libraries and the data folder")

        report = run("report", *db, "--as-of", "2022-11-01")
        from_build = run("report", *db, "--as-of", "2022-11-01", binary=build / "src" / "dxcomply")
        check(report.returncode == 0 and "QUÁ HẠN (" in report.stdout
              and report.stdout == from_build.stdout,
              "report finds the installed rules from another folder (the build tree's output)")
        check_run = run("check", *db, "--as-of", "2022-11-01", "--agency", "NGHE-AN")
        check(check_run.returncode == 1 and "Nghệ An" in check_run.stdout,
              "check exits 1 for Nghệ An's overdue duties")
        letters = elsewhere / "letters"
        remind = run("remind", *db, "--as-of", "2022-11-01", "--out", letters, "--agency",
                     "NGHE-AN")
        check(remind.returncode == 0 and (letters / "NGHE-AN.md").is_file()
              and "đôn đốc" in (letters / "NGHE-AN.md").read_text(encoding="utf-8"),
              "remind finds the installed templates")
        calendar = run("calendar", "--is-working-day", "2025-01-27")
        check(calendar.returncode == 0 and "là ngày nghỉ" in calendar.stdout,
              "calendar reads the installed 2025 decision (27/01/2025 is Tết)")
        nightly = run("nightly", *db, "--as-of", "2022-11-14", "--state", elsewhere / "state",
                      "--out", elsewhere / "out")
        check(nightly.returncode == 0 and (elsewhere / "out" / "2022-11-14" /
                                           "escalations.txt").is_file(),
              "nightly runs with the installed rules and templates")
        listed = run("list", "obligations", "--as-of", "2022-11-01")
        check(listed.returncode == 0 and "is-classify" in listed.stdout,
              "list obligations reads the installed rules")

        # A link to the program elsewhere still finds the data of its prefix.
        link = temp / "links" / "dxcomply"
        link.parent.mkdir()
        link.symlink_to(program)
        linked = run("calendar", "--is-working-day", "2025-01-27", binary=link)
        check(linked.returncode == 0 and "là ngày nghỉ" in linked.stdout,
              "a symbolic link to the program finds the data of the program's prefix")

        # DXCOMPLY_DATA_DIR wins over the install: a copy without the 2025
        # decision counts 27/01/2025 by the Labor Code alone, and says so.
        other = temp / "other-data"
        shutil.copytree(data, other)
        (other / "rules" / "calendar" / "2025.yaml").unlink()
        overridden = run("calendar", "--is-working-day", "2025-01-27",
                         env_extra={"DXCOMPLY_DATA_DIR": str(other)})
        check(overridden.returncode == 0 and "là ngày làm việc" in overridden.stdout
              and "không có văn bản quyết định" in overridden.stdout,
              "DXCOMPLY_DATA_DIR overrides the installed data")
        # --rules wins over DXCOMPLY_DATA_DIR.
        given = run("calendar", "--rules", data / "rules", "--is-working-day", "2025-01-27",
                    env_extra={"DXCOMPLY_DATA_DIR": str(other)})
        check(given.returncode == 0 and "là ngày nghỉ" in given.stdout,
              "--rules overrides DXCOMPLY_DATA_DIR")
        missing_variable = run("report", *db, env_extra={"DXCOMPLY_DATA_DIR": str(temp / "no")})
        check(missing_variable.returncode == 2 and missing_variable.stdout == ""
              and str(temp / "no" / "rules") in missing_variable.stderr
              and "DXCOMPLY_DATA_DIR" in missing_variable.stderr,
              "a DXCOMPLY_DATA_DIR without rules/ is exit 2, naming it")

        # No calendar folder: exit 2 for every command that needs it, saying
        # where it looked; never the statutory holidays in silence.
        no_calendar = temp / "no-calendar"
        shutil.copytree(data / "rules", no_calendar)
        shutil.rmtree(no_calendar / "calendar")
        for args in [["calendar", "--is-working-day", "2025-01-27"],
                     ["report", *db, "--as-of", "2022-11-01"],
                     ["remind", *db, "--as-of", "2022-11-01", "--out", elsewhere / "x"],
                     ["validate"]]:
            result = run(*args, "--rules", no_calendar)
            check(result.returncode == 2 and result.stdout.find("là ngày nghỉ") < 0
                  and str(no_calendar / "calendar") in result.stderr + result.stdout
                  and "không tìm thấy thư mục lịch" in result.stderr + result.stdout,
                  f"{args[0]} without a calendar folder is exit 2, naming it")
        check(not (elsewhere / "x").exists(), "remind wrote nothing without a calendar")
        installed_calendar = data / "rules" / "calendar"
        installed_calendar.rename(temp / "calendar-away")
        result = run("calendar", "--is-working-day", "2025-01-27")
        check(result.returncode == 2 and str(installed_calendar) in result.stderr,
              "the install without its calendar folder: exit 2, naming it")
        (temp / "calendar-away").rename(installed_calendar)

        result = run("calendar", "--rules", "/nonexistent", "--is-working-day", "2025-01-27")
        check(result.returncode == 2 and "/nonexistent" in result.stderr,
              "calendar --rules /nonexistent is exit 2")
        (data / "templates").rename(temp / "templates-away")
        result = run("remind", *db, "--as-of", "2022-11-01", "--out", elsewhere / "y")
        check(result.returncode == 2 and str(data / "templates") in result.stderr
              and not (elsewhere / "y").exists(),
              "remind without installed templates: exit 2, naming where it looked")
        result = run("nightly", *db, "--as-of", "2022-11-14", "--state", elsewhere / "s2",
                     "--out", elsewhere / "o2")
        check(result.returncode == 2 and str(data / "templates") in result.stderr
              and not (elsewhere / "o2").exists(),
              "nightly without installed templates: exit 2")
        (temp / "templates-away").rename(data / "templates")
        (data / "rules").rename(temp / "rules-away")
        result = run("report", *db)
        check(result.returncode == 2 and str(data / "rules") in result.stderr
              and "--rules" in result.stderr,
              "report without installed rules: exit 2, naming where it looked")

    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
