#!/usr/bin/env python3
"""Open the Excel workbook with a real reader (openpyxl) and check it against the CSV.

    python3 tests/output/check_xlsx.py <dxcomply> <sample.db> <source-dir> <work-dir>

Runs `dxcomply export --only xlsx,csv` on the sample country as of
2022-11-01, then checks workbook.xlsx: the four sheets; the finding sheets'
header is the CSV header's columns as people read them, in Vietnamese
(LABELS: "số ngày quá hạn" for days_overdue); the overdue and at-risk sheets hold the CSV's
overdue and at-risk rows in the same order, with dates as real date cells
and numbers as number cells (the sample's extension for Quảng Trị among the
at-risk rows with both due dates and its document; its waiver counted in the
summary's waived column); Vietnamese text intact; header row frozen and
an autofilter set; the summary's counts equal the CSV's rows counted per
status, obligation and agency kind. A second export of the same data must be
byte-identical, the document's date being the as-of date, not the clock. A
third, on a copy of the database with three broken values (one not valid
UTF-8), fills the data-quality sheet, checked against the CSV's data_issue
rows.

Prints one line per check; on failure, every failed check and exit status 1.
Needs python3-openpyxl (Debian) for the interpreter running it.
"""

import collections
import csv
import datetime
import io
import pathlib
import shutil
import sqlite3
import subprocess
import sys

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.exit(f"check_xlsx: openpyxl is not installed for {sys.executable} "
             "(Debian: apt-get install python3-openpyxl; with CMake, configure with "
             "-DPython3_EXECUTABLE=/usr/bin/python3)")

AS_OF = "2022-11-01"
SHEETS = ["Tổng hợp", "Quá hạn", "Có nguy cơ chậm", "Chất lượng dữ liệu"]
SUMMARY, OVERDUE, AT_RISK, DATA = SHEETS
STATUSES = ["overdue", "at_risk", "on_track", "waiting", "met_late", "met", "waived",
            "not_applicable"]
DATE_COLUMNS = {"due", "original_due", "as_of", "latest_finish", "latest_start",
                "exception_document_date", "exception_expires_on"}
NUMBER_COLUMNS = {"priority", "heading_tier", "days_overdue", "days_left", "value", "numerator",
                  "denominator", "value_lookback", "value_due", "target", "projection",
                  "slack_days", "spare_days", "holds_back", "holds_back_agencies", "data_issues"}
SHARE_COLUMNS = {"value", "value_lookback", "value_due", "target", "projection"}
DATA_COLUMNS = ["issue_table", "issue_row_id", "issue_column", "issue_value", "issue_problem",
                "agency_id", "agency_name"]
# What the workbook's headers say for the CSV's columns (the default
# language): the catalogue's translations of report/finding_rows.cpp's labels.
LABELS = {
    "type": "loại dòng", "status": "trạng thái (mã)", "status_label": "trạng thái",
    "priority": "mức ưu tiên", "heading_tier": "sắp chuyển cấp", "days_overdue": "số ngày quá hạn",
    "days_left": "số ngày còn lại", "day_unit": "đơn vị ngày", "agency_id": "mã cơ quan",
    "agency_name": "tên cơ quan", "agency_kind": "loại cơ quan (mã)",
    "agency_kind_label": "loại cơ quan", "obligation_id": "mã nhiệm vụ",
    "obligation_title": "tên nhiệm vụ", "period": "kỳ", "check": "kiểu kiểm tra", "due": "hạn",
    "as_of": "tính đến ngày", "value": "giá trị", "numerator": "tử số", "denominator": "mẫu số",
    "value_lookback": "giá trị đầu khoảng nhìn lại", "value_due": "giá trị tại hạn",
    "target": "yêu cầu", "projection": "dự báo", "reason": "lý do", "grounds": "dấu hiệu nguy cơ",
    "blocked_by": "phải chờ", "latest_finish": "phải xong trước",
    "slack_days": "thời gian dự phòng (ngày)", "latest_start": "bắt đầu trước",
    "spare_days": "số ngày dư", "holds_back": "làm chậm (nhiệm vụ)",
    "holds_back_agencies": "làm chậm (cơ quan)", "data_issues": "lỗi dữ liệu",
    "source_document": "căn cứ", "source_assumed": "giả định", "due_assumed": "thời hạn dự kiến",
    "inherited_from": "kế thừa từ", "issue_table": "bảng", "issue_row_id": "dòng",
    "issue_column": "cột", "issue_value": "giá trị như đã ghi", "issue_problem": "lỗi",
    "original_due": "hạn ban đầu", "exception_kind": "loại ngoại lệ (mã)",
    "exception_kind_label": "loại ngoại lệ", "exception_document_number": "ngoại lệ: số văn bản",
    "exception_document_date": "ngoại lệ: ngày văn bản",
    "exception_granted_by": "ngoại lệ: cơ quan cho phép", "exception_reason": "ngoại lệ: lý do",
    "exception_expires_on": "ngoại lệ: hết hiệu lực từ ngày",
}
STATUS_LABELS = ["quá hạn", "có nguy cơ chậm", "đúng tiến độ", "đang chờ", "đạt sau hạn", "đạt",
                 "miễn thực hiện", "không áp dụng"]
