#!/usr/bin/env python3
"""Writes the hand-made workbooks of corpus/import_xlsx/ (the others there
are `dxcomply template` output): small, stored (not compressed) so that the
fuzzer's own mutations reach the XML, each with what writers other than
libxlsxwriter do or what a hostile file may. Run from tests/fuzz/."""
import zipfile

SS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def workbook(sheets, date1904=False, prefix=''):
    p = prefix + ':' if prefix else ''
    ns = f'xmlns{":" + prefix if prefix else ""}="{SS}"'
    pr = f'<{p}workbookPr date1904="1"/>' if date1904 else ''
    items = ''.join(f'<{p}sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                    for i, name in enumerate(sheets))
    return f'<?xml version="1.0"?><{p}workbook {ns} xmlns:r="{R}">{pr}<{p}sheets>{items}</{p}sheets></{p}workbook>'


def rels(targets, absolute=False):
    out = ''.join(f'<Relationship Id="rId{i + 1}" Type="{TYPE}worksheet" '
                  f'Target="{"/xl/" if absolute else ""}worksheets/sheet{i + 1}.xml"/>'
                  for i in range(targets))
    out += (f'<Relationship Id="rIdS" Type="{TYPE}sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rIdT" Type="{TYPE}styles" Target="styles.xml"/>')
    return f'<?xml version="1.0"?><Relationships xmlns="{PR}">{out}</Relationships>'


STYLES = (f'<?xml version="1.0"?><styleSheet xmlns="{SS}"><numFmts count="2">'
          '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
          '<numFmt numFmtId="165" formatCode="&quot;ngày&quot; 0.00\\d[Red]"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
          '<xf numFmtId="165"/></cellXfs></styleSheet>')


def sheet(rows, prefix=''):
    p = prefix + ':' if prefix else ''
    ns = f'xmlns{":" + prefix if prefix else ""}="{SS}"'
    return f'<?xml version="1.0"?><{p}worksheet {ns}><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>'


def strings(items):
    return (f'<?xml version="1.0"?><sst xmlns="{SS}" count="{len(items)}">' +
            ''.join(f'<si>{item}</si>' for item in items) + '</sst>')


def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_STORED) as z:
        for part, text in parts.items():
            z.writestr(part, text)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


TASK_HEADERS = ['Mã dòng', 'Mã cơ quan', 'Mã nhiệm vụ', 'Kỳ', 'Tên công việc', 'Ngày bắt đầu',
                'Tiến độ', 'Ngày hoàn thành', 'Văn bản minh chứng']
COLUMNS = 'ABCDEFGHI'

# The workbook the template writes, filled in by another program: the 1904
# date system, namespace prefixes, rich text and phonetic runs, inline
# strings, every cell type.
task_rows = '<x:row r="1">' + ''.join(
    f'<x:c r="{c}1" t="s"><x:v>{i}</x:v></x:c>' for i, c in enumerate(COLUMNS)) + '</x:row>'
task_rows += ('<x:row r="3"><x:c r="A3"><x:v>1798</x:v></x:c><x:c r="C3" t="str"><x:v>action-plan</x:v></x:c>'
              '<x:c r="D3"><x:v>2027</x:v></x:c><x:c r="E3" t="s"><x:v>9</x:v></x:c>'
              '<x:c r="F3" s="1"><x:v>45582</x:v></x:c><x:c r="G3"><x:v>0.75</x:v></x:c>'
              '<x:c r="H3" s="2"><x:v>45600.5</x:v></x:c><x:c r="I3" t="e"><x:v>#REF!</x:v></x:c></x:row>'
              '<x:row><x:c t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c><x:c r="C4" t="s"><x:v>10</x:v></x:c>'
              '<x:c r="D4" t="b"><x:v>1</x:v></x:c><x:c r="E4" t="d"><x:v>2026-12-07</x:v></x:c>'
              '<x:c r="G4" s="3"><x:v>1E+308</x:v></x:c><x:c r="ZZZ4"><x:v>-0</x:v></x:c></x:row>')
shared = [f'<t>{h}</t>' for h in TASK_HEADERS[:4]]
shared += ['<r><rPr><b/></rPr><t>Tên </t></r><r><t>công việc</t></r><rPh sb="0" eb="1"><t>x</t></rPh>']
shared += [f'<t>{h}</t>' for h in TASK_HEADERS[5:]]
shared += ['<t xml:space="preserve">  Ban hành kế hoạch chuyển đổi số năm 2027 </t>', '<t>action-plan</t>']
info = sheet(inline('A1', 'Mã cơ quan') + inline('B1', 'BDTTG'))
write('corpus/import_xlsx/filled-1904-prefixed.xlsx', {
    'xl/workbook.xml': workbook(['Thông tin', 'Công việc'], date1904=True, prefix='x'),
    'xl/_rels/workbook.xml.rels': rels(2),
    'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><worksheet xmlns="' + SS + '"><sheetData><row r="1">'
                                + inline('A1', 'Mã cơ quan') + inline('B1', 'BDTTG') + '</row></sheetData></worksheet>',
    'xl/worksheets/sheet2.xml': sheet(task_rows, prefix='x'),
    'xl/sharedStrings.xml': strings(shared),
    'xl/styles.xml': STYLES,
})

