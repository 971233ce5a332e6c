#!/usr/bin/env python3
"""Hostile and unlucky inputs (issue 19, items 1-11), each run as a user would.

    python3 tests/hostile/check_hostile.py <dxcomply> <source-dir> <work-dir> [case ...]

Each case builds its own small database (data/schema.sql plus a few rows) and
rules (tests/golden/rules/small), runs the commands of the issue and checks
that the outcome is a clear error or a correct result:

  stdout       a failed write to standard output exits 3 (report, check,
               explain, validate, graph, calendar into /dev/full)
  wal          a WAL database is read from a folder dxcomply cannot write
               (immutable, and through a running producer's -shm), and a
               run on a writable folder leaves no -wal or -shm behind
  hot-journal  a producer killed mid-transaction: exit 2 saying what
               happened and what to do, database and journal untouched
  duplicate-agency  duplicate agency ids: one instance each, a data issue,
               one letter
  long-id      an agency id too long for a file name: a data issue, and
               export, remind and nightly go on for everyone
  csv-injection  = + - @ tab CR at the start of a CSV field are neutralised;
               JSON keeps the exact text
  terminal     control characters from the database never reach the terminal
               raw; the Markdown letter escapes database text
  dates        dates the engine cannot handle are refused where they enter,
               naming the input; --lookback/--warn-before bounded; --lunar
               outside its table is exit 2
  empty-options  an empty option value is an error
  fifo         --db naming a FIFO is refused at once
  sizes        repeated depends_on, a long task cycle, a long diagnostic
               line, an `in` list too large for SQLite, a large workbook

Without case names, every case runs. Exit 1 if any check fails. The
commands run in English (DXCOMPLY_LANG=en), whose words the checks read;
each case also checks its message in Vietnamese, the default (run_vi).
"""

import csv
import io
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time

DXCOMPLY = SOURCE = WORK = None
FAILURES = []


def check(ok, what, detail=""):
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok or not detail else "\n      " + detail))
    if not ok:
        FAILURES.append(what)


def run(args, timeout=120, stdout=subprocess.PIPE, prefix=(), cwd=None, env=None):
    """Runs dxcomply; returns (rc, stdout text, stderr text); rc None on timeout."""
    try:
        done = subprocess.run(list(prefix) + [DXCOMPLY] + [str(a) for a in args],
                              stdout=stdout, stderr=subprocess.PIPE, timeout=timeout,
                              cwd=cwd or SOURCE, env=env)
    except subprocess.TimeoutExpired:
        return None, "", "(timed out after %d s)" % timeout
    out = done.stdout.decode("utf-8", "replace") if isinstance(done.stdout, bytes) else ""
    return done.returncode, out, done.stderr.decode("utf-8", "replace")


def run_vi(args, **kwargs):
    """run() in Vietnamese, the language users get by default."""
    return run(["--lang", "vi"] + list(args), **kwargs)