# The summary's tables, by the label in column A: (table, its CSV key).
SUMMARY_TABLES = {"kết quả": "findings", "mã nhiệm vụ": "obligation_id",
                  "loại cơ quan": "agency_kind"}
IS_CLASSIFY_TITLE = ("Tổ chức xác định, phân loại và phê duyệt Hồ sơ đề xuất cấp độ của 100% "
                     "các hệ thống thông tin trước ngày 30/9/2022")
MAX_REPORTED = 10  # mismatches shown per check


class Checker:
    def __init__(self):
        self.failures = []

    def ok(self, condition, label, detail=""):
        """Records one check; prints it either way."""
        print(("ok    " if condition else "FAIL  ") + label)
        if not condition:
            self.failures.append(label + (": " + detail if detail else ""))
        return condition

    def rows(self, label, problems):
        """One check over many rows: passes when `problems` is empty."""
        shown = problems[:MAX_REPORTED]
        more = f"\n    ... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
        return self.ok(not problems, label, "\n    " + "\n    ".join(shown) + more)


def export(binary, db, source, out, only):
    command = [binary, "export", "--db", str(db), "--rules", str(source / "rules"),
               "--as-of", AS_OF, "--out", str(out), "--only", only]
    run = subprocess.run(command, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"check_xlsx: {' '.join(command)} exited {run.returncode}:\n"
                 + run.stderr.decode("utf-8", "replace"))


def read_csv(path):
    data = path.read_bytes()
    if not data.startswith(b"\xef\xbb\xbf"):
        sys.exit(f"check_xlsx: {path} does not start with a UTF-8 byte-order mark")
    # Invalid bytes read as U+FFFD, as the workbook writer stores them.
    text = data[3:].decode("utf-8", "replace")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def sheet_rows(ws):
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    return rows[0] if rows else [], rows[1:]


def cell_problem(column, text, value):
    """Why workbook `value` differs from CSV `text` in `column`, or None."""
    if text == "":
        return None if value in (None, "") else f"{column}: CSV empty, workbook {value!r}"
    if column in DATE_COLUMNS:
        if not isinstance(value, datetime.datetime):
            return f"{column}: {value!r} is not a date cell (CSV {text})"
        return None if value.date().isoformat() == text else f"{column}: {value.date()} != {text}"
    if column in NUMBER_COLUMNS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{column}: {value!r} is not a number cell (CSV {text})"
        same = value == int(text) if text.lstrip("-").isdigit() else "%.6g" % value == "%.6g" % float(text)
        return None if same else f"{column}: {value!r} != {text}"
    return None if value == text else f"{column}: {value!r} != {text!r}"


