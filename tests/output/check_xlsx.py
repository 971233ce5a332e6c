#!/usr/bin/env python3
"""Open the Excel workbook with a real reader (openpyxl) and check it as officials will read it.

    python3 tests/output/check_xlsx.py <dxcomply> <sample.db> <source-dir> <work-dir>

Runs `dxcomply export --only xlsx,csv` on the sample country as of
2022-11-01, then checks workbook.xlsx against findings.csv:

- the sheets Tổng hợp, Quá hạn, Có nguy cơ chậm, Chất lượng dữ liệu;
- every table: its English codes in a hidden row, its headings in
  Vietnamese in the row below (bold), never an English code or word;
- the overdue and at-risk sheets: the CSV's overdue (at-risk) rows in the
  same order, with agency, obligation, period, due date, days, figures and
  target equal to the CSV's; status and reason in Vietnamese; dates as date
  cells shown dd/mm/yyyy; shares as percentages; no column that is empty on
  its sheet (days_left is not on the overdue sheet, nor days_overdue on the
  at-risk one, and a column nobody fills this run is left out); the
  headings and the first two columns (agency, obligation) frozen; a filter
  over the headings and every row; every column wide enough for its
  content, long text wrapping within a capped width;
- the summary: the counts per agency kind, per obligation and per agency
  equal the CSV's, the national numerator/denominator/share, the as-of date
  as a date cell, and a stacked bar chart of the statuses per agency kind
  drawn from the kind table;
- two exports of the same data are byte-identical (the document's date is
  the as-of date, not the clock); a copy of the database with three broken
  values (one not valid UTF-8) fills the data-quality sheet as the CSV's
  data_issue rows.

Prints one line per check; on failure, every failed check and exit status 1.
Needs python3-openpyxl (Debian) for the interpreter running it.
"""

import collections
import csv
import datetime
import io
import pathlib
import re
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
# The names people read, as po/vi.po gives them (base/labels.hpp, docs/glossary.md);
# the CSV's status_label and agency_kind_label say the same.
STATUS_VI = {"overdue": "quá hạn", "at_risk": "có nguy cơ chậm", "on_track": "đúng tiến độ",
             "waiting": "đang chờ", "met_late": "đạt sau hạn", "met": "đạt", "waived": "miễn thực hiện",
             "not_applicable": "không áp dụng"}
KIND_VI = {"ministry": "bộ, cơ quan ngang bộ", "gov_agency": "cơ quan thuộc Chính phủ",
           "province": "địa phương", "national": "toàn quốc"}
# The Vietnamese heading of each code: the CSV column's label (ColumnLabel in
# src/report/finding_rows.cpp) or the workbook's own (src/report/xlsx_labels.cpp).
HEADINGS = {
    "agency_name": "tên cơ quan", "obligation_title": "tên nhiệm vụ", "period": "kỳ", "status": "trạng thái",
    "priority": "mức ưu tiên", "heading_tier": "sắp chuyển cấp",
    "grounds": "dấu hiệu nguy cơ", "latest_start": "bắt đầu trước",
    "spare_days": "số ngày dư",
    "days_overdue": "số ngày quá hạn", "days_left": "số ngày còn lại", "day_unit": "đơn vị ngày",
    "due": "hạn", "due_assumed": "thời hạn dự kiến", "original_due": "hạn ban đầu",
    "exception_document": "ngoại lệ: văn bản", "inherited_from": "kế thừa từ", "value": "giá trị",
    "numerator": "tử số", "denominator": "mẫu số",
    "target": "yêu cầu", "value_due": "giá trị tại hạn", "projection": "dự báo",
    "reason": "lý do", "blocked_by": "phải chờ", "holds_back": "làm chậm (nhiệm vụ)",
    "holds_back_agencies": "làm chậm (cơ quan)", "latest_finish": "phải xong trước",
    "slack_days": "thời gian dự phòng (ngày)", "data_issues": "lỗi dữ liệu",
    "source_document": "căn cứ", "source_citation": "căn cứ (đầy đủ)",
    "source_assumed": "giả định", "agency_kind": "loại cơ quan", "agency_id": "mã cơ quan",
    "obligation_id": "mã nhiệm vụ", "check": "kiểu kiểm tra", "issue_table": "bảng",
    "issue_row_id": "dòng", "issue_column": "cột", "issue_value": "giá trị như đã ghi", "issue_problem": "lỗi",
    "total": "tổng", "theme": "chủ đề", "national_numerator": "tử số (toàn quốc)",
    "national_denominator": "mẫu số (toàn quốc)", "national_share": "tỷ lệ (toàn quốc)",
    **{k: v for k, v in STATUS_VI.items()}}