def peak_rss_mb(args, timeout=300):
    """Runs dxcomply alone and returns (rc, peak resident memory in MB). In a
    sanitizer build, AddressSanitizer keeps no freed memory in quarantine, so
    that memory in use is what is measured (compare runs, not figures)."""
    asan = os.environ.get("ASAN_OPTIONS", "")
    env = {**os.environ, "ASAN_OPTIONS": (asan + ":" if asan else "") + "quarantine_size_mb=0"}
    process = subprocess.Popen([DXCOMPLY] + [str(a) for a in args], cwd=SOURCE, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            process.stderr.close()
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024
        if time.time() > deadline:
            process.kill()
            process.wait()
            return None, 0
        time.sleep(0.02)


SMALL_RULES = None  # tests/golden/rules/small


def fresh(name):
    folder = WORK / name
    if folder.exists():
        for path in folder.rglob("*"):  # a read-only folder from an earlier run
            if path.is_dir():
                path.chmod(0o755)
        folder.chmod(0o755)
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


AGENCIES = [("BCA", "Bộ Công an", "ministry"), ("BTC", "Bộ Tài chính", "ministry"),
            ("NGHE-AN", "Nghệ An", "province")]


def make_db(path, agencies=AGENCIES, extra_sql="", agency_primary_key=True, systems=True,
            journal_mode=None):
    """data/schema.sql and one unapproved information system per agency (so
    every agency is overdue on `classify` as of 2022-11-01)."""
    schema = (SOURCE / "data" / "schema.sql").read_text(encoding="utf-8")
    if not agency_primary_key:
        keyed = re.compile(r"(CREATE TABLE agency \(\s*id\s+TEXT) PRIMARY KEY,")
        assert keyed.search(schema), "data/schema.sql: the agency table's key has moved"
        schema = keyed.sub(r"\1,", schema)
    db = sqlite3.connect(path)
    if journal_mode:
        db.execute("PRAGMA journal_mode = %s" % journal_mode)
    db.executescript(schema)
    db.executemany("INSERT INTO agency (id, name, kind) VALUES (?, ?, ?)", agencies)
    if systems:
        db.executemany(
            "INSERT INTO information_system (agency_id, name, level, created_on) "
            "VALUES (?, 'Cổng thông tin', 3, '2020-01-01')", [(a[0],) for a in agencies])
    db.commit()
    db.executescript("BEGIN;\n" + extra_sql + "\nCOMMIT;")
    db.close()
    return path


def small_rules(folder, extra=None):
    """A copy of tests/golden/rules/small and the shipped authorities (who
    signs the letters), with more files if given."""
    shutil.copytree(SMALL_RULES, folder)
    shutil.copy(SOURCE / "rules" / "authorities.yaml", folder)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def evaluate(db, rules, *more, as_of="2022-11-01"):
    return ["--db", db, "--rules", rules, "--as-of", as_of] + list(more)


# --- 1 ---------------------------------------------------------------------

def case_stdout():
    if not os.path.exists("/dev/full"):
        print("skip  stdout: no /dev/full")
        return
    folder = fresh("stdout")
    db = make_db(folder / "small.db")
    rules = small_rules(folder / "rules")
    commands = {
        "report --format json": ["report", "--format", "json"] + evaluate(db, rules),
        "report": ["report"] + evaluate(db, rules),
        "report --format csv": ["report", "--format", "csv"] + evaluate(db, rules),
        "check": ["check", "--agency", "BCA"] + evaluate(db, rules),
        "explain": ["explain", "classify", "BCA"] + evaluate(db, rules),
        "explain --format json": ["explain", "classify", "BCA", "--format", "json"] +
                                 evaluate(db, rules),
        "validate": ["validate", "--rules", rules],
        "graph": ["graph"] + evaluate(db, rules),
        "graph --format dot": ["graph", "--format", "dot"] + evaluate(db, rules),
        "calendar": ["calendar", "--year", "2025"],
    }
    for name, args in commands.items():
        with open("/dev/full", "wb") as full:
            rc, _, err = run(args, stdout=full)
        check(rc == 3 and "standard output" in err,
              "1. %s > /dev/full exits 3 saying why" % name, "rc=%s, stderr=%r" % (rc, err[:300]))
    with open("/dev/full", "wb") as full:
        rc, _, err = run_vi(commands["report"], stdout=full)
    check(rc == 3 and "lỗi: không ghi được ra đầu ra chuẩn" in err,
          "1. and says it in Vietnamese", "rc=%s, stderr=%r" % (rc, err[:300]))


# --- 2 ---------------------------------------------------------------------

def as_other_user():
    """A prefix that runs a command without the rights to write a folder we
    made read-only: root ignores folder permissions, so drop to nobody."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        return None
    return ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


def make_readable(path):
    for parent in [path] + list(path.parents):
        if parent == WORK.parent:
            break
        mode = parent.stat().st_mode
        parent.chmod(mode | stat.S_IROTH | (stat.S_IXOTH if parent.is_dir() else 0))


def case_wal():
    folder = fresh("wal")
    expected_db = make_db(folder / "rollback.db")
    rules = small_rules(folder / "rules")
    rc, expected, err = run(["report", "--format", "json"] + evaluate(expected_db, rules))
    check(rc == 0, "2. report on a rollback-journal database", err)

    # A WAL database in a writable folder: read, and nothing left behind.
    writable = folder / "writable"
    writable.mkdir()
    db = make_db(writable / "wal.db", journal_mode="WAL")
    before = sorted(os.listdir(writable))
    rc, out, err = run(["report", "--format", "json"] + evaluate(db, rules))
    check(rc == 0 and out == expected, "2. a WAL database in a writable folder is read", err)
    check(sorted(os.listdir(writable)) == before,
          "2. and no -wal or -shm is left behind", str(sorted(os.listdir(writable))))

    prefix = as_other_user()
    if prefix is None:
        print("skip  2. read-only folder: running as root without setpriv")
        return
    if prefix and run(["calendar", "--year", "2025"], prefix=prefix)[0] != 0:
        print("skip  2. read-only folder: the user nobody cannot run %s" % DXCOMPLY)
        return
    readonly = folder / "readonly"
    readonly.mkdir()
    db = make_db(readonly / "wal.db", journal_mode="WAL")
    make_readable(readonly / "wal.db")
    make_readable(rules / "checks.yaml")
    make_readable(rules / "tables.yaml")
    readonly.chmod(0o555)
    rc, out, err = run(["report", "--format", "json"] + evaluate(db, rules), prefix=prefix)
    check(rc == 0 and out == expected,
          "2. a WAL database in a folder dxcomply cannot write is read (immutable)",
          "rc=%s stderr=%r" % (rc, err[:300]))
    check(sorted(os.listdir(readonly)) == ["wal.db"], "2. and nothing is created there",
          str(os.listdir(readonly)))

    # A producer still running: its commits are in the -wal, read through
    # its -shm (SQLite's read-only WAL support).
    readonly.chmod(0o755)
    producer = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "db.execute(\"INSERT INTO agency (id, name, kind) VALUES ('BYT', 'Bộ Y tế', 'ministry')\")\n"
         "print('committed', flush=True)\n"
         "sys.stdin.read()\n", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        check(producer.stdout.readline().strip() == "committed", "2. a producer commits in WAL mode")
        for name in ("wal.db-wal", "wal.db-shm"):
            if (readonly / name).exists():
                make_readable(readonly / name)
        readonly.chmod(0o555)
        rc, out, err = run(["report", "--format", "json"] + evaluate(db, rules), prefix=prefix)
        agencies = json.loads(out)["summary"]["agencies"] if rc == 0 else None
        check(rc == 0 and agencies == len(AGENCIES) + 1,
              "2. while the producer runs, its committed rows are read through its -shm",
              "rc=%s agencies=%s stderr=%r" % (rc, agencies, err[:300]))
    finally:
        readonly.chmod(0o755)
        producer.stdin.close()
        producer.wait()


# --- 3 ---------------------------------------------------------------------

def case_hot_journal():
    folder = fresh("hot-journal")
    db = folder / "crashed.db"
    names = [("BCA", "Bộ Công an", "ministry")]
    extra = "".join(
        "INSERT INTO information_system (agency_id, name, created_on) VALUES "
        "('BCA', '%s', '2020-01-01');\n" % ("hệ thống %d " % i * 20) for i in range(3000))
    make_db(db, agencies=names, extra_sql=extra)
    # A producer that spills a large change to the file and is killed before
    # it commits: a hot journal.
    producer = subprocess.run(
        [sys.executable, "-c",
         "import os, signal, sqlite3, sys\n"
         "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "db.execute('PRAGMA cache_size = 2')\n"
         "db.execute('BEGIN')\n"
         "db.execute(\"UPDATE information_system SET name = name || 'x'\")\n"
         "os.kill(os.getpid(), signal.SIGKILL)\n", str(db)])
    journal = pathlib.Path(str(db) + "-journal")
    check(producer.returncode == -signal.SIGKILL and journal.exists() and journal.stat().st_size > 0,
          "3. a producer killed mid-transaction leaves a hot journal")
    before = (db.read_bytes(), journal.read_bytes())
    rules = small_rules(folder / "rules")
    rc, out, err = run(["report"] + evaluate(db, rules))
    check(rc == 2 and out == "" and "journal" in err and "crashed.db-journal" in err and
          "readonly" not in err,
          "3. report says a writer stopped mid-transaction and what to do (exit 2)",
          "rc=%s stderr=%r" % (rc, err))
    rc, out, err = run_vi(["report"] + evaluate(db, rules))
    check(rc == 2 and "nhật ký giao dịch dở dang" in err and "crashed.db-journal" in err,
          "3. and in Vietnamese", "rc=%s stderr=%r" % (rc, err))
    check((db.read_bytes(), journal.read_bytes()) == before,
          "3. the database and its journal are left as they were")


# --- 4 ---------------------------------------------------------------------

def case_duplicate_agency():
    folder = fresh("duplicate-agency")
    agencies = AGENCIES + [("BCA", "Bộ Công an (bản sao)", "province")]
    db = make_db(folder / "dup.db", agencies=agencies, agency_primary_key=False, systems=False,
                 extra_sql="INSERT INTO information_system (agency_id, name, level, created_on) "
                           "VALUES ('BCA', 'Cổng', 3, '2020-01-01'), "
                           "('NGHE-AN', 'Cổng', 3, '2020-01-01');")
    rules = small_rules(folder / "rules")
    rc, out, err = run(["report", "--format", "json", "--all"] + evaluate(db, rules))
    check(rc == 0, "4. report runs on duplicate agency ids", err)
    report = json.loads(out) if rc == 0 else {"findings": [], "data_issues": [], "summary": {}}
    bca = [f for f in report["findings"]
           if f["agency"]["id"] == "BCA" and f["obligation_id"] == "classify"]
    check(len(bca) == 1 and bca[0]["status"] == "overdue",
          "4. one classify instance for BCA, overdue", json.dumps(bca, ensure_ascii=False)[:400])
    issues = [i for i in report["data_issues"] if i["table"] == "agency" and i["row_id"] == "BCA"]
    check(len(issues) == 1 and "duplicate" in issues[0]["problem"],
          "4. the duplicate id is a data-quality finding", json.dumps(issues, ensure_ascii=False))
    check(report["summary"].get("agencies") == 3, "4. three agencies, not four")
    rc, out, err = run_vi(["report", "--format", "json"] + evaluate(db, rules))
    vi_issues = [i for i in json.loads(out)["data_issues"]
                 if i["table"] == "agency" and i["row_id"] == "BCA"] if rc == 0 else []
    check(len(vi_issues) == 1 and "mã cơ quan trùng" in vi_issues[0]["problem"],
          "4. the finding in Vietnamese", json.dumps(vi_issues, ensure_ascii=False))
    out_folder = folder / "letters"
    rc, out, err = run(["remind", "--templates", SOURCE / "templates", "--out", out_folder] +
                       evaluate(db, rules))
    letters = sorted(p.name for p in out_folder.glob("*.md")) if out_folder.exists() else []
    check(rc == 0 and letters == ["BCA.md", "BTC.md", "NGHE-AN.md"] and "3 letters" in out,
          "4. remind writes one letter per agency", "rc=%s %s %s %s" % (rc, letters, out, err))
    letter = (out_folder / "BCA.md").read_text(encoding="utf-8") if "BCA.md" in letters else ""
    # The appendix's rows: "| 1 | <title> | ...".
    items = [line for line in letter.split("\n")
             if line.startswith("| ") and line[2:].split(" |")[0].isdigit()]
    owed = [f for f in report["findings"]
            if f["agency"]["id"] == "BCA" and f["status"] in ("overdue", "at_risk")]
    check(len(items) == len(set(items)) == len(owed) > 0,
          "4. BCA's letter lists each of its %d overdue and at-risk items once" % len(owed),
          "\n".join(items))


# --- 5 ---------------------------------------------------------------------

LONG_ID = "UBND-" + "Thừa-Thiên-Huế-" * 7 + "Sở-Thông-tin-và-Truyền-thông"


def case_long_id():
    folder = fresh("long-id")
    encoded = len("".join(c if c.isascii() and (c.isalnum() or c in "-_") else
                          "".join("%%%02X" % b for b in c.encode()) for c in LONG_ID))
    check(encoded > 255, "5. the id is %d bytes once encoded (over 255)" % encoded)
    agencies = AGENCIES + [(LONG_ID, "Sở Thông tin và Truyền thông Thừa Thiên Huế", "province")]
    db = make_db(folder / "long.db", agencies=agencies)
    rules = small_rules(folder / "rules")
    for command, more in (("export", []), ("remind", ["--templates", SOURCE / "templates"]),
                          ("nightly", ["--templates", SOURCE / "templates",
                                       "--state", folder / "state"])):
        out_folder = folder / command
        rc, out, err = run([command, "--out", out_folder] + more + evaluate(db, rules))
        check(rc == 0, "5. %s goes on despite the long id (exit 0)" % command,
              "rc=%s stderr=%r" % (rc, err[:400]))
        files = [p for p in out_folder.rglob("*") if p.is_file()]
        names = [p.name for p in files]
        if command == "export":
            check("BCA.ics" in names and "NGHE-AN.ics" in names, "5. export: the others' calendars")
            check(sum(1 for n in names if n.endswith(".ics")) == 4,
                  "5. export: the long id's calendar too, under a shortened name", str(names))
            issues = json.loads((out_folder / "findings.json").read_text())["data_issues"]
            long_issues = [i for i in issues if i["row_id"] == LONG_ID]
            check(len(long_issues) == 1 and "file name" in long_issues[0]["problem"],
                  "5. the long id is a data-quality finding",
                  json.dumps(issues, ensure_ascii=False)[:400])
        else:
            check(sum(1 for n in names if n.endswith(".md")) == 4,
                  "5. %s: every agency's letter, the long id's under a shortened name" % command,
                  str(names))
        check(all(len(n.encode()) <= 255 for n in names), "5. %s: every file name fits" % command)


# --- 6 ---------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"bấm vào đây\")", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def case_csv_injection():
    folder = fresh("csv-injection")
    agencies = [("A%d" % i, name, "ministry") for i, name in enumerate(FORMULAS)]
    db = make_db(folder / "formulas.db", agencies=agencies)
    rules = small_rules(folder / "rules")
    rc, out, err = run(["report", "--format", "csv", "--all"] + evaluate(db, rules))
    check(rc == 0, "6. report --format csv", err)
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    dangerous = [(r["agency_name"], key, value) for r in rows for key, value in r.items()
                 if value and value[0] in "=+-@\t\r" and not is_plain_number(value)]
    check(rows and not dangerous, "6. no CSV field starts with = + - @ tab or CR",
          str(dangerous[:3]))
    names = {r["agency_name"] for r in rows if r["type"] == "finding"}
    check(names == {"'" + name for name in FORMULAS},
          "6. such a field keeps its text after a leading apostrophe", str(sorted(names)))
    chains = [r["blocked_by"] for r in rows if r["blocked_by"]]
    check(all(c[0] not in "=+-@" for c in chains), "6. blocked_by chains too")
    rc, out, err = run(["report", "--format", "json", "--all"] + evaluate(db, rules))
    names = {f["agency"]["name"] for f in json.loads(out)["findings"]} if rc == 0 else set()
    check(names == set(FORMULAS), "6. JSON keeps the exact names")


def is_plain_number(text):
    try:
        float(text)
        return text.strip() == text and not any(c.isalpha() for c in text)
    except ValueError:
        return False


# --- 7 ---------------------------------------------------------------------

ESCAPES = "Bộ\x1b]0;pwned\x07\x1b[2J Tư pháp\nOVERDUE (0)\r\u009b31m\u202eEvil"
MARKDOWN = "<script>alert(1)</script> | **Bộ** [x](http://evil.example) \\\n# Tiêu đề"


def case_terminal():
    folder = fresh("terminal")
    agencies = [("BTP", ESCAPES, "ministry"), ("BYT", MARKDOWN, "ministry")]
    db = make_db(folder / "escapes.db", agencies=agencies,
                 extra_sql="INSERT INTO information_system (agency_id, name, level, created_on) "
                           "VALUES ('BTP', 'Hệ thống\x1b[31m đỏ\n', 3, '2020-01-01');")
    rules = small_rules(folder / "rules")
    texts = {
        "report": ["report", "--all"],
        "check": ["check", "--agency", "BTP"],
        "explain": ["explain", "classify", "BTP"],
        "graph": ["graph"],
    }
    # Each language fills the names into its own sentences.
    for (name, args), (language, runner) in [(t, l) for t in texts.items()
                                             for l in (("en", run), ("vi", run_vi))]:
        rc, out, err = runner(args + evaluate(db, rules))
        controls = sorted({hex(ord(c)) for c in out if (ord(c) < 32 and c != "\n") or
                           0x7f <= ord(c) <= 0x9f or c == "\u202e"})
        check(rc in (0, 1) and not controls,
              "7. %s (text, %s): no control character from the database reaches the terminal"
              % (name, language),
              "rc=%s controls=%s stderr=%r" % (rc, controls, err[:200]))
        check(not any(line.startswith("OVERDUE (0)") for line in out.split("\n")),
              "7. %s (text, %s): a newline in a name does not break the lines" % (name, language))
    rc, out, err = run(["report", "--format", "json", "--all"] + evaluate(db, rules))
    names = {f["agency"]["name"] for f in json.loads(out)["findings"]} if rc == 0 else set()
    check(names == {ESCAPES, MARKDOWN}, "7. JSON keeps the exact names")

    out_folder = folder / "letters"
    rc, out, err = run(["remind", "--templates", SOURCE / "templates", "--out", out_folder] +
                       evaluate(db, rules))
    check(rc == 0, "7. remind", err)
    letter = (out_folder / "BYT.md").read_text(encoding="utf-8") if rc == 0 else ""
    check("<script>" not in letter and "**Bộ**" not in letter and "[x](http" not in letter,
          "7. the Markdown letter escapes HTML, emphasis and links in database text")
    check("\n# Tiêu đề" not in letter and "| **Bộ" not in letter,
          "7. and a line break in database text does not start a heading or a table cell")
    check("\\<script\\>" in letter or "&lt;script" in letter, "7. the text is still there, escaped")
    letter = (out_folder / "BTP.md").read_text(encoding="utf-8") if rc == 0 else ""
    check("\x1b" not in letter and "\x07" not in letter, "7. no control character in the letter")


# --- 8 ---------------------------------------------------------------------

def case_dates():
    folder = fresh("dates")
    db = make_db(folder / "dates.db",
                 extra_sql="INSERT INTO information_system (agency_id, name, level, "
                           "level_approved_on, created_on) VALUES "
                           "('BCA', 'Tương lai', 3, '9999-12-31', '2020-01-01');")
    rules = small_rules(folder / "rules")
    rc, out, err = run(["report", "--as-of", "9999-12-30", "--db", db, "--rules", rules])
    check(rc == 2 and "--as-of" in err and "9999-12-30" in err,
          "8. report --as-of 9999-12-30 is refused naming --as-of (exit 2)",
          "rc=%s stderr=%r" % (rc, err[:300]))
    rc, out, err = run_vi(["report", "--as-of", "9999-12-30", "--db", db, "--rules", rules])
    check(rc == 2 and "--as-of '9999-12-30' nằm ngoài các năm dxcomply xử lý (1900-2199)" in err,
          "8. and says so in Vietnamese", "rc=%s stderr=%r" % (rc, err[:300]))
    rc, out, err = run(["report", "--format", "json"] + evaluate(db, rules))
    issues = json.loads(out)["data_issues"] if rc == 0 else []
    check(any(i["value"] == "9999-12-31" and "2199" in i["problem"] for i in issues),
          "8. a record dated 9999-12-31 is a data-quality finding",
          json.dumps(issues, ensure_ascii=False)[:300])
    far = small_rules(folder / "far-rules")
    text = (far / "checks.yaml").read_text(encoding="utf-8").replace("due: 2022-12-31",
                                                                     "due: 9999-12-31")
    (far / "checks.yaml").write_text(text, encoding="utf-8")
    for command in (["validate", "--rules", far], ["report"] + evaluate(db, far)):
        rc, out, err = run(command)
        message = out + err
        check(rc == 2 and "checks.yaml:" in message and "9999-12-31" in message and
              "2199" in message,
              "8. %s: a due date of 9999-12-31 is an error at its line" % command[0],
              "rc=%s %r" % (rc, message[:300]))
    for option in ("--lookback", "--warn-before"):
        for value in ("2147483647", "3661"):
            rc, out, err = run(["report", option, value] + evaluate(db, rules))
            check(rc == 2 and option in err and out == "",
                  "8. report %s %s is refused (exit 2)" % (option, value),
                  "rc=%s stderr=%r" % (rc, err[:200]))
    rc, out, err = run(["report", "--lookback", "3660", "--warn-before", "3660", "--format",
                        "json"] + evaluate(db, rules))
    check(rc == 0 and "0000-" not in out, "8. the largest allowed --lookback and --warn-before run")
    for date in ("1400-01-01", "1899-12-31", "2200-01-01", "9999-01-01"):
        rc, out, err = run(["calendar", "--lunar", date])
        check(rc == 2 and out == "" and "--lunar" in err,
              "8. calendar --lunar %s (outside its table) is exit 2" % date,
              "rc=%s out=%r err=%r" % (rc, out, err))
    rc, out, err = run(["calendar", "--lunar", "2025-01-29"])
    check(rc == 0 and "1/1 of the lunar year 2025" in out, "8. calendar --lunar inside it works")


# --- 9 ---------------------------------------------------------------------

def case_empty_options():
    folder = fresh("empty-options")
    db = make_db(folder / "small.db")
    rules = small_rules(folder / "rules")
    out_folder = folder / "letters"
    rc, out, err = run(["remind", "--agency", "", "--templates", SOURCE / "templates", "--out",
                        out_folder] + evaluate(db, rules))
    check(rc == 2 and "--agency" in err and not out_folder.exists(),
          "9. remind --agency \"\" is an error and writes nothing", "rc=%s err=%r" % (rc, err))
    rc, out, err = run(["report", "--as-of", "", "--db", db, "--rules", rules])
    check(rc == 2 and "--as-of" in err and out == "", "9. report --as-of \"\" is an error",
          "rc=%s err=%r" % (rc, err))
    rc, out, err = run_vi(["report", "--as-of", "", "--db", db, "--rules", rules])
    check(rc == 2 and "--as-of" in err and "không được để trống" in err,
          "9. and says so in Vietnamese", "rc=%s err=%r" % (rc, err))
    for args in (["report", "--db", "", "--rules", rules],
                 ["report", "--format", ""] + evaluate(db, rules),
                 ["check", "--agency", ""] + evaluate(db, rules),
                 ["graph", "--obligation", ""] + evaluate(db, rules),
                 ["export", "--out", ""] + evaluate(db, rules),
                 ["validate", "--rules", rules, "--db", ""],
                 ["calendar", "--lunar", ""]):
        rc, out, err = run(args)
        check(rc == 2 and out == "", "9. %s with an empty value is an error" % " ".join(
            str(a) for a in args[:3]), "rc=%s err=%r" % (rc, err))


# --- 10 --------------------------------------------------------------------

def case_fifo():
    folder = fresh("fifo")
    fifo = folder / "records.db"
    os.mkfifo(fifo)
    rules = small_rules(folder / "rules")
    started = time.time()
    rc, out, err = run(["report"] + evaluate(fifo, rules), timeout=20)
    check(rc == 2 and "not a regular file" in err and time.time() - started < 10,
          "10. --db naming a FIFO is refused at once (exit 2)", "rc=%s err=%r" % (rc, err))
    rc, out, err = run(["validate", "--rules", rules, "--db", fifo], timeout=20)
    check(rc == 2 and "not a regular file" in err, "10. validate --db too")
    rc, out, err = run(["report"] + evaluate("/dev/null", rules), timeout=20)
    check(rc == 2 and "not a regular file" in err, "10. and a device (/dev/null)")
    rc, out, err = run_vi(["report"] + evaluate(fifo, rules), timeout=20)
    check(rc == 2 and "là một FIFO, không phải tệp thông thường" in err,
          "10. in Vietnamese too", "rc=%s err=%r" % (rc, err))


# --- 11 --------------------------------------------------------------------

def case_sizes():
    folder = fresh("sizes")
    db = make_db(folder / "small.db")

    # Repeated depends_on entries count once. Each entry names every agency
    # of two kinds, for each of 40 agencies: 5,000 repeats were 8 million
    # links.
    repeats = 5000
    many = [("A%02d" % i, "Cơ quan %d" % i, "province" if i % 2 else "ministry") for i in range(40)]
    many_db = make_db(folder / "forty.db", agencies=many)
    def after_classify(entries):
        return {"more.yaml": (
            "obligations:\n"
            "  - id: after-classify\n"
            "    title: Sau phân loại\n"
            "    source: {document: \"Fixture\"}\n"
            "    applies_to: {kinds: [ministry, province]}\n"
            "    due: 2022-12-31\n"
            "    check: {kind: count, table: security_staff, at_least: 1}\n"
            "    depends_on: [" +
            ", ".join(["{obligation: classify, kinds: [ministry, province]}"] * entries) + "]\n")}
    once = small_rules(folder / "once", after_classify(1))
    rules = small_rules(folder / "repeated", after_classify(repeats))
    rc, out, err = run(["validate", "--rules", rules])
    check(rc == 0 and out.count("repeated entries") == 1 and "4999 repeated" in out.replace(",", ""),
          "11. validate warns once about %d repeats of one depends_on entry" % repeats,
          "rc=%s out=%r" % (rc, out[:400]))
    rc, memory = peak_rss_mb(["report"] + evaluate(many_db, rules))
    _, memory_once = peak_rss_mb(["report"] + evaluate(many_db, once))
    check(rc == 0 and memory < memory_once + 60,
          "11. report with them takes the memory of one entry (%.0f MB, %.0f MB with one)"
          % (memory, memory_once))
    rc, out, err = run(["graph", "--format", "json"] + evaluate(many_db, rules))
    links = json.loads(out)["links"] if rc == 0 else []
    check(rc == 0 and len(links) == 40 * 40 + 40,
          "11. one link per pair of instances", "%d links" % len(links))

    # A long task cycle is one data issue of bounded length.
    cycle = 5000
    tasks = "".join("INSERT INTO task (id, agency_id, obligation_id, period, title) VALUES "
                    "(%d, 'BCA', 'drill-2022', '2022', 'Bước %d');\n" % (i, i)
                    for i in range(1, cycle + 1))
    links = "".join("INSERT INTO task_dependency VALUES (%d, %d);\n" % (i, i % cycle + 1)
                    for i in range(1, cycle + 1))
    cycle_db = make_db(folder / "cycle.db", extra_sql=tasks + links)
    rc, out, err = run(["report", "--format", "json"] + evaluate(cycle_db, SMALL_RULES))
    issues = [i for i in json.loads(out)["data_issues"] if "cycle" in i["problem"]] if rc == 0 else []
    check(len(issues) == 1 and len(issues[0]["problem"]) < 600 and "5000" in
          issues[0]["problem"].replace(",", ""),
          "11. a %d-task cycle is one data issue of bounded length" % cycle,
          "%d issues, lengths %s" % (len(issues), [len(i["problem"]) for i in issues]))

    # A diagnostic quotes a window of its line, not the whole line.
    unknown = 3000
    rules = small_rules(folder / "unknown-ids", {"unknown.yaml": (
        "obligations:\n"
        "  - id: many-agencies\n"
        "    title: Nhiều cơ quan\n"
        "    source: {document: \"Fixture\"}\n"
        "    applies_to: {agencies: [" + ", ".join("NO-SUCH-%05d" % i for i in range(unknown)) +
        "]}\n"
        "    due: 2022-12-31\n"
        "    check: {kind: count, table: security_staff, at_least: 1}\n")})
    rc, out, err = run(["validate", "--rules", rules, "--db", db])
    longest = max((len(line) for line in out.split("\n")), default=0)
    check(rc in (0, 2) and out.count("NO-SUCH-") >= unknown and longest < 200 and
          len(out) < 3_000_000,
          "11. %d unknown agency ids: each diagnostic quotes a window of the line" % unknown,
          "rc=%s, %d bytes, longest line %d" % (rc, len(out), longest))

    # An `in` list too large for SQLite's variables (32,766): the same clear
    # error in validate and in report. (Not larger: parsing the YAML is most
    # of the case's time in the sanitizer build.)
    values = 40000
    rules = small_rules(folder / "large-in", {"large-in.yaml": (
        "obligations:\n"
        "  - id: large-in\n"
        "    title: Danh sách lớn\n"
        "    source: {document: \"Fixture\"}\n"
        "    applies_to: {kinds: [ministry]}\n"
        "    due: 2022-12-31\n"
        "    check:\n"
        "      kind: count\n"
        "      table: information_system\n"
        "      where: [{column: name, op: in, values: [" +
        ", ".join("hệ-thống-%d" % i for i in range(values)) + "]}]\n"
        "      at_least: 1\n")})
    rc, out, err = run(["validate", "--rules", rules])
    check(rc == 2 and str(values) in out.replace(",", "") and "large-in.yaml:" in out,
          "11. validate refuses an `in` list of %d values at its line" % values,
          "rc=%s %r" % (rc, out[-400:]))
    rc, out, err = run(["report"] + evaluate(db, rules))
    check(rc == 2 and str(values) in err.replace(",", "") and len(err) < 10000 and
          "SELECT" not in err,
          "11. report refuses it with the same short message", "rc=%s %d bytes" % (rc, len(err)))

    # The workbook is written as it goes (libxlsxwriter's constant memory):
    # it takes no more memory than the JSON findings, which stream.
    many = 20000
    big_db = make_db(folder / "many.db", agencies=[("A%05d" % i, "Cơ quan số %d" % i, "province")
                                                   for i in range(many)])
    rc, memory = peak_rss_mb(["export", "--only", "xlsx", "--out", folder / "export"] +
                             evaluate(big_db, SMALL_RULES))
    _, memory_json = peak_rss_mb(["export", "--only", "json", "--out", folder / "export"] +
                                 evaluate(big_db, SMALL_RULES))
    check(rc == 0 and memory < memory_json + 40,
          "11. export --only xlsx of %d agencies streams (%.0f MB, JSON %.0f MB)"
          % (many, memory, memory_json))


CASES = {
    "stdout": case_stdout,
    "wal": case_wal,
    "hot-journal": case_hot_journal,
    "duplicate-agency": case_duplicate_agency,
    "long-id": case_long_id,
    "csv-injection": case_csv_injection,
    "terminal": case_terminal,
    "dates": case_dates,
    "empty-options": case_empty_options,
    "fifo": case_fifo,
    "sizes": case_sizes,
}


def main():
    global DXCOMPLY, SOURCE, WORK, SMALL_RULES
    DXCOMPLY = os.path.abspath(sys.argv[1])
    SOURCE = pathlib.Path(sys.argv[2]).resolve()
    WORK = pathlib.Path(sys.argv[3]).resolve()
    SMALL_RULES = SOURCE / "tests" / "golden" / "rules" / "small"
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ["DXCOMPLY_LANG"] = "en"  # see the docstring; run_vi overrides it
    names = sys.argv[4:] or list(CASES)
    for name in names:
        CASES[name]()
    if FAILURES:
        print("\n%d check(s) failed:\n  " % len(FAILURES) + "\n  ".join(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