def compare_rows(columns, expected, got, describe):
    problems = []
    if len(expected) != len(got):
        problems.append(f"{len(got)} rows in the sheet, {len(expected)} in the CSV")
    for number, (want, have) in enumerate(zip(expected, got), start=2):
        have = list(have) + [None] * (len(columns) - len(have))
        for i, column in enumerate(columns):
            problem = cell_problem(column, want[column], have[i])
            if problem:
                problems.append(f"row {number} ({describe(want)}): {problem}")
    return problems


def check_table_sheet(check, ws, columns, data_rows):
    check.ok(ws.freeze_panes == "A2", f"{ws.title}: header row frozen (freeze_panes A2)",
             f"freeze_panes is {ws.freeze_panes!r}")
    ref = f"A1:{get_column_letter(len(columns))}{data_rows + 1}"
    check.ok(ws.auto_filter.ref == ref, f"{ws.title}: autofilter over {ref}",
             f"autofilter is {ws.auto_filter.ref!r}")
    check.ok(ws["A1"].font.b, f"{ws.title}: header row bold")


def check_finding_sheet(check, wb, name, status, header, findings):
    ws = wb[name]
    got_header, got = sheet_rows(ws)
    labels = [LABELS.get(column, column) for column in header]
    check.ok(got_header == labels,
             f"{name}: header row is the CSV header's {len(header)} columns in Vietnamese",
             f"{got_header} != {labels}")
    expected = [row for row in findings if row["status"] == status]
    check.rows(f"{name}: {len(got)} rows equal the CSV's {len(expected)} {status} rows, in order",
               compare_rows(header, expected, got,
                            lambda row: f"{row['agency_id']} {row['obligation_id']} {row['period']}"))
    check_table_sheet(check, ws, header, len(got))

    # Shares shown as percentages, except for count checks (counts of rows).
    value_col = header.index("value") + 1
    formats = collections.defaultdict(set)
    for row, want in enumerate(expected, start=2):
        if want["value"]:
            formats[want["check"] == "count"].add(ws.cell(row, value_col).number_format)
    check.ok(formats[False] <= {"0.0%"} and formats[True] <= {"General"},
             f"{name}: value as percent for shares, plain for counts",
             f"shares {formats[False]}, counts {formats[True]}")
    return ws, expected


def read_summary(ws):
    """{table name: {row label: [7 status counts + total]}} by the header in column A."""
    tables, current = {}, None
    for row in ws.iter_rows(values_only=True):
        label = row[0] if row else None
        if label in SUMMARY_TABLES:
            current = tables.setdefault(SUMMARY_TABLES[label], {"header": list(row[1:len(STATUSES) + 2]),
                                                "rows": {}, "extra": {}})
            current["extra_names"] = list(row[len(STATUSES) + 2:])
        elif label is None:
            current = None
        elif current is not None:
            current["rows"][label] = list(row[1:len(STATUSES) + 2])
            current["extra"][label] = dict(zip(current["extra_names"], row[len(STATUSES) + 2:]))
    return tables


def expected_counts(findings, key):
    counts = collections.defaultdict(lambda: [0] * len(STATUSES))
    for row in findings:
        counts[key(row)][STATUSES.index(row["status"])] += 1
    return {label: c + [sum(c)] for label, c in counts.items()}


