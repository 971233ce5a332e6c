#!/usr/bin/env python3
"""The spreadsheet round trip, end to end, with real files.

    python3 tests/import/check_import.py <dxcomply> <sample.db> <source-dir> <work-dir>

On a copy of the sample country, as of 2022-11-01:

1. `dxcomply template --agency NGHE-AN` writes a workbook openpyxl opens:
   the sheets, Vietnamese headers and notes, drop-downs, date formats,
   protected id columns, the open task duties pre-filled.
2. A script fills it as Nghệ An would (approves every system, adds five
   specialists, completes three tasks of which one is a new row) and
   `dxcomply import` writes it; `check --agency NGHE-AN` changes exactly as
   the rows say; the import log names the file and its digest.
3. The same file again changes nothing (the database is byte-identical); a
   newer version of it changes the one row it changes; a fresh template of
   the new data imports as nothing new.
4. A workbook with five kinds of bad cells is refused with five errors naming
   sheet and cell, and the database is byte-identical.
5. A CSV file with a byte-order mark, semicolons, CRLF, quoted fields and
   dd/mm/yyyy dates imports; exceptions import with their checks.
6. Another import waiting with its rows written holds the database: a second
   import is refused, a check still reads the old data; killing it leaves the
   old database; killing imports at random moments leaves the old or the new.
7. check, report, validate and template never change the database.
"""

import datetime
import hashlib
import json
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

try:
    import openpyxl
except ImportError:
    sys.exit(f"check_import: openpyxl is not installed for {sys.executable} "
             "(Debian: apt-get install python3-openpyxl)")

AS_OF = "2022-11-01"
AGENCY = "NGHE-AN"


class Checker:
    def __init__(self):
        self.failures = []

    def ok(self, condition, label, detail=""):
        print(("ok    " if condition else "FAIL  ") + label + ("" if condition else f": {detail}"))
        if not condition:
            self.failures.append(label)
        return condition


