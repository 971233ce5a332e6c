#!/usr/bin/env python3
"""Render the HTML dashboard in headless Chromium and check what it shows.

    python3 tests/output/check_dashboard.py <dxcomply> <sample.db> <source-dir> <work-dir>

Runs `dxcomply export --only html` on the sample country as of 2022-11-01
(and `--only json,csv` into another folder, for the figures to compare
with), then loads dashboard.html from disk in Debian's `chromium`
(--headless --dump-dom) twice: the national page and #agency=NGHE-AN. For
each, the rendered DOM must say the script finished (<body
data-rendered="ok">) and recorded no error (no data-error: the template's
error handler writes every uncaught error, and every Content-Security-Policy
violation, i.e. any attempt to load something from elsewhere, there).

National page: the status tiles' counts equal the findings per status in
findings.json and in findings.csv; the agencies x obligations table has one
row per agency of the database, each named as in the database (Vietnamese
text intact: "Bộ Công an", "Nghệ An"); the overdue and at-risk lists hold
exactly the overdue and at-risk findings; the timeline has one row per
(due date, obligation, period) in the next 90 days. Agency pages:
the heading is "Nghệ An", its tiles are its own counts, and its table holds
exactly its findings, the overdue ones included; Quảng Trị's shows its
waived duty as waived, with the waiver's document. Also: the file loads nothing from
elsewhere, a copy with its data broken is reported as an error (the checks
above can fail), and a 1400x1000 screenshot of the national page
(<work-dir>/dashboard.png) is a PNG of that size.

Chromium's stderr (dbus and GPU noise) is ignored; page errors are not.
Standard library only. Prints one line per check; on failure, every failed
check and exit status 1.
"""

import collections
import csv
import datetime
import html.parser
import io
import json
import os
import pathlib
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time

AS_OF = "2022-11-01"
AGENCY = "NGHE-AN"
EXCEPTED = "QUANG-TRI"  # the sample's waiver and extension
STATUSES = ["overdue", "at_risk", "on_track", "waiting", "met_late", "met", "waived",
            "not_applicable"]
TIMELINE_DAYS = 90
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--virtual-time-budget=5000"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
MAX_REPORTED = 10


class Checker:
    def __init__(self):
        self.failures = []

    def ok(self, condition, label, detail=""):
        print(("ok    " if condition else "FAIL  ") + label)
        if not condition:
            self.failures.append(label + (": " + str(detail) if detail else ""))
        return condition

    def same(self, got, want, label):
        return self.ok(got == want, label, f"got {short(got)}, expected {short(want)}")


def short(value):
    text = repr(value)
    return text if len(text) < 400 else text[:400] + "..."


# ---- a small DOM ------------------------------------------------------------

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag=None, **attrs):
        """Descendants with `tag` (any when None) and attribute values (True: present)."""
        found = []
        for node in self.walk():
            if tag is not None and node.tag != tag:
                continue
            if all((name.replace("_", "-") in node.attrs) if want is True
                   else node.attrs.get(name.replace("_", "-")) == want
                   for name, want in attrs.items()):
                found.append(node)
        return found

    def by_id(self, ident):
        nodes = self.find_all(id=ident)
        return nodes[0] if nodes else None

    def classes(self):
        return (self.attrs.get("class") or "").split()


class DomBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_dom(text):
    builder = DomBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# ---- running things ---------------------------------------------------------

def export(binary, db, source, out, only):
    shutil.rmtree(out, ignore_errors=True)
    command = [binary, "export", "--db", str(db), "--rules", str(source / "rules"),
               "--as-of", AS_OF, "--out", str(out), "--only", only]
    run = subprocess.run(command, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"check_dashboard: {' '.join(command)} exited {run.returncode}:\n"
                 + run.stderr.decode("utf-8", "replace"))


def chromium(work, url, *flags):
    """Runs headless Chromium on `url`; returns its stdout (the DOM with --dump-dom)."""
    profile = work / "chromium-profile"
    shutil.rmtree(profile, ignore_errors=True)
    command = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *flags, url]
    started = time.monotonic()
    try:
        run = subprocess.run(command, capture_output=True, timeout=60)
    except FileNotFoundError:
        sys.exit("check_dashboard: chromium is not installed (Debian: apt-get install chromium)")
    except subprocess.TimeoutExpired:
        sys.exit(f"check_dashboard: chromium did not finish within 60 s on {url}")
    print(f"      chromium {' '.join(flags)} {url.rsplit('/', 1)[-1]}: "
          f"{time.monotonic() - started:.1f} s")
    if run.returncode != 0:
        sys.exit(f"check_dashboard: chromium exited {run.returncode} on {url}:\n"
                 + run.stderr.decode("utf-8", "replace")[-3000:])
    return run.stdout.decode("utf-8")