DATE_CODES = {"due", "original_due", "latest_finish", "latest_start"}
SHARE_CODES = {"value", "target", "value_due", "projection"}
WRAPPED_CODES = {"agency_name", "obligation_title", "reason", "grounds", "blocked_by", "source_document",
                 "source_citation", "source_assumed", "issue_value", "issue_problem",
                 "exception_document"}
# The CSV column each workbook code is compared with, and how.
SAME_AS_CSV = {"agency_name": "agency_name", "obligation_title": "obligation_title",
               "period": "period", "agency_id": "agency_id", "obligation_id": "obligation_id",
               "days_overdue": "days_overdue", "days_left": "days_left", "due": "due",
               "value": "value", "target": "target", "projection": "projection",
               "latest_finish": "latest_finish", "slack_days": "slack_days",
               "value_due": "value_due", "priority": "priority", "heading_tier": "heading_tier",
               "latest_start": "latest_start", "spare_days": "spare_days",
               "original_due": "original_due"}
DATA_CODES = ["agency_name", "issue_table", "issue_row_id", "issue_column", "issue_value",
              "issue_problem", "agency_id"]
ENGLISH = re.compile(r"\b(days?|past|target|overdue|at risk|blocked|completed|due)\b")
IS_CLASSIFY_TITLE = ("Tổ chức xác định, phân loại và phê duyệt Hồ sơ đề xuất cấp độ của 100% "
                     "các hệ thống thông tin trước ngày 30/9/2022")
MAX_REPORTED = 10


class Checker:
    def __init__(self):
        self.failures = []

    def ok(self, condition, label, detail=""):
        print(("ok    " if condition else "FAIL  ") + label)
        if not condition:
            self.failures.append(label + (": " + str(detail) if detail else ""))
        return condition

    def rows(self, label, problems):
        shown = problems[:MAX_REPORTED]
        more = f"\n    ... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
        return self.ok(not problems, label, "\n    " + "\n    ".join(map(str, shown)) + more)


def export(binary, db, source, out, only, lang=()):
    command = [binary, *lang, "export", "--db", str(db), "--rules", str(source / "rules"),
               "--as-of", AS_OF, "--out", str(out), "--only", only]
    run = subprocess.run(command, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"check_xlsx: {' '.join(command)} exited {run.returncode}:\n"
                 + run.stderr.decode("utf-8", "replace"))


def read_csv(path):
    data = path.read_bytes()
    if not data.startswith(b"\xef\xbb\xbf"):
        sys.exit(f"check_xlsx: {path} does not start with a UTF-8 byte-order mark")
    text = data[3:].decode("utf-8", "replace")  # invalid bytes as U+FFFD, as the workbook has them
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def list_sheet(ws):
    """(codes, headings, data rows as dicts by code, data rows as cells)."""
    rows = list(ws.iter_rows())
    codes = [c.value for c in rows[0]] if rows else []
    headings = [c.value for c in rows[1]] if len(rows) > 1 else []
    data = [dict(zip(codes, (c.value for c in row))) for row in rows[2:]]
    return codes, headings, data, rows[2:]


