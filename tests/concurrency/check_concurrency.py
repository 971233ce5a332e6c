#!/usr/bin/env python3
"""Reports while a producer writes, and a database locked by another program.

    python3 tests/concurrency/check_concurrency.py <dxcomply> <source-dir> <work-dir>

For a WAL database and for a rollback-journal one, a writer commits in a
loop (each commit adds one information system, one security specialist and
one task of drill-2022, for one agency) while dxcomply reports on it again
and again. Each report must be one snapshot: however many commits it saw,
the three national totals (systems in classify, specialists in staff-5,
tasks in drill-2022) moved together, which they cannot if two tables, or
two parts of the task table read by two connections, came from different
commits. Neither side may fail or starve: every report exits 0 in bounded
time, the writer commits throughout without an error, and the reports see
its commits. Then a database held by another program's exclusive lock:
report exits 2 saying so, after the wait set by DXCOMPLY_BUSY_TIMEOUT_MS
and, once, after the default 30 s.
"""

import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

DXCOMPLY = SOURCE = WORK = None
FAILURES = []
REPORTS = 12

WRITER = r"""
import json, os, sqlite3, sys, time
path, stop, agencies = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
db = sqlite3.connect(path, timeout=60, isolation_level=None)
commits, errors, slowest = 0, [], 0.0
while not os.path.exists(stop):
    agency = agencies[commits % len(agencies)]
    started = time.time()
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO information_system (agency_id, name, level, created_on) "
                   "VALUES (?, 'Hệ thống mới', 3, '2020-01-01')", (agency,))
        db.execute("INSERT INTO security_staff (agency_id, role, employment, joined_on) "
                   "VALUES (?, 'security_specialist', 'civil_servant', '2020-01-01')", (agency,))
        db.execute("INSERT INTO task (agency_id, obligation_id, period, title) "
                   "VALUES (?, 'drill-2022', '2022', 'Diễn tập')", (agency,))
        db.execute("COMMIT")
        commits += 1
    except sqlite3.Error as e:
        errors.append(str(e))
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
    slowest = max(slowest, time.time() - started)
    time.sleep(0.005)
db.close()
print(json.dumps({"commits": commits, "errors": errors[:5], "slowest": slowest}))
"""