def render(work, page, fragment=""):
    return parse_dom(chromium(work, page.resolve().as_uri() + fragment, "--dump-dom"))


# ---- what the page must show ------------------------------------------------

def check_rendered(check, dom, label):
    body = dom.find_all("body")
    body = body[0] if body else Node("body", {}, None)
    error = body.attrs.get("data-error")
    check.ok(error is None, f"{label}: no script error recorded", error)
    return check.ok(body.attrs.get("data-rendered") == "ok",
                    f"{label}: the script finished rendering (body data-rendered=ok)",
                    f"data-rendered={body.attrs.get('data-rendered')!r}")


def tile_counts(container):
    counts = {}
    for tile in container.find_all(data_status=True) if container else []:
        if "tile" not in tile.classes():
            continue
        numbers = [n for n in tile.find_all("span") if "count" in n.classes()]
        if numbers:
            shown = numbers[0].text().replace(",", "")
            counts[tile.attrs["data-status"]] = (numbers[0].attrs.get("data-count"), shown)
    return counts


def check_tiles(check, container, expected, label):
    got = tile_counts(container)
    want = {k: (str(expected[k]), str(expected[k])) for k in STATUSES}
    return check.same(got, want, f"{label}: status tiles show {sum(expected.values())} findings "
                      "as " + ", ".join(f"{expected[k]} {k}" for k in STATUSES))


def finding_rows(table):
    """[(agency, obligation, period, status)] of a findings table's body rows."""
    if table is None:
        return None
    return [(tr.attrs.get("data-agency"), tr.attrs.get("data-obligation"),
             tr.attrs.get("data-period", ""), tr.attrs.get("data-status"))
            for tr in table.find_all("tr", data_obligation=True)]


def key(f):
    return (f["agency"]["id"], f["obligation_id"], f["period"], f["status"])