def sha(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def records(db):
    """Every row of every record table, as a comparable value."""
    connection = sqlite3.connect(db)
    try:
        out = {}
        for (table,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            out[table] = sorted(map(repr, connection.execute(f'SELECT rowid, * FROM "{table}"')))
        return out
    finally:
        connection.close()


class Run:
    def __init__(self, dxcomply, source, work):
        self.dxcomply = dxcomply
        self.source = source
        self.work = work

    def __call__(self, *args, env=None):
        return subprocess.run([self.dxcomply, *map(str, args)], cwd=self.source, capture_output=True,
                              text=True, env=env, timeout=120)

    def statuses(self, db):
        result = self("check", "--db", db, "--as-of", AS_OF, "--agency", AGENCY, "--format", "json")
        findings = json.loads(result.stdout)["findings"]
        return {(f["obligation_id"], f["period"]): f["status"] for f in findings}


def header_index(ws):
    return {cell.value: cell.column for cell in ws[1] if cell.value}


def rows_of(ws):
    return [row for row in ws.iter_rows(min_row=3) if any(c.value is not None for c in row)]


def write_handmade_workbook(path):
    import zipfile
    rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    def inline(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0"?><x:workbook xmlns:x="{main_ns}" xmlns:r="{rels_ns}">'
                           '<x:workbookPr date1904="1"/><x:sheets><x:sheet name="Hệ thống" sheetId="1" r:id="rId7"/>'
                           '</x:sheets></x:workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>'
                                      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>'
                                      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                                      '</Relationships>',
        "xl/strings.xml": f'<?xml version="1.0"?><sst xmlns="{main_ns}"><si><r><t xml:space="preserve">Hệ thống </t></r>'
                          '<r><rPr><b/></rPr><t>thử</t></r><rPh><t>ignored</t></rPh></si><si><t>Hệ thống thử 2</t></si></sst>',
        "xl/styles.xml": f'<?xml version="1.0"?><styleSheet xmlns="{main_ns}"><numFmts count="1">'
                         '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
                         '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>',
        "xl/worksheets/data.xml": f'<?xml version="1.0"?><worksheet xmlns="{main_ns}"><sheetData>'
                                  '<row r="1">' + inline("A1", "Tên hệ thống") + inline("B1", "level")
                                  + inline("C1", "Kết nối CSDL dân cư") + inline("D1", "Ngày đưa vào vận hành")
                                  + inline("E1", "stopped_on") + '</row>'
                                  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>3</v></c>'
                                  '<c r="C2" t="b"><v>1</v></c><c r="D2" s="1"><v>43373</v></c></row>'
                                  '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="C4" t="b"><v>0</v></c>'
                                  '<c r="D4" s="2"><v>42793</v></c><c r="E4" t="str"><v>31/12/2022</v></c></row>'
                                  '</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def main():
    dxcomply, sample, source, work = map(pathlib.Path, sys.argv[1:5])
    dxcomply = dxcomply.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    check = Checker()
    run = Run(dxcomply, source, work)
    db = work / "country.db"
    shutil.copy(sample, db)
    # A duty with no task row yet: the template offers a new row for it.
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("DELETE FROM task WHERE agency_id = ? AND obligation_id = 'annual-review'"
                           " AND period = '2022'", (AGENCY,))
    connection.close()

    # 1. The template.
    book = work / "nghe-an.xlsx"
    before_template = sha(db)
    result = run("template", "--db", db, "--as-of", AS_OF, "--agency", AGENCY, "--out", book)
    check.ok(result.returncode == 0, "template exits 0", result.stderr)
    check.ok(sha(db) == before_template, "template leaves the database as it was")
    wb = openpyxl.load_workbook(book)
    names = wb.sheetnames
    check.ok(names[0] == "Thông tin" and {"Hệ thống", "Nhân sự ATTT", "Công việc", "Chỉ tiêu"} <= set(names),
             "the sheets: information, then one per table Nghệ An owes", names)
    check.ok("Ngoại lệ" not in names, "no exceptions sheet unless asked (--tables exception)")
    info = {row[0]: row[1] for row in wb["Thông tin"].iter_rows(values_only=True) if row[0]}
    check.ok(info.get("Mã cơ quan") == AGENCY and info.get("Tên cơ quan") == "Nghệ An",
             "the information sheet names the agency with its diacritics", info)
    systems = wb["Hệ thống"]
    h = header_index(systems)
    check.ok(list(h)[:4] == ["Mã dòng", "Mã cơ quan", "Tên hệ thống", "Cấp độ"],
             "Vietnamese headers", list(h))
    check.ok(systems.cell(2, h["Cấp độ"]).value.startswith("Cấp độ an toàn 1-5"),
             "a line of notes under the headers", systems.cell(2, h["Cấp độ"]).value)
    stored = sqlite3.connect(db).execute(
        "SELECT count(*) FROM information_system WHERE agency_id = ?", (AGENCY,)).fetchone()[0]
    check.ok(len(rows_of(systems)) == stored, "every stored system pre-filled",
             f"{len(rows_of(systems))} rows, {stored} stored")
    check.ok(systems.protection.sheet, "record sheets are protected")
    first = rows_of(systems)[0]
    check.ok(first[h["Mã dòng"] - 1].protection.locked and first[h["Mã cơ quan"] - 1].protection.locked,
             "id and agency cells are locked")
    check.ok(not first[h["Tên hệ thống"] - 1].protection.locked, "data cells are editable")
    column = systems.column_dimensions
    check.ok(column[openpyxl.utils.get_column_letter(h["Cấp độ"])].protection.locked is False
             and column["A"].protection.locked is True,
             "empty cells of data columns are editable too, of the id column not")
    validations = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv
                   for dv in systems.data_validations.dataValidation}
    level = validations.get(openpyxl.utils.get_column_letter(h["Cấp độ"]))
    check.ok(level is not None and level.type == "whole" and (level.formula1, level.formula2) == ("1", "5"),
             "levels validated as whole numbers 1-5")
    approved = validations.get(openpyxl.utils.get_column_letter(h["Ngày phê duyệt cấp độ"]))
    check.ok(approved is not None and approved.type == "date", "date columns validated as dates")
    dated = [r[h["Ngày đưa vào vận hành"] - 1] for r in rows_of(systems)
             if r[h["Ngày đưa vào vận hành"] - 1].value is not None]
    check.ok(dated and all(isinstance(c.value, datetime.datetime) and c.number_format == "dd/mm/yyyy"
                           for c in dated), "dates are date cells shown dd/mm/yyyy")
    population = validations.get(openpyxl.utils.get_column_letter(h["Kết nối CSDL dân cư"]))
    check.ok(population is not None and population.type == "list" and population.formula1 == '"Có,Không"',
             "booleans are a Có/Không drop-down")
    staff = wb["Nhân sự ATTT"]
    hs = header_index(staff)
    roles = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in staff.data_validations.dataValidation}
    role = roles.get(openpyxl.utils.get_column_letter(hs["Vai trò"]))
    check.ok(role is not None and role.type == "list" and "Chuyên gia an toàn thông tin" in role.formula1,
             "roles are a drop-down of their Vietnamese names")
    tasks = wb["Công việc"]
    ht = header_index(tasks)
    duties = {(r[ht["Mã nhiệm vụ"] - 1].value, r[ht["Kỳ"] - 1].value) for r in rows_of(tasks)}
    before = run.statuses(db)
    task_duties = {"party-resolution", "plan-146", "drill-2022", "action-plan", "annual-review",
                   "plan-cashless", "plan-5y", "plan-411", "steering-reorg", "dx-day-plan-2022",
                   "platforms-2022", "steering-plan-2022", "community-tech-teams",
                   "computers-for-kids", "plan-smedx"}
    open_duties = {k[0] for k, v in before.items()
                   if k[0] in task_duties and v in ("overdue", "at_risk", "on_track", "waiting")}
    check.ok({o for o, _ in duties} == open_duties and len(duties) == len(open_duties)
             and ("drill-2022", "2022") in duties and ("action-plan", "2023") in duties,
             "a task row per open task duty and period, none for duties met", sorted(duties, key=str))
    offered = [r for r in rows_of(tasks) if r[ht["Mã nhiệm vụ"] - 1].value == "annual-review"]
    check.ok(len(offered) == 1 and offered[0][ht["Mã dòng"] - 1].value is None
             and offered[0][ht["Kỳ"] - 1].value == "2022"
             and offered[0][ht["Tên công việc"] - 1].value.startswith("Định kỳ hằng năm"),
             "a duty without a task row gets a new row: no id, its period and title",
             [[c.value for c in r] for r in offered])

    # 2. Filled by a script, imported, checked.
    for row in rows_of(systems):
        if row[h["Cấp độ"] - 1].value is None:
            row[h["Cấp độ"] - 1].value = 2
        row[h["Ngày phê duyệt cấp độ"] - 1].value = datetime.datetime(2022, 10, 15)
    new_row = len(rows_of(staff)) + 3
    for i in range(5):
        staff.cell(new_row + i, hs["Vai trò"], "Chuyên gia an toàn thông tin")
        staff.cell(new_row + i, hs["Hình thức"], "Công chức viên chức")
        staff.cell(new_row + i, hs["Ngày bắt đầu"], "01/10/2022")  # typed as text, the Vietnamese way
    for row in rows_of(tasks):
        duty = row[ht["Mã nhiệm vụ"] - 1].value
        if duty in ("drill-2022", "plan-146", "annual-review"):
            row[ht["Ngày bắt đầu"] - 1].value = datetime.datetime(2022, 9, 1)
            row[ht["Tiến độ"] - 1].value = 1
            row[ht["Ngày hoàn thành"] - 1].value = datetime.datetime(2022, 10, 20)
            row[ht["Văn bản minh chứng"] - 1].value = f"{duty}/KH-UBND"
    filled = work / "nghe-an-filled.xlsx"
    wb.save(filled)
    result = run("import", filled, "--db", db)
    check.ok(result.returncode == 0, "the filled workbook imports", result.stderr)
    check.ok("Nhân sự ATTT (security_staff): thêm 5, sửa 0" in result.stdout,
             "it says 5 staff added", result.stdout)
    check.ok(f"Hệ thống (information_system): thêm 0, sửa {len(rows_of(systems))}, giữ nguyên 0" in result.stdout,
             "it says every system changed", result.stdout)
    check.ok("Công việc (task): thêm 1, sửa 2, giữ nguyên 3" in result.stdout,
             "it says one task added (the new row), two changed, three left alone", result.stdout)
    after = run.statuses(db)
    expected = {("is-classify", ""): ("overdue", "met_late"),
                ("sec-staff-5", ""): ("at_risk", "met"),
                ("drill-2022", "2022"): ("on_track", "met"),
                ("plan-146", ""): ("overdue", "met_late")}
    for key, (was, now) in expected.items():
        check.ok((before.get(key), after.get(key)) == (was, now),
                 f"check: {key[0]} went from {was} to {now}", (before.get(key), after.get(key)))
    changed = {k for k in before if before[k] != after.get(k)}
    annual = [k for k in changed if k[0] == "annual-review"]
    check.ok(changed - set(expected) - set(annual) <= {("popdb-secure", ""), ("is-protect", ""),
                                                       ("is-monitor-l345", ""), ("is-halt-unsafe", "")},
             "nothing else changes but what reads the approvals", sorted(changed))
    connection = sqlite3.connect(db)
    stored_dates = connection.execute(
        "SELECT DISTINCT joined_on FROM security_staff WHERE id > (SELECT max(id) - 5 FROM security_staff)").fetchall()
    check.ok(stored_dates == [("2022-10-01",)], "dates typed dd/mm/yyyy are stored ISO", stored_dates)
    log = connection.execute("SELECT os_user, file_name, sha256, agency_id, counts FROM import_log").fetchall()
    connection.close()
    check.ok(len(log) == 1 and log[0][1] == filled.name and log[0][2] == sha(filled)
             and log[0][3] == AGENCY and json.loads(log[0][4])["security_staff"]["added"] == 5 and log[0][0],
             "the import is logged: who, file, SHA-256, agency, counts", log)

    # 3. Again: nothing; a newer file; a fresh template.
    snapshot = sha(db)
    result = run("import", filled, "--db", db)
    check.ok(result.returncode == 0 and "Không có gì mới" in result.stdout, "re-import: nothing new",
             result.stdout + result.stderr)
    check.ok(sha(db) == snapshot, "re-import: the database is byte-identical")
    wb2 = openpyxl.load_workbook(filled)
    wb2["Hệ thống"].cell(3, h["Tên hệ thống"]).value += " (đã nâng cấp)"
    for row in rows_of(wb2["Công việc"]):
        if row[ht["Mã nhiệm vụ"] - 1].value == "annual-review":
            row[ht["Văn bản minh chứng"] - 1].value = "99/BC-UBND"  # the new row, still without an id
    newer = work / "nghe-an-newer.xlsx"
    wb2.save(newer)
    result = run("import", newer, "--db", db)
    check.ok(f"Hệ thống (information_system): thêm 0, sửa 1, giữ nguyên {len(rows_of(systems)) - 1}" in result.stdout
             and "Công việc (task): thêm 0, sửa 1, giữ nguyên 5" in result.stdout
             and "Nhân sự ATTT (security_staff): thêm 0, sửa 0" in result.stdout,
             "a newer file changes its changed rows, a new row's by its key, and adds nothing",
             result.stdout + result.stderr)
    fresh = work / "fresh.xlsx"
    run("template", "--db", db, "--as-of", AS_OF, "--agency", AGENCY, "--out", fresh)
    snapshot = sha(db)
    result = run("import", fresh, "--db", db)
    check.ok(result.returncode == 0 and "Không có gì mới" in result.stdout and sha(db) == snapshot,
             "a fresh template of the data imports as nothing new", result.stdout + result.stderr)

    # 4. Five kinds of bad cells.
    bad = openpyxl.load_workbook(fresh)
    s, st, t = bad["Hệ thống"], bad["Nhân sự ATTT"], bad["Công việc"]
    s.cell(3, h["Cấp độ"]).value = 7
    s.cell(4, h["Ngày phê duyệt cấp độ"]).value = "31/02/2022"
    st.cell(3, hs["Vai trò"]).value = "Chuyên viên"
    last = len(rows_of(st)) + 3
    st.cell(last, hs["Mã cơ quan"]).value = "HA-NOI"
    st.cell(last, hs["Vai trò"]).value = "Quản lý"
    st.cell(last, hs["Hình thức"]).value = "Hợp đồng"
    t.cell(3, ht["Ngày bắt đầu"]).value = datetime.datetime(2022, 10, 5)
    t.cell(3, ht["Ngày hoàn thành"]).value = datetime.datetime(2022, 10, 1)
    broken = work / "bad.xlsx"
    bad.save(broken)
    snapshot = sha(db)
    result = run("import", broken, "--db", db)
    letter = openpyxl.utils.get_column_letter
    wanted = [f"Hệ thống!{letter(h['Cấp độ'])}3: '7' nằm ngoài khoảng 1 đến 5",
              f"Hệ thống!{letter(h['Ngày phê duyệt cấp độ'])}4: '31/02/2022' không phải ngày có thật",
              f"Nhân sự ATTT!{letter(hs['Vai trò'])}3: 'Chuyên viên' không có trong danh sách",
              f"Nhân sự ATTT!{letter(hs['Mã cơ quan'])}{last}: dòng của cơ quan 'HA-NOI', nhưng tệp này là của cơ quan 'NGHE-AN'",
              f"Công việc!{letter(ht['Ngày hoàn thành'])}3: Ngày hoàn thành 01/10/2022 trước Ngày bắt đầu 05/10/2022"]
    lines = result.stderr.splitlines()
    errors = [line for line in lines if "!" in line.split(":")[0]]
    check.ok(result.returncode == 2, "bad cells: exit 2", result.returncode)
    check.ok(len(errors) == 5 and all(any(line.startswith(w) for line in errors) for w in wanted),
             "five errors, each naming its sheet and cell", "\n" + result.stderr)
    check.ok(lines and lines[-1].startswith("5 lỗi; không ghi gì"), "says nothing was written", lines[-1:])
    check.ok(result.stdout == "", "nothing on stdout")
    check.ok(sha(db) == snapshot, "bad cells: the database is byte-identical")

    # 5. CSV and exceptions.
    csv_file = work / "nhiem-vu.csv"
    csv_file.write_bytes(
        "\ufeffMã cơ quan;Mã nhiệm vụ;Kỳ;Tên công việc;Ngày bắt đầu;Tiến độ;Ngày hoàn thành;Văn bản minh chứng\r\n"
        "HA-TINH;plan-cashless;;\"Kế hoạch; thanh toán \"\"không tiền mặt\"\"\";2/9/2022;0,5;;\r\n"
        "HA-TINH;steering-plan-2022;2022;Kế hoạch BCĐ 2022;01/03/2022;100%;30/03/2022;\"12/KH-BCĐ\"\r\n"
        .encode("utf-8"))
    result = run("import", csv_file, "--db", db)
    check.ok(result.returncode == 0 and "Công việc (task): thêm 2" in result.stdout,
             "a CSV with BOM, semicolons, CRLF and quotes imports", result.stdout + result.stderr)
    rows = sqlite3.connect(db).execute(
        "SELECT title, started_on, progress, completed_on FROM task WHERE agency_id='HA-TINH' ORDER BY id DESC LIMIT 2").fetchall()
    check.ok(sorted(rows) == sorted([('Kế hoạch; thanh toán "không tiền mặt"', "2022-09-02", 0.5, None),
                                     ("Kế hoạch BCĐ 2022", "2022-03-01", 1.0, "2022-03-30")]),
             "CSV values stored as typed: quotes, decimal comma, percent, ISO dates", rows)
    result = run("import", csv_file, "--db", db)
    check.ok("Không có gì mới" in result.stdout, "the CSV again: nothing new", result.stdout)

    # Row ids: unknown, another agency's, given twice.
    other = sqlite3.connect(db).execute(
        "SELECT id FROM task WHERE agency_id = 'HA-NOI' LIMIT 1").fetchone()[0]
    own = sqlite3.connect(db).execute(
        "SELECT id FROM task WHERE agency_id = ? LIMIT 1", (AGENCY,)).fetchone()[0]
    ids = work / "ids.csv"
    ids.write_text(f"id,agency_id,progress\n999999,{AGENCY},0.5\n{other},{AGENCY},0.5\n"
                   f"{own},{AGENCY},0.5\n{own},{AGENCY},0.6\n", encoding="utf-8")
    snapshot = sha(db)
    result = run("import", ids, "--db", db, "--table", "task")
    check.ok(result.returncode == 2
             and "ids.csv!A2: không có dòng mã 999999 trong cơ sở dữ liệu" in result.stderr
             and f"ids.csv!A3: dòng mã {other} là của cơ quan 'HA-NOI'" in result.stderr
             and f"ids.csv!A5: mã {own} đã có ở ids.csv!A4" in result.stderr
             and sha(db) == snapshot,
             "row ids that do not exist, are another agency's or come twice are refused", result.stderr)

    # A workbook written by hand, as other spreadsheet programs write them:
    # inline strings, a rich-text shared string, a boolean cell, the 1904
    # date system with a built-in and a custom date format.
    handmade = work / "handmade.xlsx"
    write_handmade_workbook(handmade)
    result = run("import", handmade, "--db", db, "--agency", AGENCY)
    check.ok(result.returncode == 0 and "Hệ thống (information_system): thêm 2" in result.stdout,
             "a hand-made workbook imports", result.stdout + result.stderr)
    got = sqlite3.connect(db).execute(
        "SELECT name, level, connects_population_db, created_on, stopped_on FROM information_system "
        "ORDER BY id DESC LIMIT 2").fetchall()
    check.ok(sorted(got) == [("Hệ thống thử", 3, 1, "2022-10-01", None),
                             ("Hệ thống thử 2", None, 0, "2021-02-28", "2022-12-31")],
             "inline and rich-text strings, booleans and 1904-system dates read right", got)

    statuses_before_exceptions = run.statuses(db)
    exceptions = work / "ngoai-le.csv"
    exceptions.write_text(
        "obligation_id,agency_id,period,kind,new_due,document_number,document_date,granted_by,reason\n"
        "is-classify,NGHE-AN,,extension,31/12/2022,123/BCĐ-BTTTT (dữ liệu mẫu),15/09/2022,Ban Chỉ đạo,Nhiều hệ thống\n"
        "drill-2023,NGHE-AN,2023,waiver,,124/BCĐ-BTTTT (dữ liệu mẫu),2022-09-20,Ban Chỉ đạo,\n", encoding="utf-8")
    result = run("import", exceptions, "--db", db, "--table", "exception")
    check.ok(result.returncode == 2 and "không có nhiệm vụ 'drill-2023'" in result.stderr,
             "an exception naming an unknown obligation is refused", result.stderr)
    exceptions.write_text(
        "obligation_id,agency_id,period,kind,new_due,document_number,document_date,granted_by,reason\n"
        "is-classify,NGHE-AN,,Gia hạn,,123/BCĐ-BTTTT (dữ liệu mẫu),15/09/2022,Ban Chỉ đạo,Nhiều hệ thống\n"
        "drill-2022,NGHE-AN,2022,waiver,,124/BCĐ-BTTTT (dữ liệu mẫu),2022-09-20,Ban Chỉ đạo,\n", encoding="utf-8")
    result = run("import", exceptions, "--db", db)
    check.ok(result.returncode == 2 and "ngoai-le.csv!E2: Hạn mới: bắt buộc khi Loại là Gia hạn" in result.stderr,
             "an extension without its new due date is refused, naming the cell", result.stderr)
    exceptions.write_text(exceptions.read_text(encoding="utf-8").replace("Gia hạn,,", "Gia hạn,31/12/2022,"),
                          encoding="utf-8")
    result = run("import", exceptions, "--db", db)
    check.ok(result.returncode == 0 and "Ngoại lệ (exception): thêm 2" in result.stdout,
             "exceptions import (the table found from the header)", result.stdout + result.stderr)
    got = sqlite3.connect(db).execute("SELECT kind, new_due, document_date FROM exception"
                                      " WHERE agency_id = 'NGHE-AN' ORDER BY id").fetchall()
    check.ok(got == [("extension", "2022-12-31", "2022-09-15"), ("waiver", None, "2022-09-20")],
             "exceptions stored with codes and ISO dates", got)
    result = run("validate", "--db", db)
    check.ok(result.returncode == 0, "validate --db accepts the database with exceptions", result.stdout + result.stderr)
    statuses_after = run.statuses(db)
    changed = {key: (statuses_before_exceptions.get(key), status)
               for key, status in statuses_after.items() if statuses_before_exceptions.get(key) != status}
    check.ok(changed.get(("drill-2022", "2022"), (None, None))[1] == "waived"
             and changed.get(("is-classify", ""), (None, None))[0] == "overdue"
             and changed.get(("is-classify", ""), (None, None))[1] in ("at_risk", "on_track")
             and set(changed) - {("drill-2022", "2022"), ("is-classify", ""), ("is-protect", ""),
                                 ("is-monitor-l345", ""), ("is-halt-unsafe", "")} == set(),
             "check honours the imported exceptions: the drill waived, is-classify extended and no "
             "longer overdue, nothing else changed but what waits on is-classify", changed)
    older = work / "older.db"  # made before the exceptions table was declared
    shutil.copy(db, older)
    connection = sqlite3.connect(older)
    connection.execute("DROP TABLE exception")
    connection.close()
    result = run("validate", "--db", older)
    check.ok(result.returncode == 0 and "bảng 'exception' không có trong" in result.stdout + result.stderr
             and "không gia hạn hay miễn thực hiện nào được áp dụng" in result.stdout + result.stderr
             and "cảnh báo" in result.stdout + result.stderr,
             "validate --db: a database without the exceptions table gets a warning, not an error",
             result.stdout + result.stderr)
    result = run("check", "--db", older, "--as-of", AS_OF, "--agency", AGENCY, "--format", "csv")
    check.ok(result.returncode in (0, 1) and result.stdout.count("\n") > 10,
             "check runs on a database without the exceptions table", result.stderr)

    # 6. One writer at a time; kills.
    pending = work / "pending.csv"
    pending.write_text("Mã cơ quan,Vai trò,Hình thức,Ngày bắt đầu\n"
                       + "".join(f"NGHE-AN,Hỗ trợ,Hợp đồng,0{1 + i % 9}/11/2022\n" for i in range(40)),
                       encoding="utf-8")
    old = records(db)
    snapshot = sha(db)
    env = dict(os.environ, DXCOMPLY_IMPORT_PAUSE_SECONDS="60")
    importer = subprocess.Popen([dxcomply, "import", pending, "--db", db], cwd=source, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = importer.stderr.readline()
    check.ok("paused before commit" in line, "the import pauses with its rows written", line)
    second = run("import", csv_file, "--db", db)
    check.ok(second.returncode == 2 and "đang được một lần nhập khác ghi" in second.stderr,
             "a second import is refused while the first holds the database", second.stderr)
    reader = run("check", "--db", db, "--as-of", AS_OF, "--agency", AGENCY, "--format", "csv")
    check.ok(reader.returncode in (0, 1) and reader.stdout.count("\n") > 10,
             "check still reads the database meanwhile", reader.stderr)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    check.ok(records(db) == old, "killed before its commit: the old database")
    check.ok(sha(db) == snapshot, "killed before its commit: byte-identical")
    result = run("import", pending, "--db", db)
    check.ok(result.returncode == 0 and "thêm 40" in result.stdout, "then the same import goes through",
             result.stdout + result.stderr)
    new = records(db)
    # Kills at random moments: each leaves the old or the new database.
    shutil.copy(db, work / "before-kills.db")
    outcomes = set()
    randomizer = random.Random(15)
    more = work / "more.csv"
    more.write_text("Mã cơ quan,Vai trò,Hình thức,Ngày bắt đầu\n"
                    + "".join(f"NGHE-AN,Quản lý,Hợp đồng,{1 + i % 28}/10/2022\n" for i in range(300)),
                    encoding="utf-8")
    for attempt in range(12):
        shutil.copy(work / "before-kills.db", db)
        for suffix in ("-journal", "-wal"):
            pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
        process = subprocess.Popen([dxcomply, "import", more, "--db", db], cwd=source,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(randomizer.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = records(db)  # opening with sqlite3 rolls back a hot journal
        rows = len(state["security_staff"]) - len(new["security_staff"])
        outcomes.add(rows)
        check.ok(rows in (0, 300) and (rows == 300 or state == new),
                 f"kill {attempt + 1}: the old database or the new one", rows)
    print(f"      (kills left {sorted(outcomes)} rows added)")

    # 7. The engine's commands leave the database alone.
    snapshot = sha(db)
    for args in (["check", "--agency", AGENCY], ["report"], ["explain", "is-classify", AGENCY]):
        run(*args, "--db", db, "--as-of", AS_OF)
    run("validate", "--db", db)
    check.ok(sha(db) == snapshot, "check, report, explain and validate leave the database byte-identical")

    if check.failures:
        print(f"{len(check.failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