def same_value(code, text, value):
    """Why workbook `value` differs from CSV `text` for `code`, or None."""
    if code in DATE_CODES:
        if text == "":
            return None if value is None else f"{code}: CSV empty, workbook {value!r}"
        if not isinstance(value, datetime.datetime):
            return f"{code}: {value!r} is not a date cell (CSV {text})"
        return None if value.date().isoformat() == text else f"{code}: {value.date()} != {text}"
    if text == "" or (code in ("slack_days",) and text == ""):
        return None if value in (None, "") else f"{code}: CSV empty, workbook {value!r}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        same = value == int(text) if text.lstrip("-").isdigit() else "%.6g" % value == "%.6g" % float(text)
        return None if same else f"{code}: {value!r} != {text}"
    return None if value == text else f"{code}: {value!r} != {text!r}"


def check_table_heading(check, ws, codes, headings, label):
    check.ok(ws.row_dimensions[1].hidden, f"{label}: the English codes are in a hidden row 1")
    wrong = [f"{c} -> {h!r}" for c, h in zip(codes, headings) if HEADINGS.get(c) != h]
    check.ok(codes and not wrong, f"{label}: every heading in Vietnamese ({len(codes)} columns)", wrong)
    check.ok(all(ws.cell(2, i + 1).font.b for i in range(len(codes))), f"{label}: headings bold")


def check_list_layout(check, ws, codes, cells, label, frozen):
    last = get_column_letter(len(codes))
    check.ok(ws.freeze_panes == f"{get_column_letter(frozen + 1)}3",
             f"{label}: headings and the first {frozen} column(s) frozen "
             f"(freeze_panes {get_column_letter(frozen + 1)}3)", repr(ws.freeze_panes))
    ref = f"A2:{last}{len(cells) + 2 if cells else 2}"
    check.ok(ws.auto_filter.ref == ref, f"{label}: a filter over the headings and every row ({ref})",
             repr(ws.auto_filter.ref))
    if cells:
        empty = [codes[i] for i in range(len(codes)) if all(row[i].value in (None, "") for row in cells)]
        check.ok(not empty, f"{label}: no empty column", empty)
    narrow, unwrapped = [], []
    for i, code in enumerate(codes):
        width = ws.column_dimensions[get_column_letter(i + 1)].width
        longest = max([len(str(row[i].value)) for row in cells if isinstance(row[i].value, str)] or [0])
        if code in WRAPPED_CODES:
            if width < min(longest, 30):
                narrow.append(f"{code}: {width} for {longest} characters")
            if any(row[i].value and not row[i].alignment.wrap_text for row in cells):
                unwrapped.append(code)
        elif width < longest:
            narrow.append(f"{code}: {width} for {longest} characters")
        if width < len(HEADINGS.get(code, "")) / 2:
            narrow.append(f"{code}: {width} for its heading {HEADINGS.get(code)!r}")
    check.ok(not narrow, f"{label}: every column wide enough for its content and heading", narrow)
    check.ok(not unwrapped, f"{label}: long text wraps", unwrapped)