# Measurements and systems, relationships with absolute targets, a sheet
# that is no table, odd cell references and row numbers.
m_rows = ('<row r="1">' + inline('A1', 'Mã chỉ tiêu') + inline('B1', 'Ngày số liệu') + inline('C1', 'Giá trị')
          + inline('D1', 'Nguồn số liệu') + '</row>'
          '<row r="2">' + inline('A2', 'work-files-online-share') + '<c r="B2" s="1"><v>45747</v></c>'
          '<c r="C2"><v>0.692</v></c>' + inline('D2', 'Báo cáo') + '</row>'
          '<row r="3">' + inline('A3', 'tthc-full-online-share') + inline('B3', '30/09/2026')
          + inline('C3', '71,86%') + '</row>'
          )
s_rows = ('<row r="1">' + inline('A1', 'Tên hệ thống') + inline('B1', 'Cấp độ') + inline('C1', 'Kết nối CSDL dân cư')
          + inline('D1', 'Ngày đưa vào vận hành') + '</row>'
          '<row r="7">' + inline('A7', 'Cổng dịch vụ công') + '<c r="B7"><v>3</v></c><c r="C7" t="b"><v>0</v></c>'
          '<c r="D7" s="2"><v>60</v></c></row>'
          '<row r="8">' + inline('A8', 'Thư điện tử') + '<c r="B8"><v>6</v></c>' + inline('C8', 'Có')
          + '<c r="D8" s="2"><v>2958466</v></c></row>'
          '<row><c r="B9"><v>2.5</v></c></row>')
write('corpus/import_xlsx/measurement-systems.xlsx', {
    'xl/workbook.xml': workbook(['Chỉ tiêu', 'Hệ thống', 'Ghi chú']),
    'xl/_rels/workbook.xml.rels': rels(3, absolute=True),
    'xl/worksheets/sheet1.xml': sheet(m_rows),
    'xl/worksheets/sheet2.xml': sheet(s_rows),
    'xl/worksheets/sheet3.xml': sheet(inline('A1', 'ghi chú')),
    'xl/styles.xml': STYLES,
})

# Clean: a changed task, a new one and a new measurement (the import gets
# to its commit).
write('corpus/import_xlsx/filled-clean.xlsx', {
    'xl/workbook.xml': workbook(['Thông tin', 'Công việc', 'Chỉ tiêu']),
    'xl/_rels/workbook.xml.rels': rels(3),
    'xl/worksheets/sheet1.xml': sheet('<row r="2">' + inline('A2', 'Mã cơ quan') + inline('B2', 'BDTTG') + '</row>'),
    'xl/worksheets/sheet2.xml': sheet(
        '<row r="1">' + ''.join(inline(f'{c}1', h) for c, h in zip(COLUMNS, TASK_HEADERS)) + '</row>'
        '<row r="2"><c r="A2"><v>1798</v></c>' + inline('C2', 'action-plan') + inline('D2', '2027')
        + inline('E2', 'Ban hành kế hoạch chuyển đổi số năm 2027') + '<c r="F2" s="1"><v>46314</v></c>'
        '<c r="G2"><v>0.9</v></c></row>'
        '<row r="3">' + inline('C3', 'action-plan') + inline('D3', '2028') + inline('E3', 'Kế hoạch 2028')
        + '<c r="G3"><v>0</v></c></row>'),
    'xl/worksheets/sheet3.xml': sheet(
        '<row r="1">' + inline('A1', 'Mã chỉ tiêu') + inline('B1', 'Ngày số liệu') + inline('C1', 'Giá trị') + '</row>'
        '<row r="2">' + inline('A2', 'tthc-full-online-share') + '<c r="B2" s="2"><v>46295</v></c>'
        '<c r="C2"><v>0.8</v></c></row>'),
    'xl/styles.xml': STYLES,
})

# Cell references and row numbers no writer makes.
write('corpus/import_xlsx/odd-references.xlsx', {
    'xl/workbook.xml': workbook(['Hệ thống']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/worksheets/sheet1.xml': sheet(
        '<row r="1">' + inline('A1', 'Tên hệ thống') + inline('ZZZ1', 'Cấp độ') + '</row>'
        '<row r="99999999999">' + inline('A2', 'x') + '</row><row r="0"><c r="B1"><v>1</v></c></row>'
        '<row r="-5"><c r="AAAA5"><v>1</v></c><c r="a1"><v>1</v></c></row>'),
})

# Broken files: a part missing, XML that does not parse, a sheet with no
# relationship, an empty zip, a truncated template, a zip header and junk.
write('corpus/import_xlsx/missing-sheet-part.xlsx', {
    'xl/workbook.xml': workbook(['Công việc', 'Hệ thống']),
    'xl/_rels/workbook.xml.rels': rels(1),
})
write('corpus/import_xlsx/bad-xml.xlsx', {
    'xl/workbook.xml': workbook(['Hệ thống']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row><c><v>1</v></row>',
    'xl/sharedStrings.xml': '<sst><si><t>a</si>',
})
write('corpus/import_xlsx/empty.xlsx', {})
with open('corpus/import_xlsx/template-task.xlsx', 'rb') as f:
    template = f.read()
with open('corpus/import_xlsx/truncated-template.xlsx', 'wb') as f:
    f.write(template[:len(template) // 2])
with open('corpus/import_xlsx/zip-header-junk.xlsx', 'wb') as f:
    f.write(b'PK\x03\x04' + b'\x14\x00' * 20 + 'Mã cơ quan,Tên hệ thống\n'.encode())
