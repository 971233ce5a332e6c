#!/usr/bin/env python3
"""Every file for people names only the agencies of the map in force on its date.

    python3 tests/output/check_map_on_date.py <dxcomply> <sample.db> <source-dir> <work-dir>

The sample country holds the 2025 reorganisation (data/agency_changes.yaml).
For 2026-12-01 (34 provinces, 17 ministries and ministry-level bodies, 5
government agencies) and for 2022-06-30 (63, 22, 8), runs `dxcomply export`
(every format) and `dxcomply remind`, and checks against the database's
agency table read at that date: the findings (JSON and CSV, blockers
included), the workbook's sheets (openpyxl), the dashboard's agency list,
the calendars' file names and the letters' addressees name only agencies
existing on the date, each under its name of the date; every existing
agency has its calendar; the letters carry the authority of the date
(the standing body's letterhead: Bộ Thông tin và Truyền thông in 2022, Bộ
Khoa học và Công nghệ in 2026); and every human output says the database
holds sample data.

Prints one line per check; on failure, every failed check and exit status 1.
Needs python3-openpyxl for the interpreter running it.
"""

import csv
import io
import json
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(f"check_map_on_date: openpyxl is not installed for {sys.executable} "
             "(Debian: apt-get install python3-openpyxl)")

DATES = {
    # date: (provinces, ministries, government agencies, letterhead)
    "2026-12-01": (34, 17, 5, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
    "2022-06-30": (63, 22, 8, "BỘ THÔNG TIN VÀ TRUYỀN THÔNG"),
}
SAMPLE = "DỮ LIỆU MẪU"


class Checker:
    def __init__(self):
        self.failures = []

    def ok(self, condition, label, detail=""):
        print(("ok    " if condition else "FAIL  ") + label + ("" if condition else f": {detail}"))
        if not condition:
            self.failures.append(label)


def agencies_on(db, date):
    """id -> (name, kind) as on `date`: the agency row, then its versions."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT id, name, kind FROM agency WHERE (valid_from IS NULL OR valid_from <= :t)"
            " AND (valid_until IS NULL OR valid_until > :t)", {"t": date}).fetchall()
        agencies = {i: (n, k) for i, n, k in rows}
        for i, n, k in conn.execute("SELECT agency_id, name, kind FROM agency_version"
                                    " WHERE valid_from <= ? ORDER BY valid_from", (date,)):
            if i in agencies:
                agencies[i] = (n, k)
    return agencies


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check_map_on_date: {' '.join(args)} failed ({result.returncode}):\n"
                 f"{result.stderr}")
    return result.stdout


def check_date(check, binary, db, source, work, date):
    provinces, ministries, gov, letterhead = DATES[date]
    agencies = agencies_on(db, date)
    kinds = [k for _, k in agencies.values()]
    check.ok((kinds.count("province"), kinds.count("ministry"), kinds.count("gov_agency")) ==
             (provinces, ministries, gov),
             f"{date}: the database's map has {provinces} provinces, {ministries} ministries, "
             f"{gov} government agencies", repr(sorted(set(kinds))))
    known = set(agencies) | {"VN"}
    out = work / date
    shutil.rmtree(out, ignore_errors=True)
    run([binary, "export", "--db", str(db), "--rules", str(source / "rules"), "--as-of", date,
         "--out", str(out)])
    run([binary, "remind", "--db", str(db), "--rules", str(source / "rules"), "--as-of", date,
         "--out", str(out / "letters"), "--templates", str(source / "templates"), "--force"])

    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    named = {f["agency"]["id"] for f in report["findings"]}
    named |= {ref["agency_id"] for f in report["findings"] for chain in f["blocked_by"]
              for ref in chain["chain"]}
    check.ok(named <= known, f"{date}: findings.json names only agencies existing on the date",
             repr(sorted(named - known)[:10]))
    wrong = {f["agency"]["id"] for f in report["findings"]
             if f["agency"]["id"] in agencies and f["agency"]["name"] != agencies[f["agency"]["id"]][0]}
    check.ok(not wrong, f"{date}: each under its name of the date", repr(sorted(wrong)[:5]))
    check.ok(report["summary"]["agencies"] == len(agencies),
             f"{date}: the summary counts {len(agencies)} agencies", report["summary"]["agencies"])
    check.ok(report.get("dataset", {}).get("sample") is True, f"{date}: findings.json says sample data")

    rows = list(csv.DictReader(io.StringIO(
        (out / "findings.csv").read_bytes().decode("utf-8-sig"), newline="")))
    csv_ids = {r["agency_id"] for r in rows if r["type"] == "finding"}
    check.ok(csv_ids <= known, f"{date}: findings.csv names only agencies existing on the date",
             repr(sorted(csv_ids - known)[:10]))

    book = openpyxl.load_workbook(out / "workbook.xlsx", read_only=True)
    book_ids = set()
    inherited = {}
    for sheet in ("Quá hạn", "Có nguy cơ chậm"):
        # Row 1: the English codes (hidden); row 2: the headings in the run's language.
        rows_of = list(book[sheet].iter_rows(values_only=True))
        codes = rows_of[0]
        for row in rows_of[2:]:
            cells = dict(zip(codes, row))
            book_ids.add(cells["agency_id"])
            if cells.get("inherited_from"):
                inherited[(cells["agency_id"], cells["obligation_id"], cells.get("period") or "")] = \
                    cells["inherited_from"]
    check.ok(book_ids <= known, f"{date}: the workbook names only agencies existing on the date",
             repr(sorted(book_ids - known)[:10]))
    summary = [row for row in book["Tổng hợp"].iter_rows(values_only=True)]
    check.ok(any(row and str(row[0]).startswith(SAMPLE) for row in summary),
             f"{date}: the workbook says sample data")
    check.ok(any(row[:2] == ("số cơ quan", len(agencies)) for row in summary if row),
             f"{date}: the workbook counts {len(agencies)} agencies")
    # The summary's table per agency: one row per agency of the date (and the country).
    codes = next((row for row in summary if row and row[0] == "agency_name" and "agency_id" in row), None)
    per_agency = set()
    if codes:
        start = summary.index(codes) + 2
        column = codes.index("agency_id")
        per_agency = {row[column] for row in summary[start:] if row and row[column]}
    check.ok(per_agency and per_agency <= known and set(agencies) <= per_agency,
             f"{date}: the workbook's table per agency has a row for each agency of the date, no other",
             repr(sorted(per_agency ^ set(agencies))[:10]))
    # Inherited duties: the workbook says whose duty each was, as findings.json does.
    want = {(f["agency"]["id"], f["obligation_id"], f["period"] or ""): f["inherited_from"]
            for f in report["findings"] if f.get("inherited_from") and f["status"] in ("overdue", "at_risk")}
    got_origins = inherited
    wrong = [k for k, origins in want.items()
             if not all(o["agency_name"] in got_origins.get(k, "") and o["agency_id"] in got_origins.get(k, "")
                        for o in origins)]
    check.ok(set(got_origins) == set(want) and not wrong,
             f"{date}: the workbook's 'kế thừa từ' names the origin of each of the {len(want)} "
             "overdue or at-risk inherited duties", repr(sorted(set(got_origins) ^ set(want))[:5] + wrong[:5]))
    if date.startswith("2026"):
        check.ok(len(want) > 0, f"{date}: some duties are inherited (the 2025 mergers)")

    page = (out / "dashboard.html").read_text(encoding="utf-8")
    data = json.loads(re.search(
        r'<script type="application/json" id="dxcomply-data">(.*?)</script>', page, re.S).group(1))
    page_ids = {a["id"] for a in data["agencies"]}
    check.ok(page_ids <= known and set(agencies) <= page_ids,
             f"{date}: the dashboard lists exactly the agencies existing on the date",
             repr(sorted(page_ids ^ set(agencies))[:10]))
    check.ok(data.get("sample_notice", "").startswith(SAMPLE), f"{date}: the dashboard says sample data")

    calendars = {p.stem for p in (out / "calendars").glob("*.ics")}
    check.ok(calendars == set(agencies),
             f"{date}: one calendar per agency existing on the date ({len(agencies)})",
             repr(sorted(calendars ^ set(agencies))[:10]))

    letters = sorted((out / "letters").glob("*.md"))
    check.ok({p.stem for p in letters} <= set(agencies) and letters,
             f"{date}: letters only to agencies existing on the date ({len(letters)})",
             repr(sorted({p.stem for p in letters} - set(agencies))[:10]))
    heads = {p.read_text(encoding="utf-8").split("\n")[2] for p in letters}
    check.ok(heads == {f"| {letterhead} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"},
             f"{date}: every letter under the letterhead of the date's standing body ({letterhead})",
             repr(sorted(heads)[:3]))
    check.ok(all(p.read_text(encoding="utf-8").startswith("**" + SAMPLE) for p in letters),
             f"{date}: every letter says sample data")


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    binary, db, source, work = argv[1], pathlib.Path(argv[2]), pathlib.Path(argv[3]), \
        pathlib.Path(argv[4])
    work.mkdir(parents=True, exist_ok=True)
    check = Checker()
    for date in DATES:
        check_date(check, binary, db, source, work, date)
    if check.failures:
        print(f"check_map_on_date: {len(check.failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