def check_finding_sheet(check, wb, name, status, findings):
    ws = wb[name]
    codes, headings, data, cells = list_sheet(ws)
    check_table_heading(check, ws, codes, headings, name)
    other = "days_left" if status == "overdue" else "days_overdue"
    own = "days_overdue" if status == "overdue" else "days_left"
    check.ok(own in codes and other not in codes and "as_of" not in codes and "type" not in codes
             and not any(c.startswith("issue_") for c in codes)
             and (("priority" in codes) == (status == "at_risk")),
             f"{name}: has {own}{', priority' if status == 'at_risk' else ''}, not {other} "
             "nor the columns never filled here", codes)
    expected = [row for row in findings if row["status"] == status]
    problems = []
    if len(expected) != len(data):
        problems.append(f"{len(data)} rows in the sheet, {len(expected)} in the CSV")
    for number, (want, have) in enumerate(zip(expected, data), start=3):
        for code, column in SAME_AS_CSV.items():
            if code in have:
                problem = same_value(code, want[column], have[code])
                if problem:
                    problems.append(f"row {number} ({want['agency_id']} {want['obligation_id']}): {problem}")
        if have.get("status") != STATUS_VI[status] or have.get("status") != want["status_label"]:
            problems.append(f"row {number}: status {have.get('status')!r}")
        if have.get("agency_kind") != KIND_VI.get(want["agency_kind"]) \
                or have.get("agency_kind") != want["agency_kind_label"]:
            problems.append(f"row {number}: kind {have.get('agency_kind')!r}")
        # The reason is the finding's, from the catalogue, as the CSV's.
        if not have.get("reason") or ENGLISH.search(have["reason"]) or have["reason"] != want["reason"]:
            problems.append(f"row {number}: reason not the CSV's, in Vietnamese: {have.get('reason')!r}")
        # An assumed due date never reads as law; an inherited duty names its origin.
        assumed = want["due_assumed"] == "yes" and bool(want["due"])
        if have.get("due_assumed") != ("dự kiến" if assumed else None) \
                or ("hạn dự kiến" in (have.get("reason") or "")) != assumed:
            problems.append(f"row {number}: due_assumed {want['due_assumed']!r}, sheet "
                            f"{have.get('due_assumed')!r}, reason {have.get('reason')!r}")
        if (have.get("inherited_from") or "") != want["inherited_from"]:
            problems.append(f"row {number}: inherited_from {want['inherited_from']!r}, sheet "
                            f"{have.get('inherited_from')!r}")
        # An extended due date: the one it replaced and the exception's document.
        document = want["exception_document_number"]
        if want["exception_kind"] == "extension" and (not have.get("original_due")
                                                      or document not in (have.get("exception_document") or "")):
            problems.append(f"row {number}: extension without its original due date or document "
                            f"{have.get('original_due')!r}, {have.get('exception_document')!r}")
    check.rows(f"{name}: {len(data)} rows equal the CSV's {len(expected)} {status} rows, in order, "
               "status, kind and reason in Vietnamese, assumed due dates and inherited duties said", problems)
    extended = sum(row["exception_kind"] == "extension" for row in expected)
    check.ok(("original_due" in codes and "exception_document" in codes) == (extended > 0),
             f"{name}: the original due date and the exception's document exactly when some row is "
             f"extended ({extended})", codes)
    assumed = sum(row["due_assumed"] == "yes" and bool(row["due"]) for row in expected)
    check.ok(("due_assumed" in codes) == (assumed > 0),
             f"{name}: a 'thời hạn dự kiến' column exactly when some row's due date is assumed ({assumed})", codes)
    if status == "at_risk":
        ranks = [row.get("priority") for row in data]
        check.ok(ranks == list(range(1, len(data) + 1)),
                 f"{name}: in priority order, ranks 1-{len(data)}", ranks[:10])
    dates = {cells[r][codes.index(c)].number_format for c in DATE_CODES if c in codes
             for r in range(len(cells)) if cells[r][codes.index(c)].value is not None}
    check.ok(dates == {"dd/mm/yyyy"}, f"{name}: dates shown dd/mm/yyyy", dates)
    formats = collections.defaultdict(set)
    for row, want in zip(cells, expected):
        if want["value"]:
            formats[want["check"] == "count"].add(row[codes.index("value")].number_format)
    check.ok(formats[False] == {"0.0%"} and formats[True] <= {"General"},
             f"{name}: shares as percentages, counts as numbers", dict(formats))
    check_list_layout(check, ws, codes, cells, name, 2)
    return data


def check_vietnamese(check, data):
    rows = [r for r in data if r["agency_name"] == "Nghệ An" and r["obligation_id"] == "is-classify"]
    if not check.ok(len(rows) == 1, f"{OVERDUE}: one row for Nghệ An and is-classify", f"{len(rows)} rows"):
        return
    row = rows[0]
    check.ok(row["obligation_title"] == IS_CLASSIFY_TITLE, f"{OVERDUE}: is-classify's title with its diacritics",
             repr(row["obligation_title"]))
    check.ok(row["due"] == datetime.datetime(2022, 9, 30), f"{OVERDUE}: Nghệ An is-classify due 30/09/2022",
             repr(row["due"]))
    check.ok(row["reason"].startswith("12,5% (4/32), yêu cầu 100%, quá hạn 32 ngày so với hạn 30/09/2022"),
             f"{OVERDUE}: its reason reads '12,5% (4/32), yêu cầu 100%, quá hạn 32 ngày so với hạn 30/09/2022…'",
             repr(row["reason"]))
    check.ok(row.get("source_document") and "seeds/" not in row["source_document"],
             f"{OVERDUE}: the legal source without internal references",
             repr(row.get("source_document")))