def check_summary(check, wb, findings, issues):
    ws = wb[SUMMARY]
    # dd/mm/yyyy, as people read dates in Vietnamese.
    shown = "/".join(reversed(AS_OF.split("-")))
    check.ok(shown in str(ws["A1"].value), f"{SUMMARY}: title names the as-of date",
             repr(ws["A1"].value))
    as_of = ws["B2"].value
    check.ok(isinstance(as_of, datetime.datetime) and as_of.date().isoformat() == AS_OF,
             f"{SUMMARY}: as_of is the date cell {AS_OF}", repr(as_of))
    check.ok(ws["A4"].value == "lỗi dữ liệu" and ws["B4"].value == len(issues),
             f"{SUMMARY}: data_issues = {len(issues)}", f"{ws['A4'].value} {ws['B4'].value!r}")
    tables = read_summary(ws)
    for name, key in (("findings", lambda row: "tất cả"),
                      ("obligation_id", lambda row: row["obligation_id"]),
                      ("agency_kind", lambda row: row["agency_kind_label"])):
        table = tables.get(name)
        if not check.ok(table is not None, f"{SUMMARY}: table '{name}' found"):
            continue
        check.ok(table["header"] == STATUS_LABELS + ["tổng"],
                 f"{SUMMARY}: '{name}' columns are the statuses in enum order, then total",
                 repr(table["header"]))
        expected = expected_counts(findings, key)
        problems = [f"{label}: sheet {table['rows'].get(label)} != CSV {counts}"
                    for label, counts in sorted(expected.items())
                    if table["rows"].get(label) != counts]
        problems += [f"{label}: in the sheet, not in the CSV"
                     for label in table["rows"] if label not in expected]
        check.rows(f"{SUMMARY}: '{name}' counts equal the CSV's rows per status "
                   f"({len(expected)} rows)", problems)

    # National totals: v(T)'s numerator/denominator summed over the
    # instances measured, applicable and not waived, for coverage and task
    # checks.
    extra = tables.get("obligation_id", {}).get("extra", {})
    totals = collections.defaultdict(lambda: [0, 0])
    for row in findings:
        if row["check"] in ("coverage", "task") and row["value"] and row["status"] not in ("not_applicable", "waived"):
            totals[row["obligation_id"]][0] += int(row["numerator"])
            totals[row["obligation_id"]][1] += int(row["denominator"])
    problems = []
    for obligation, (numerator, denominator) in sorted(totals.items()):
        if denominator == 0:
            continue
        got = extra.get(obligation, {})
        if (got.get("tử số"), got.get("mẫu số")) != (numerator, denominator):
            problems.append(f"{obligation}: sheet {got.get('tử số')}/{got.get('mẫu số')}"
                            f" != CSV {numerator}/{denominator}")
        elif abs(got.get("tỷ lệ", -1) - numerator / denominator) > 1e-9:
            problems.append(f"{obligation}: share {got.get('tỷ lệ')!r}")
    check.rows(f"{SUMMARY}: national numerator/denominator/share of {len(totals)} coverage and "
               "task obligations equal the CSV's sums", problems)


def check_vietnamese(check, ws, header):
    rows = [dict(zip(header, row)) for row in ws.iter_rows(min_row=2, values_only=True)]
    nghe_an = [row for row in rows
               if row["agency_name"] == "Nghệ An" and row["obligation_id"] == "is-classify"]
    if not check.ok(len(nghe_an) == 1, f"{ws.title}: one row with agency_name 'Nghệ An' and "
                    "obligation is-classify", f"{len(nghe_an)} rows"):
        return
    row = nghe_an[0]
    check.ok(row["obligation_title"] == IS_CLASSIFY_TITLE,
             f"{ws.title}: is-classify title with its diacritics", repr(row["obligation_title"]))
    check.ok(row["due"] == datetime.datetime(2022, 9, 30),
             f"{ws.title}: Nghệ An is-classify due is the date 2022-09-30", repr(row["due"]))