LOCKER = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("INSERT INTO agency (id, name, kind) VALUES ('LOCK', 'Khóa', 'ministry')")
print("locked", flush=True)
sys.stdin.read()
"""


def check(ok, what, detail=""):
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok or not detail else "\n      " + detail))
    if not ok:
        FAILURES.append(what)


def make_db(path, journal_mode):
    schema = (SOURCE / "data" / "schema.sql").read_text(encoding="utf-8")
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = %s" % journal_mode)
    db.executescript(schema)
    agencies = [("A%02d" % i, "Cơ quan %d" % i, "ministry" if i % 3 else "province")
                for i in range(20)]
    db.executemany("INSERT INTO agency (id, name, kind) VALUES (?, ?, ?)", agencies)
    # Enough tasks that the task table is read in parts, on both threads
    # (and, in rollback mode, on two connections).
    db.executemany("INSERT INTO task (agency_id, obligation_id, period, title) "
                   "VALUES (?, 'drill-2022', '2022', 'Diễn tập')",
                   [(agencies[i % 20][0],) for i in range(60000)])
    db.commit()
    db.close()
    return [a[0] for a in agencies]


def totals(report):
    by_id = {o["obligation_id"]: o for o in report["summary"]["obligations"]}
    return (by_id["classify"]["denominator"], by_id["staff-5"]["numerator"],
            by_id["drill-2022"]["denominator"])


def report(db, env=None, timeout=120):
    started = time.time()
    done = subprocess.run([DXCOMPLY, "report", "--format", "json", "--all", "--db", str(db),
                           "--rules", str(SOURCE / "tests" / "golden" / "rules" / "small"),
                           "--as-of", "2022-11-01"],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
    return done, time.time() - started


def while_writing(mode):
    folder = WORK / mode
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = folder / "records.db"
    agencies = make_db(db, mode)
    done, _ = report(db)
    check(done.returncode == 0, "%s: report before the writer starts" % mode, done.stderr)
    first = totals(json.loads(done.stdout))
    offsets = (first[0] - first[1], first[0] - first[2])

    stop = folder / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop), ",".join(agencies)],
                              stdout=subprocess.PIPE, text=True)
    time.sleep(0.3)
    seen, slowest, failures = [], 0.0, []
    for _ in range(REPORTS):
        done, elapsed = report(db)
        slowest = max(slowest, elapsed)
        if done.returncode != 0:
            failures.append(done.stderr.strip())
            continue
        systems, specialists, tasks = totals(json.loads(done.stdout))
        seen.append((systems, specialists, tasks))
    stop.touch()
    stats = json.loads(writer.communicate(timeout=120)[0])

    check(not failures, "%s: %d reports while the writer commits, every one exit 0" % (mode, REPORTS),
          "; ".join(failures[:3]))
    inconsistent = [s for s in seen if (s[0] - s[1], s[0] - s[2]) != offsets]
    check(seen and not inconsistent,
          "%s: each report is one snapshot (systems, specialists and tasks moved together)" % mode,
          "offsets %s, inconsistent %s" % (offsets, inconsistent[:3]))
    distinct = len({s[0] for s in seen})
    check(distinct >= 3, "%s: the reports saw the writer's commits (%d different totals)"
          % (mode, distinct))
    check(slowest < 30, "%s: no report waited long (slowest %.1f s)" % (mode, slowest))
    check(stats["commits"] >= REPORTS and not stats["errors"],
          "%s: the writer committed %d times without an error" % (mode, stats["commits"]),
          str(stats["errors"]))
    check(stats["slowest"] < 20, "%s: no commit waited long (slowest %.2f s)"
          % (mode, stats["slowest"]))
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith("records.db-"))
    check(leftovers == [], "%s: nothing left beside the database" % mode, str(leftovers))


def locked(mode, env, bound, name=None, vietnamese=False):
    folder = WORK / ("locked-" + (name or mode))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = folder / "records.db"
    make_db(db, mode)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        check(locker.stdout.readline().strip() == "locked", "%s: another program locks it" % mode)
        done, elapsed = report(db, env)
        low, high = bound
        check(done.returncode == 2 and done.stdout == "" and "locked by another program" in
              done.stderr and low <= elapsed <= high,
              "%s, exclusively locked: exit 2 saying so, after %.1f s (%s)" %
              (mode, elapsed, env or "the default wait"),
              "rc=%s stderr=%r" % (done.returncode, done.stderr))
        if vietnamese:  # the default language
            done, _ = report(db, {**env, "DXCOMPLY_LANG": "vi"})
            check(done.returncode == 2 and "bị một chương trình khác khóa" in done.stderr,
                  "%s, exclusively locked: said in Vietnamese" % mode, done.stderr)
    finally:
        locker.stdin.close()
        locker.wait()


def main():
    global DXCOMPLY, SOURCE, WORK
    DXCOMPLY = os.path.abspath(sys.argv[1])
    SOURCE = pathlib.Path(sys.argv[2]).resolve()
    WORK = pathlib.Path(sys.argv[3]).resolve()
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ["DXCOMPLY_LANG"] = "en"  # the checks read English words
    # The default wait is 30 s of sleeping: it runs beside the rest.
    default_wait = threading.Thread(target=locked, args=("delete", None, (25, 60), "default-wait"))
    default_wait.start()
    for mode in ("wal", "delete"):
        while_writing(mode)
    for mode in ("wal", "delete"):
        locked(mode, {"DXCOMPLY_BUSY_TIMEOUT_MS": "2000"}, (1.5, 15), vietnamese=mode == "wal")
    default_wait.join()
    if FAILURES:
        print("\n%d check(s) failed:\n  " % len(FAILURES) + "\n  ".join(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