def check_national(check, dom, report, csv_rows, agencies):
    findings = report["findings"]
    json_counts = collections.Counter(f["status"] for f in findings)
    csv_counts = collections.Counter(r["status"] for r in csv_rows if r["type"] == "finding")
    check.same({k: csv_counts[k] for k in STATUSES}, {k: json_counts[k] for k in STATUSES},
               "findings.json and findings.csv count the same findings per status")
    check_tiles(check, dom.by_id("summary"), {k: json_counts[k] for k in STATUSES},
                "national")

    kinds = dom.by_id("kind-counts")
    got = {tr.attrs["data-kind"]: [int(td.text().replace(",", "")) for td in tr.find_all("td")[1:-1]]
           for tr in (kinds.find_all("tr", data_kind=True) if kinds else [])}
    want = collections.defaultdict(lambda: [0] * len(STATUSES))
    for f in findings:
        want[f["agency"]["kind"]][STATUSES.index(f["status"])] += 1
    check.same(got, dict(want), f"national: the by-kind table counts {len(want)} agency kinds "
               "as findings.json does")

    matrix = dom.by_id("matrix-table")
    rows = matrix.find_all("tr", data_agency=True) if matrix else []
    ids = [tr.attrs["data-agency"] for tr in rows]
    check.ok(len(ids) == len(agencies) and set(ids) == set(agencies),
             f"national: the agencies x obligations table has one row per agency "
             f"({len(ids)} rows, {len(agencies)} agencies in the database)",
             f"missing {sorted(set(agencies) - set(ids))[:5]}, "
             f"extra or repeated {sorted(i for i in ids if ids.count(i) > 1 or i not in agencies)[:5]}")
    names = {tr.attrs["data-agency"]: tr.find_all("th")[0].text() for tr in rows}
    wrong = [f"{i}: {names.get(i)!r} != {n!r}" for i, n in agencies.items() if names.get(i) != n]
    check.ok(not wrong, "national: each matrix row is named as in the database "
             "(Vietnamese diacritics intact)", "; ".join(wrong[:MAX_REPORTED]))
    for ident, name in (("BCA", "Bộ Công an"), (AGENCY, "Nghệ An")):
        check.ok(names.get(ident) == name, f"national: matrix row {ident} reads {name!r}",
                 repr(names.get(ident)))
    # Every cell of a row: one per matrix column, coloured by a status or "not owed".
    columns = None
    owed = collections.defaultdict(set)
    for f in findings:
        owed[f["agency"]["id"]].add(f["obligation_id"])
    bad_cells = []
    for tr in rows:
        cells = [td for td in tr.find_all("td") if "c" in td.classes()]
        coloured = [td for td in cells if td.attrs.get("data-status") in STATUSES]
        if len(coloured) != len(owed[tr.attrs["data-agency"]]):
            bad_cells.append(f"{tr.attrs['data-agency']}: {len(coloured)} coloured cells, "
                             f"{len(owed[tr.attrs['data-agency']])} obligations owed")
        if columns is None:
            columns = len(cells)
        elif len(cells) != columns:
            bad_cells.append(f"{tr.attrs['data-agency']}: {len(cells)} cells, not {columns}")
    check.ok(rows and not bad_cells, f"national: every matrix row has {columns} cells, one "
             "coloured per obligation the agency owes", "; ".join(bad_cells[:MAX_REPORTED]))

    for ident, status in (("overdue-list", "overdue"), ("at-risk-list", "at_risk")):
        got = finding_rows(dom.by_id(ident))
        want = [key(f) for f in findings if f["status"] == status]
        check.ok(got is not None and sorted(got) == sorted(want),
                 f"national: the {status} list holds the {len(want)} {status} findings",
                 f"{len(got or [])} rows" if got is None or len(got) != len(want)
                 else f"differs: {sorted(set(got) ^ set(want))[:5]}")

    # The at-risk list in the priority's order, each row showing its rank.
    table = dom.by_id("at-risk-list")
    got = [(tr.attrs.get("data-obligation"), tr.attrs.get("data-agency"), tr.attrs.get("data-rank"),
            tr.find_all("td")[0].text())
           for tr in (table.find_all("tr", data_obligation=True) if table else [])]
    want = [(f["obligation_id"], f["agency"]["id"], str(f["priority"]["rank"]))
            for f in findings if f["status"] == "at_risk"]
    check.ok([g[:3] for g in got] == want and
             all(g[3].startswith(f"{int(g[2]):,}tier ") for g in got) and
             [int(g[2]) for g in got] == list(range(1, len(got) + 1)),
             f"national: the at-risk list is in priority order, ranks 1-{len(want)} shown",
             f"{short([g for g, w in zip(got, want) if g[:3] != w])}")

    as_of = datetime.date.fromisoformat(AS_OF)
    due_soon = {(f["due"], f["obligation_id"]) for f in findings if f["due"]
                and 0 <= (datetime.date.fromisoformat(f["due"]) - as_of).days <= TIMELINE_DAYS}
    timeline = dom.by_id("timeline")
    got = [(d.attrs.get("data-due"), d.attrs.get("data-obligation"))
           for d in (timeline.find_all("div", data_due=True) if timeline else [])]
    check.ok(len(got) >= len(due_soon) and set(got) == due_soon and got == sorted(got),
             f"national: the timeline lists the {len(due_soon)} obligations due in the next "
             f"{TIMELINE_DAYS} days, by date", f"{short(sorted(set(got) ^ due_soon))}")

    text = dom.by_id("app").text() if dom.by_id("app") else ""
    check.ok("Bộ Công an" in text and "Nghệ An" in text and "Quá hạn" in text,
             "national: the page text holds 'Bộ Công an', 'Nghệ An' and 'Quá hạn'")


def check_agency(check, dom, report, name):
    page = dom.by_id("agency-page")
    check.ok(page is not None and page.attrs.get("data-agency") == AGENCY,
             f"#agency={AGENCY}: the agency page is shown")
    if page is None:
        return
    heading = page.find_all("h1")
    check.same(heading[0].text() if heading else None, name, f"#agency={AGENCY}: heading")
    mine = [f for f in report["findings"] if f["agency"]["id"] == AGENCY]
    counts = collections.Counter(f["status"] for f in mine)
    check_tiles(check, page, {k: counts[k] for k in STATUSES}, f"#agency={AGENCY}")
    got = finding_rows(page.by_id("agency-findings"))
    check.same(sorted(got or []), sorted(key(f) for f in mine),
               f"#agency={AGENCY}: the table holds its {len(mine)} findings, one row each")
    overdue = [key(f) for f in mine if f["status"] == "overdue"]
    check.ok(overdue and sorted(r for r in got or [] if r[3] == "overdue") == sorted(overdue),
             f"#agency={AGENCY}: its {len(overdue)} overdue items are listed "
             f"({', '.join(sorted(k[1] + (' ' + k[2] if k[2] else '') for k in overdue))})")
    text = page.text()
    missing = [f["obligation_id"] for f in mine if f["status"] == "overdue"
               and f["obligation_title"] not in text]
    check.ok(not missing, f"#agency={AGENCY}: the overdue items' Vietnamese titles are shown",
             ", ".join(missing))
    check.ok(all(r[0] == AGENCY for r in got or []), f"#agency={AGENCY}: no other agency's rows")