def summary_tables(ws):
    """{first code: (heading row number, [rows as dicts by code])} for each table."""
    tables, current = {}, None
    rows = list(ws.iter_rows(values_only=True))
    for number, row in enumerate(rows, start=1):
        first = row[0] if row else None
        if ws.row_dimensions[number].hidden:
            codes = [c for c in row if c is not None]
            current = tables.setdefault(first, (number + 1, codes, []))
        elif first is None:
            current = None
        elif current is not None and number > current[0]:
            current[2].append(dict(zip(current[1], row)))
    return tables


def counts_of(findings, label):
    counts = collections.defaultdict(lambda: [0] * len(STATUSES))
    for row in findings:
        counts[label(row)][STATUSES.index(row["status"])] += 1
    return {k: c + [sum(c)] for k, c in counts.items()}


def labelled(ws, label):
    """The cell right of the first cell of column A that reads `label`."""
    for row in range(1, 12):
        if ws.cell(row, 1).value == label:
            return ws.cell(row, 2)
    return None


def check_summary(check, wb, findings, issues):
    ws = wb[SUMMARY]
    as_of = labelled(ws, "tính đến ngày")
    check.ok(as_of is not None and as_of.value == datetime.datetime(2022, 11, 1)
             and as_of.number_format == "dd/mm/yyyy",
             f"{SUMMARY}: 'tính đến ngày' 01/11/2022, a date cell", repr(as_of and as_of.value))
    count = labelled(ws, "lỗi dữ liệu")
    check.ok(count is not None and count.value == len(issues),
             f"{SUMMARY}: 'lỗi dữ liệu' {len(issues)}", repr(count and count.value))
    # The sample database's notice under the title, in red, and on every
    # sheet's printed page.
    notice = ws["A2"]
    check.ok(str(notice.value).startswith("DỮ LIỆU MẪU") and notice.font.b and notice.font.color is not None
             and notice.font.color.rgb.endswith("A40000"),
             f"{SUMMARY}: the sample-data notice under the title, bold and red", repr(notice.value))
    headers = {name: wb[name].oddHeader.center.text for name in wb.sheetnames}
    check.ok(all(h and "DỮ LIỆU MẪU" in h for h in headers.values()),
             "every sheet's printed page header says sample data", headers)
    tables = summary_tables(ws)
    kinds_vi = {v: k for k, v in KIND_VI.items()}
    for first, label, key in (("agency_kind", "per agency kind", lambda r: KIND_VI[r["agency_kind"]]),
                              ("obligation_title", "per obligation", lambda r: r["obligation_id"]),
                              ("agency_name", "per agency", lambda r: r["agency_id"])):
        if not check.ok(first in tables, f"{SUMMARY}: the table {label} (codes row '{first}')", list(tables)):
            continue
        heading_row, codes, rows = tables[first]
        headings = [ws.cell(heading_row, i + 1).value for i in range(len(codes))]
        check.ok(codes[1:len(STATUSES) + 2] == STATUSES + ["total"] and all(HEADINGS.get(c) == h or c == first
                                                             for c, h in zip(codes, headings)),
                 f"{SUMMARY}: {label}: statuses then total, headed in Vietnamese", headings)
        want = counts_of(findings, key)
        if first == "agency_kind":
            got = {r["agency_kind"]: [r[s] for s in STATUSES + ["total"]] for r in rows
                   if r["agency_kind"] in kinds_vi}
            total = [r for r in rows if r["agency_kind"] == "tất cả"]
            check.ok(total and [total[0][s] for s in STATUSES + ["total"]] ==
                     counts_of(findings, lambda r: "all")["all"], f"{SUMMARY}: the 'tất cả' row counts every finding")
        else:
            id_code = "obligation_id" if first == "obligation_title" else "agency_id"
            got = {r[id_code]: [r[s] for s in STATUSES + ["total"]] for r in rows}
            want.update({k: [0] * 8 for k in got if k not in want})
        check.rows(f"{SUMMARY}: {label}: the counts equal the CSV's ({len(want)} rows)",
                   [f"{k}: sheet {got.get(k)} != CSV {v}" for k, v in sorted(want.items()) if got.get(k) != v])

    # National totals of coverage and task checks: v(T)'s numerators and
    # denominators summed over the measured, applicable instances.
    rows = tables.get("obligation_title", (0, [], []))[2]
    by_id = {r["obligation_id"]: r for r in rows}
    totals = collections.defaultdict(lambda: [0, 0])
    for row in findings:
        if row["check"] in ("coverage", "task") and row["value"] and row["status"] not in ("not_applicable", "waived"):
            totals[row["obligation_id"]][0] += int(row["numerator"])
            totals[row["obligation_id"]][1] += int(row["denominator"])
    problems = []
    for obligation, (numerator, denominator) in sorted(totals.items()):
        got = by_id.get(obligation, {})
        if denominator and ((got.get("national_numerator"), got.get("national_denominator")) != (numerator, denominator)
                            or abs(got.get("national_share", -1) - numerator / denominator) > 1e-9):
            problems.append(f"{obligation}: {got.get('national_numerator')}/{got.get('national_denominator')} "
                            f"!= {numerator}/{denominator}")
    check.rows(f"{SUMMARY}: the national figures of {len(totals)} coverage and task obligations", problems)
    # The lists mark an assumed due date "dự kiến"; what was assumed, and
    # the check, are said once per obligation here.
    assumed = {row["obligation_id"] for row in findings if row["due_assumed"] == "yes" and row["due"]}
    problems = [f"{obligation}: check {by_id.get(obligation, {}).get('check')!r}, "
                f"assumed {by_id.get(obligation, {}).get('source_assumed')!r}"
                for obligation in sorted({row["obligation_id"] for row in findings})
                if not by_id.get(obligation, {}).get("check")
                or (obligation in assumed and not by_id.get(obligation, {}).get("source_assumed"))]
    check.rows(f"{SUMMARY}: per obligation, its check, and what was assumed for each of the "
               f"{len(assumed)} obligations with an assumed due date", problems)

    # The chart: stacked bars of the seven statuses per agency kind, from the kind table.
    charts = ws._charts
    if not check.ok(len(charts) == 1, f"{SUMMARY}: one chart", len(charts)):
        return
    chart = charts[0]
    heading_row, _, kind_rows = tables.get("agency_kind", (0, [], []))
    kinds = len([r for r in kind_rows if r["agency_kind"] != "tất cả"])
    refs = [s.val.numRef.f for s in chart.series]
    want = [f"'{SUMMARY}'!${get_column_letter(i + 2)}${heading_row + 1}:${get_column_letter(i + 2)}${heading_row + kinds}"
            for i in range(len(STATUSES))]
    check.ok(chart.tagname == "barChart" and chart.grouping == "stacked" and refs == want,
             f"{SUMMARY}: a stacked bar chart of the 7 statuses over the {kinds} agency kinds", refs)
    categories = chart.series[0].cat.numRef or chart.series[0].cat.strRef
    check.ok(categories is not None and categories.f == f"'{SUMMARY}'!$A${heading_row + 1}:$A${heading_row + kinds}",
             f"{SUMMARY}: the chart's categories are the kinds' names", categories and categories.f)


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
    issues = [row for row in read_csv(out / "findings.csv") if row["type"] == "data_issue"]
    for row in issues:
        row["agency_name"] = names.get(row["agency_id"], "")
    wb = openpyxl.load_workbook(out / "workbook.xlsx")
    ws = wb[DATA]
    codes, headings, data, cells = list_sheet(ws)
    check_table_heading(check, ws, codes, headings, f"{DATA} (broken copy)")
    check.ok(codes == DATA_CODES, f"{DATA}: columns {', '.join(DATA_CODES)}", codes)
    check.ok(len(issues) >= 3, f"{DATA} (broken copy): the CSV has {len(issues)} data issues")
    check.rows(f"{DATA} (broken copy): {len(data)} rows equal the CSV's data_issue rows, in order",
               [f"row {n}: {c}: {h.get(c)!r} != {w[c]!r}" for n, (w, h) in enumerate(zip(issues, data), start=3)
                for c in DATA_CODES if (h.get(c) or "") != w[c]] + ([] if len(data) == len(issues) else
                                                                     [f"{len(data)} rows, {len(issues)} issues"]))
    check.ok(any(r["issue_value"] == "manager\ufffd" for r in data),
             f"{DATA} (broken copy): the invalid UTF-8 byte reads as U+FFFD")
    check.ok(any(r["issue_value"] == "30/9/2022" and r["agency_name"] == "Nghệ An" for r in data),
             f"{DATA} (broken copy): '30/9/2022' stays text, agency 'Nghệ An'")
    check_list_layout(check, ws, codes, cells, f"{DATA} (broken copy)", 1)
    count = labelled(wb[SUMMARY], "lỗi dữ liệu")
    check.ok(count is not None and count.value == len(issues),
             f"{SUMMARY} (broken copy): {len(issues)} data issues", repr(count and count.value))