def check_data_issues(check, binary, db, source, work):
    """A copy of the sample with broken values fills the data-quality sheet."""
    broken = work / "broken.db"
    shutil.copyfile(db, broken)
    with sqlite3.connect(broken) as conn:
        conn.executescript("""
            UPDATE information_system SET level_approved_on = '30/9/2022'
             WHERE id = (SELECT min(id) FROM information_system WHERE agency_id = 'NGHE-AN');
            UPDATE information_system SET level = 9 WHERE id = (SELECT min(id) FROM information_system);
            UPDATE security_staff SET role = CAST(X'6D616E61676572C3' AS TEXT)
             WHERE rowid = (SELECT min(rowid) FROM security_staff);
        """)
        names = dict(conn.execute("SELECT id, name FROM agency"))
    out = work / "broken"
    export(binary, broken, source, out, "xlsx,csv")
    _, rows = read_csv(out / "findings.csv")
    issues = [row for row in rows if row["type"] == "data_issue"]
    for row in issues:
        row["agency_name"] = names.get(row["agency_id"], "")
    wb = openpyxl.load_workbook(out / "workbook.xlsx")
    ws = wb[DATA]
    header, got = sheet_rows(ws)
    labels = [LABELS[column] for column in DATA_COLUMNS]
    check.ok(header == labels, f"{DATA}: columns {', '.join(labels)}", repr(header))
    check.ok(len(issues) >= 3, f"{DATA} (broken copy): the CSV has {len(issues)} data issues",
             "expected at least the 3 values broken on purpose")
    check.rows(f"{DATA} (broken copy): {len(got)} rows equal the CSV's data_issue rows, in order",
               compare_rows(DATA_COLUMNS, issues, got,
                            lambda row: f"{row['issue_table']} {row['issue_row_id']}"))
    check.ok(any(row[3] == "manager\ufffd" for row in got),
             f"{DATA} (broken copy): the invalid UTF-8 byte reads as U+FFFD")
    check.ok(any(row[3] == "30/9/2022" and row[6] == "Nghệ An" for row in got),
             f"{DATA} (broken copy): '30/9/2022' stays text, agency_name 'Nghệ An'")
    check_table_sheet(check, ws, DATA_COLUMNS, len(got))
    check.ok(wb[SUMMARY]["B4"].value == len(issues),
             f"{SUMMARY} (broken copy): data_issues = {len(issues)}", repr(wb[SUMMARY]["B4"].value))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, db, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), \
        pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    export(binary, db, source, work / "first", "xlsx,csv")
    export(binary, db, source, work / "second", "xlsx")
    check = Checker()

    workbook = (work / "first" / "workbook.xlsx").read_bytes()
    check.ok(workbook == (work / "second" / "workbook.xlsx").read_bytes(),
             "two exports of the same data give byte-identical workbooks")

    header, rows = read_csv(work / "first" / "findings.csv")
    findings = [row for row in rows if row["type"] == "finding"]
    issues = [row for row in rows if row["type"] == "data_issue"]
    wb = openpyxl.load_workbook(work / "first" / "workbook.xlsx")
    # Byte-identical above could hold only because both runs fell in the same
    # second: the stamps must come from the report, not the clock.
    created = wb.properties.created
    check.ok(created == datetime.datetime(2022, 11, 1),
             f"document created/modified stamp is the as-of date {AS_OF}, not the clock",
             f"created {created!r}, modified {wb.properties.modified!r}")
    check.ok(wb.sheetnames == SHEETS, f"sheets: {', '.join(SHEETS)}", repr(wb.sheetnames))
    if wb.sheetnames == SHEETS:
        overdue, _ = check_finding_sheet(check, wb, OVERDUE, "overdue", header, findings)
        _, at_risk = check_finding_sheet(check, wb, AT_RISK, "at_risk", header, findings)
        got = [(r["agency_id"], r["obligation_id"], r["exception_kind"], r["due"], r["original_due"],
                r["exception_document_number"] in r["reason"]) for r in at_risk if r["exception_kind"]]
        check.ok(got == [("QUANG-TRI", "is-classify", "extension", "2022-12-31", "2022-09-30", True)],
                 f"{AT_RISK}: the sample's extension with both due dates, its document in the reason",
                 repr(got))
        waived = [(r["agency_id"], r["obligation_id"], r["exception_kind"]) for r in findings
                  if r["status"] == "waived"]
        check.ok(waived == [("QUANG-TRI", "plan-411", "waiver")],
                 "the sample's waiver is the one waived row the summary counts", repr(waived))
        check_vietnamese(check, overdue, header)
        check_summary(check, wb, findings, issues)
        check_data_issues(check, binary, db, source, work)

    if check.failures:
        print(f"\ncheck_xlsx: {len(check.failures)} check(s) failed:", file=sys.stderr)
        for failure in check.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"\ncheck_xlsx: every check passed ({len(findings)} findings in the CSV)")


if __name__ == "__main__":
    main()