def check_waived_agency(check, dom, report):
    page = dom.by_id("agency-page")
    label = f"#agency={EXCEPTED}"
    mine = [f for f in report["findings"] if f["agency"]["id"] == EXCEPTED]
    counts = collections.Counter(f["status"] for f in mine)
    if not check.ok(page is not None and counts["waived"] == 1, f"{label}: the page is shown, "
                    "one finding waived in findings.json"):
        return
    check_tiles(check, page, {k: counts[k] for k in STATUSES}, label)
    table = page.by_id("agency-findings")
    waived = [tr for tr in (table.find_all("tr", data_obligation=True) if table else [])
              if tr.attrs.get("data-status") == "waived"]
    document = next(f["exception"]["document_number"] for f in mine if f["status"] == "waived")
    check.ok(len(waived) == 1 and waived[0].attrs.get("data-obligation") == "plan-411"
             and document in waived[0].text()
             and "miễn thực hiện" in waived[0].text().lower(),
             f"{label}: plan-411 is listed waived, with the waiver's document {document!r}",
             short([tr.text() for tr in waived]))


def check_offline(check, text):
    external = re.findall(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", text)
    check.ok(not external, "dashboard.html refers to nothing outside the file", external[:5])
    check.ok("default-src 'none'" in text, "dashboard.html forbids loading anything "
             "(Content-Security-Policy default-src 'none')")


def data_of(text):
    match = re.search(r'<script type="application/json" id="dxcomply-data">(.*?)</script>', text, re.S)
    return json.loads(match.group(1)) if match else None


def png_size(path):
    data = path.read_bytes()[:24] if path.exists() else b""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, db, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), \
        pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    check = Checker()

    export(binary, db, source, work / "html", "html")
    export(binary, db, source, work / "data", "json,csv")
    written = sorted(os.listdir(work / "html"))
    check.same(written, ["dashboard.html"], "export --only html writes dashboard.html only")
    page = work / "html" / "dashboard.html"
    text = page.read_text(encoding="utf-8")
    report = json.loads((work / "data" / "findings.json").read_text(encoding="utf-8"))
    csv_text = (work / "data" / "findings.csv").read_bytes().decode("utf-8-sig")
    csv_rows = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        # The agencies of the map on the as-of date (the sample holds 2025's too).
        agencies = dict(conn.execute(
            "SELECT id, name FROM agency WHERE (valid_from IS NULL OR valid_from <= :t)"
            " AND (valid_until IS NULL OR valid_until > :t)", {"t": AS_OF}))

    check_offline(check, text)
    data = data_of(text)
    check.ok(data is not None and data.get("as_of") == AS_OF
             and len(data.get("findings", [])) == len(report["findings"]),
             f"the embedded data parses as JSON: as of {AS_OF}, {len(report['findings'])} findings")

    national = render(work, page)
    if check_rendered(check, national, "national page"):
        check_national(check, national, report, csv_rows, agencies)
        sample = national.by_id("sample")
        check.ok(sample is not None and "hidden" not in sample.attrs
                 and sample.text().startswith("DỮ LIỆU MẪU"),
                 "national: the page says the database holds sample data",
                 repr(sample.text() if sample else None))

    agency = render(work, page, "#agency=" + AGENCY)
    if check_rendered(check, agency, f"#agency={AGENCY}"):
        check_agency(check, agency, report, agencies.get(AGENCY))

    excepted = render(work, page, "#agency=" + EXCEPTED)
    if check_rendered(check, excepted, f"#agency={EXCEPTED}"):
        check_waived_agency(check, excepted, report)

    # The checks above must be able to fail: a page whose data is broken
    # reports an error instead of finishing.
    broken = work / "broken.html"
    broken.write_text(text.replace('"findings":[', '"findings":{', 1), encoding="utf-8")
    body = render(work, broken).find_all("body")
    attrs = body[0].attrs if body else {}
    check.ok(attrs.get("data-rendered") == "error" and "JSON" in (attrs.get("data-error") or ""),
             "a copy with its data broken reports the error (data-rendered=error, data-error)",
             short(attrs))

    screenshot = work / "dashboard.png"
    chromium(work, page.resolve().as_uri(), "--hide-scrollbars", "--window-size=1400,1000",
             f"--screenshot={screenshot}")
    check.same(png_size(screenshot), (1400, 1000), f"screenshot {screenshot.name} is a 1400x1000 PNG")

    if check.failures:
        print(f"\ncheck_dashboard: {len(check.failures)} check(s) failed:", file=sys.stderr)
        for failure in check.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"\ncheck_dashboard: every check passed ({len(report['findings'])} findings)")


if __name__ == "__main__":
    main()