def check_english(check, binary, db, source, work):
    """--lang en: the sheets, headings, statuses and reasons in English, the CSV's labels."""
    export(binary, db, source, work / "english", "xlsx,csv", ("--lang", "en"))
    wb = openpyxl.load_workbook(work / "english" / "workbook.xlsx", read_only=True)
    if not check.ok(wb.sheetnames == ["Summary", "Overdue", "At risk", "Data quality"],
                    "--lang en: the sheets Summary, Overdue, At risk, Data quality", repr(wb.sheetnames)):
        return
    rows = list(wb["Overdue"].iter_rows(values_only=True))
    codes, headings = rows[0], dict(zip(rows[0], rows[1]))
    data = [dict(zip(codes, row)) for row in rows[2:]]
    csv_rows = [r for r in read_csv(work / "english" / "findings.csv") if r["status"] == "overdue"]
    check.ok(headings.get("days_overdue") == "days overdue" and headings.get("status") == "status"
             and data and all(r["status"] == "overdue" for r in data)
             and [r["reason"] for r in data] == [r["reason"] for r in csv_rows]
             and not any("quá hạn" in r["reason"] for r in data),
             "--lang en: the overdue sheet's headings, statuses and reasons in English, as the CSV's",
             [headings.get("days_overdue"), data[:1]])


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

    check.ok((work / "first" / "workbook.xlsx").read_bytes() == (work / "second" / "workbook.xlsx").read_bytes(),
             "two exports of the same data give byte-identical workbooks")
    rows = read_csv(work / "first" / "findings.csv")
    findings = [row for row in rows if row["type"] == "finding"]
    issues = [row for row in rows if row["type"] == "data_issue"]
    wb = openpyxl.load_workbook(work / "first" / "workbook.xlsx")
    check.ok(wb.properties.created == datetime.datetime(2022, 11, 1),
             f"document created stamp is the as-of date {AS_OF}, not the clock", repr(wb.properties.created))
    if check.ok(wb.sheetnames == SHEETS, f"sheets: {', '.join(SHEETS)}", repr(wb.sheetnames)):
        overdue = check_finding_sheet(check, wb, OVERDUE, "overdue", findings)
        check_finding_sheet(check, wb, AT_RISK, "at_risk", findings)
        check_vietnamese(check, overdue)
        check_summary(check, wb, findings, issues)
        check_data_issues(check, binary, db, source, work)
    check_english(check, binary, db, source, work)

    if check.failures:
        print(f"\ncheck_xlsx: {len(check.failures)} check(s) failed:", file=sys.stderr)
        for failure in check.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"\ncheck_xlsx: every check passed ({len(findings)} findings in the CSV)")


if __name__ == "__main__":
    main()
