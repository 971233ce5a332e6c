#!/usr/bin/env python3
"""Open the HTML dashboard in headless Chromium and use it as a person would.

    python3 tests/output/check_dashboard.py <dxcomply> <sample.db> <source-dir> <work-dir>
    python3 tests/output/check_dashboard.py <dxcomply> --scale 0.03 <source-dir> <work-dir>

Runs `dxcomply export --only html` (and `--only json,csv`, the figures to
compare with) as of 2022-11-01, then drives Debian's `chromium` through the
DevTools protocol (tests/output/cdp.py, over --remote-debugging-pipe, with
the network unreachable) on dashboard.html opened from disk:

- it renders (<body data-rendered="ok">, no data-error: the page records
  every uncaught error and every Content-Security-Policy violation there)
  and requests nothing but file: and data: URLs;
- the status tiles and the by-kind table count what findings.json counts;
- the agencies x obligations table has one row per agency of the database,
  named as there (diacritics intact), one coloured cell per obligation owed;
  its search finds "Hà Nội" typed "ha noi", its status filter keeps the
  agencies with something overdue, sorting by the overdue column orders
  the counts;
- the overdue and at-risk list holds exactly the overdue and at-risk
  findings, worst first, obligations named by their Vietnamese title (the
  id on hover), no legal source as a file path or internal reference; the
  agency search finds Nghệ An's rows typed "nghe an", "NGHE AN" or "Nghệ
  An"; the status, kind, theme and obligation filters keep exactly the
  matching findings; sorting by days, due date and agency orders every row
  (stable, the rest in worst-first order), paging shows the next 50;
  reasons wrap; a row opened shows its reason and blockers from the
  agency's file;
- #agency=NGHE-AN loads dashboard/NGHE-AN.js and lists its
  findings; its status filter works; a missing agency file says so, a copy
  with broken data reports the error, nothing else fails silently.

Screenshots of each step are kept in <work-dir> (national.png, search.png,
filter.png, sorted.png, detail.png, agency.png).

With --scale S the database is tests/bench/generate_large.py's at scale S
(--scale 0.03: 300 agencies and about 6,600 listed findings, more than the
page carries reasons for), and the checks are those a large country needs:
the page renders, the list is complete, search and filters work, and a row
opened gets its reason from the agency's file.

Standard library only. Prints one line per check; on failure, every failed
check and exit status 1.
"""

import collections
import datetime
import functools
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
import unicodedata

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cdp  # noqa: E402

AS_OF = "2022-11-01"
# Today's country (after the 2025 mergers): agencies of the date only,
# inherited duties, assumed due dates.
TODAY = "2026-12-01"
AGENCY = "NGHE-AN"
EXCEPTED = "QUANG-TRI"  # the sample's waiver and extension (issue 15)
STATUSES = ["overdue", "at_risk", "on_track", "waiting", "met_late", "met", "waived",
            "not_applicable"]
LISTED = ("overdue", "at_risk")
TIMELINE_DAYS = 90
MAX_REPORTED = 10
INTERNAL_REFERENCE = re.compile(r"seeds/\d|\(seeds|\.md\b|docs/|DOMAIN")

# Installed once in each page: helpers that use the page as a person does
# (typing, choosing, clicking) and read back what it shows.
HELPERS = r"""
window.__t = {
  sleep: (ms) => new Promise(r => setTimeout(r, ms)),
  async type(id, text) {
    const input = document.getElementById(id);
    input.value = text;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    await this.sleep(400);
  },
  async choose(id, value) {
    const s = document.getElementById(id);
    s.value = value;
    s.dispatchEvent(new Event("change", {bubbles: true}));
    await this.sleep(50);
  },
  async sort(tableId, key) {
    document.querySelector(`#${tableId} th[data-key="${key}"]`).click();
    await this.sleep(50);
    return document.querySelector(`#${tableId} th[data-key="${key}"]`).getAttribute("aria-sort");
  },
  state(tableId) {
    const t = document.getElementById(tableId);
    return {total: Number(t.dataset.total), page: Number(t.dataset.page), pages: Number(t.dataset.pages)};
  },
  rows(tableId) {
    return [...document.querySelectorAll(`#${tableId} > tbody > tr:not(.detail)`)]
      .filter(tr => tr.children.length > 1).map(tr => {
        const cells = [...tr.children];
        const title = tr.querySelector("td.title > span[title]");
        return Object.assign({}, tr.dataset, {
          obligation_text: title ? title.firstChild.textContent : null,
          obligation_hover: title ? title.getAttribute("title") : null,
          name: cells.length ? (tr.querySelector("a[href^='#agency=']") || {}).textContent : null,
          reason: (tr.querySelector("td.reason") || {}).innerText,
          due_text: (tr.querySelector("td.due") || {}).innerText,
          counts: cells.filter(td => td.classList.contains("num")).map(td => td.textContent),
          coloured: cells.filter(td => td.classList.contains("c") && td.dataset.status).length,
          cells: cells.filter(td => td.classList.contains("c")).length});
      });
  },
  // Every row the filters keep, page by page at 500 a page.
  async all(tableId) {
    const explorer = document.getElementById(tableId).closest(".explorer");
    const size = explorer.querySelector(".page-size");
    size.value = "500";
    size.dispatchEvent(new Event("change"));
    let rows = this.rows(tableId);
    while (!explorer.querySelector("[data-page-action=next]").disabled) {
      explorer.querySelector("[data-page-action=next]").click();
      rows = rows.concat(this.rows(tableId));
    }
    explorer.querySelector("[data-page-action=first]").click();
    size.value = "50";
    size.dispatchEvent(new Event("change"));
    return rows;
  },
  // Whether some cell's text is cut: wider than its cell and not wrapping.
  clipped(tableId) {
    return [...document.querySelectorAll(`#${tableId} td.reason, #${tableId} td.title`)]
      .filter(td => td.scrollWidth > td.clientWidth + 1 || getComputedStyle(td).whiteSpace === "nowrap")
      .length;
  }
};
true
"""


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


def fold(text):
    """As the page folds text for searching: no diacritics, đ as d, lower case."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("Đ", "D").lower()


# Vietnamese alphabetical order at the primary level (tones ignored): the
# order of the letters, ă after a, đ after d, ơ after ô, ư after u.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def vietnamese_key(name):
    letters = unicodedata.normalize("NFD", name.lower())
    letters = unicodedata.normalize("NFC", "".join(c for c in letters if c not in TONES))
    key = []
    for c in letters:
        if c in ALPHABET:
            key.append(100 + ALPHABET.index(c))
        elif c.isdigit():
            key.append(50 + int(c))
        else:
            key.append(1)  # spaces and punctuation before letters
    return key


# ---- running things ---------------------------------------------------------

def run(command, label):
    result = subprocess.run(command, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"check_dashboard: {label}: {' '.join(map(str, command))} exited "
                 f"{result.returncode}:\n" + result.stderr.decode("utf-8", "replace")[-3000:])
    return result


def export(binary, db, source, out, only, as_of=AS_OF):
    shutil.rmtree(out, ignore_errors=True)
    run([binary, "export", "--db", str(db), "--rules", str(source / "rules"), "--as-of", as_of,
         "--out", str(out), "--only", only], "export")


def agencies_on(db, date):
    """The agencies of the map on `date` (the sample holds 2022's and 2025's), by id."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return dict(conn.execute(
            "SELECT id, name FROM agency WHERE (valid_from IS NULL OR valid_from <= :t)"
            " AND (valid_until IS NULL OR valid_until > :t)", {"t": date}))


def open_page(browser, page_file, fragment=""):
    page = browser.open(page_file.resolve().as_uri() + fragment)
    page.wait_for("document.body && document.body.dataset.rendered && "
                  "document.body.dataset.rendered !== 'loading'", timeout=60)
    page.evaluate(HELPERS)
    return page


def body_state(page):
    return page.evaluate("({rendered: document.body.dataset.rendered, error: document.body.dataset.error || null,"
                         " view: document.body.dataset.view})")


def check_rendered(check, page, label):
    state = body_state(page)
    check.ok(state["error"] is None, f"{label}: no script error recorded", state["error"])
    outside = [u for u in page.requests() if not u.startswith(("file:", "data:"))]
    check.ok(not outside, f"{label}: nothing requested but the page's own files", outside[:5])
    return check.ok(state["rendered"] == "ok", f"{label}: the script finished rendering "
                    "(body data-rendered=ok)", state)


def png_size(path):
    data = path.read_bytes()[:24] if path.exists() else b""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def key(f):
    return (f["agency"]["id"], f["obligation_id"], f["period"], f["status"])


def row_key(r):
    return (r["agency"], r["obligation"], r.get("period", ""), r["status"])


def days_of(f):
    return f["days_overdue"] if f["status"] == "overdue" else f["days_left"]


# ---- the national page ------------------------------------------------------

def check_summary(check, page, findings):
    counts = collections.Counter(f["status"] for f in findings)
    tiles = page.evaluate("Object.fromEntries([...document.querySelectorAll('#summary .tile')]"
                          ".map(t => [t.dataset.status, t.querySelector('.count').dataset.count]))")
    check.same(tiles, {k: str(counts[k]) for k in STATUSES},
               f"national: the status tiles count {len(findings)} findings as findings.json does")
    kinds = page.evaluate("Object.fromEntries([...document.querySelectorAll('#kind-counts tr[data-kind]')]"
                          ".map(tr => [tr.dataset.kind, [...tr.querySelectorAll('td.num')]"
                          ".map(td => Number(td.textContent.replace(/\\./g, '')))]))")
    want = collections.defaultdict(lambda: [0] * len(STATUSES))
    for f in findings:
        want[f["agency"]["kind"]][STATUSES.index(f["status"])] += 1
    check.same(kinds, dict(want), f"national: the by-kind table counts {len(want)} agency kinds")


def check_sample(check, page, sample):
    shown = page.evaluate("(() => { const s = document.getElementById('sample');"
                          " return s && !s.hidden ? s.textContent + ' | ' + s.title : null; })()")
    note = page.evaluate("(document.getElementById('sample-note') || {}).textContent || null")
    if sample:
        check.ok(shown and shown.startswith("DỮ LIỆU MẪU") and note and note.startswith("DỮ LIỆU MẪU"),
                 "national: the header and the page say the database holds sample data", f"{shown!r} {note!r}")
    else:
        check.ok(shown is None and note is None, "national: no sample-data notice for real data",
                 f"{shown!r} {note!r}")


def check_agencies_table(check, page, findings, agencies, work):
    table = "agencies-table"
    rows = page.evaluate(f"__t.all('{table}')")
    ids = [r["agency"] for r in rows]
    check.ok(sorted(ids) == sorted(agencies),
             f"agencies: one row per agency of the database ({len(ids)} rows, {len(agencies)} agencies)",
             f"missing {sorted(set(agencies) - set(ids))[:5]}, extra {sorted(set(ids) - set(agencies))[:5]}")
    wrong = [f"{r['agency']}: {r['name']!r}" for r in rows if r["name"] != agencies.get(r["agency"])]
    check.ok(not wrong, "agencies: each row named as in the database (diacritics intact)", wrong[:5])
    owed = collections.defaultdict(set)
    for f in findings:
        owed[f["agency"]["id"]].add(f["obligation_id"])
    bad = [f"{r['agency']}: {r['coloured']} coloured, owes {len(owed[r['agency']])}" for r in rows
           if r["coloured"] != len(owed[r["agency"]])]
    check.ok(rows and not bad and len({r["cells"] for r in rows}) == 1,
             f"agencies: every row has {rows[0]['cells'] if rows else 0} cells, one coloured per obligation owed",
             bad[:5])
    keys = [vietnamese_key(agencies[i]) for i in ids]
    check.ok(all(a <= b for a, b in zip(keys, keys[1:])),
             "agencies: in Vietnamese alphabetical order (Bắc Giang after Bảo hiểm xã hội, Bộ after Bình)",
             [agencies[i] for i in ids[:12]])

    page.evaluate("__t.type('agencies-search', 'ha noi')")
    found = [r["name"] for r in page.evaluate(f"__t.rows('{table}')")]
    check.ok("Hà Nội" in found and all("ha noi" in fold(n) for n in found),
             "agencies: 'ha noi' (no diacritics) finds Hà Nội and only names containing it", found)
    page.evaluate("__t.type('agencies-search', '')")
    # The header's search box: suggestions as one types, Enter opens the first.
    page.evaluate("__t.type('agency-search', 'quang nam')")
    hits = page.evaluate("[...document.querySelectorAll('#agency-hits a')].map(a => a.dataset.agency)")
    check.ok(hits and hits[0] == "QUANG-NAM" and all("quang nam" in fold(agencies[h]) for h in hits),
             "header: typing 'quang nam' suggests Quảng Nam first", hits)
    page.evaluate("__t.type('agency-search', '')")

    # A theme shows its obligations' columns only.
    theme = sorted({f["theme"] for f in findings if f["agency"]["kind"] != "national"})[0]
    page.evaluate(f"__t.choose('agencies-theme', {json.dumps(theme)})")
    shown = page.evaluate(f"[...document.querySelectorAll('#{table} thead th[data-obligation]')]"
                          ".filter(th => th.style.display !== 'none').map(th => th.dataset.obligation)")
    of_theme = {f["obligation_id"] for f in findings if f["theme"] == theme and f["agency"]["kind"] != "national"}
    check.same(sorted(shown), sorted(of_theme), f"agencies: the theme {theme!r} shows its {len(of_theme)} "
               "obligations' columns only")
    page.evaluate("__t.choose('agencies-theme', '')")
    kinds = {f["agency"]["id"]: f["agency"]["kind"] for f in findings}
    for kind, status in (("ministry", ""), ("gov_agency", "clear"), ("province", "overdue")):
        page.evaluate(f"__t.choose('agencies-kind', '{kind}')")
        page.evaluate(f"__t.choose('agencies-status', '{status}')")
        rows = page.evaluate(f"__t.all('{table}')")
        late = {f["agency"]["id"] for f in findings if f["status"] in LISTED}
        want = sorted(i for i in agencies if kinds.get(i) == kind
                      and (status != "clear" or i not in late)
                      and (status != "overdue" or any(f["agency"]["id"] == i and f["status"] == "overdue"
                                                      for f in findings)))
        check.same(sorted(r["agency"] for r in rows), want,
                   f"agencies: kind {kind}{', status ' + status if status else ''} keeps its {len(want)} agencies")
    page.evaluate("__t.choose('agencies-kind', '')")
    page.evaluate("__t.choose('agencies-status', '')")
    direction = page.evaluate(f"__t.sort('{table}', 'overdue')")
    rows = page.evaluate(f"__t.all('{table}')")
    overdue = collections.Counter(f["agency"]["id"] for f in findings if f["status"] == "overdue")
    shown = [int(r["counts"][0].replace(".", "")) for r in rows]
    check.ok(direction == "descending" and shown == sorted(shown, reverse=True)
             and shown == [overdue[r["agency"]] for r in rows],
             "agencies: sorting by the overdue column puts the most overdue first", shown[:10])
    page.evaluate(f"__t.sort('{table}', 'name')")


def check_list(check, page, findings, agencies, themes, work, small):
    table = "findings-table"
    listed = [f for f in findings if f["status"] in LISTED]
    rows = page.evaluate(f"__t.all('{table}')")
    check.same([row_key(r) for r in rows], [key(f) for f in listed],
               f"list: the {len(listed)} overdue and at-risk findings, worst first")
    titles = {f["obligation_id"]: f["obligation_title"] for f in findings}
    wrong = [f"{r['obligation']}: {r['obligation_text']!r}" for r in rows
             if r["obligation_text"] != titles[r["obligation"]] or r["obligation_hover"] != r["obligation"]]
    check.ok(not wrong, "list: obligations named by their Vietnamese title, the id on hover", wrong[:3])
    text = page.evaluate("document.getElementById('app').innerText")
    check.ok(not INTERNAL_REFERENCE.search(text), "national: no legal source shown as a file path or "
             "internal reference (seeds/…, *.md, docs/)", INTERNAL_REFERENCE.findall(text)[:5])
    if small:
        # The finding's own reason (the catalogue's Vietnamese), as findings.json has it.
        reasons = {key(f): f["reason"] for f in listed}
        missing = [r for r in rows if not r["reason"] or r["reason"].split("\n")[0] != reasons[row_key(r)]
                   or re.search(r"\b(overdue|left|target|blocked)\b", r["reason"])]
        check.ok(not missing, "list: every row's reason is the finding's, in Vietnamese", missing[:2])
        check.same(page.evaluate(f"__t.clipped('{table}')"), 0,
                   "list: no reason or title is cut off (they wrap)")
    page.call("Page.navigate", {"url": page.evaluate("location.href.split('#')[0]") + "#findings"})
    time.sleep(0.3)
    page.screenshot(str(work / "national.png"))

    # Search by agency name, with and without diacritics.
    names = {f["agency"]["id"]: f["agency"]["name"] for f in findings}
    mine = [key(f) for f in listed if "nghe an" in fold(names[f["agency"]["id"]])]
    if small:
        check.ok(mine and mine == [key(f) for f in listed if f["agency"]["id"] == AGENCY],
                 f"list: only {AGENCY}'s name holds 'Nghệ An'")
    for typed in ("nghe an", "NGHE AN", "Nghệ An"):
        page.evaluate(f"__t.type('findings-search', {json.dumps(typed)})")
        got = [row_key(r) for r in page.evaluate(f"__t.all('{table}')")]
        check.same(got, mine, f"list: searching {typed!r} finds the {len(mine)} rows of agencies "
                   "named 'Nghệ An', only those")
    page.screenshot(str(work / "search.png"))
    page.evaluate("__t.type('findings-search', '')")

    # Filters, each alone and together.
    ministry_theme = sorted(themes)[0]
    cases = [("status overdue", [("findings-status", "overdue")], lambda f: f["status"] == "overdue"),
             ("kind ministry + at risk", [("findings-kind", "ministry"), ("findings-status", "at_risk")],
              lambda f: f["agency"]["kind"] == "ministry" and f["status"] == "at_risk"),
             (f"theme {ministry_theme!r}", [("findings-theme", ministry_theme)],
              lambda f: f["theme"] == ministry_theme),
             ("obligation is-classify", [("findings-obligation", "is-classify")],
              lambda f: f["obligation_id"] == "is-classify")]
    if not small:
        cases = [cases[0], cases[3]]
    for label, choices, keep in cases:
        for control, value in choices:
            page.evaluate(f"__t.choose('{control}', {json.dumps(value)})")
        want = [key(f) for f in listed if keep(f)]
        total = page.evaluate(f"__t.state('{table}').total")
        got = [row_key(r) for r in page.evaluate(f"__t.all('{table}')")]
        check.ok(want and total == len(want) and got == want,
                 f"list: filter {label} keeps its {len(want)} findings", f"{total} shown")
        if label.startswith("kind"):
            page.screenshot(str(work / "filter.png"))
        for control, _ in choices:
            page.evaluate(f"__t.choose('{control}', '')")

    # Sorting: every row in order, ties in worst-first order (a stable sort).
    for column, value, label in (("days", days_of, "days"), ("due", lambda f: f["due"] or "9999", "due date")):
        first = page.evaluate(f"__t.sort('{table}', '{column}')")
        got = [row_key(r) for r in page.evaluate(f"__t.all('{table}')")]
        check.same(got, [key(f) for f in sorted(listed, key=value)],
                   f"list: sorted by {label}, ascending ({first})")
        second = page.evaluate(f"__t.sort('{table}', '{column}')")
        got = [row_key(r) for r in page.evaluate(f"__t.all('{table}')")]
        check.same(got, [key(f) for f in descending(listed, value)],
                   f"list: sorted by {label}, descending ({second})")
    page.evaluate(f"__t.sort('{table}', 'agency')")
    got = page.evaluate(f"__t.all('{table}')")
    keys = [vietnamese_key(agencies.get(r["agency"], r["name"] or "")) for r in got]
    check.ok(len(got) == len(listed) and all(a <= b for a, b in zip(keys, keys[1:])),
             "list: sorted by agency, in Vietnamese alphabetical order")
    page.screenshot(str(work / "sorted.png"))

    # The at-risk rows show their rank; sorting by it keeps the overdue rows
    # first, then the at-risk ones by rank.
    ranks = {key(f): f["priority"]["rank"] for f in listed if f["status"] == "at_risk"}
    got = page.evaluate(f"__t.sort('{table}', 'priority')")
    rows = page.evaluate(f"__t.all('{table}')")
    check.ok([row_key(r) for r in rows] == [key(f) for f in listed]
             and all(int(r.get("rank") or 0) == ranks.get(row_key(r), 0) for r in rows),
             f"list: the at-risk rows show their priority rank (1-{len(ranks)}), and sorting by it "
             "gives the overdue rows, then the at-risk ones in priority order")

    # Paging: 50 a page, the next page the next 50.
    page.evaluate(f"__t.sort('{table}', 'days')")
    before = page.evaluate(f"__t.rows('{table}')")
    page.evaluate(f"document.querySelector('#{table}').closest('.explorer').querySelector('[data-page-action=next]').click()")
    after = page.evaluate(f"__t.rows('{table}')")
    state = page.evaluate(f"__t.state('{table}')")
    ordered = [key(f) for f in sorted(listed, key=days_of)]
    check.ok(len(before) == 50 and state["page"] == 2 and [row_key(r) for r in after] == ordered[50:100],
             f"list: 50 rows a page, page 2 of {state['pages']} shows rows 51-100", state)

    # A row opened shows its reason and blockers from the agency's file.
    page.evaluate(f"document.querySelector('#{table}').closest('.explorer').querySelector('[data-page-action=first]').click()")
    page.evaluate(f"__t.type('findings-search', 'nghe an')")
    page.evaluate(f"__t.choose('findings-obligation', 'is-protect')")
    page.evaluate(f"document.querySelector('#{table} button.open').click()")
    detail, _ = page.wait_for(f"(() => {{ const d = document.querySelector('#{table} tr.detail');"
                              f" return d && !d.innerText.includes('Đang tải') && d.innerText; }})()")
    # The reason is in the row already (small list) or comes with the detail.
    reason = "phải chờ" in (detail if not small else page.evaluate(f"__t.rows('{table}')")[0]["reason"])
    check.ok(reason and "Đang chờ" in detail and "Văn bản" in detail and "Nghệ An" in detail,
             "list: a row opened shows its reason, what blocks it and its document (from the agency's file)",
             detail[:300])
    page.screenshot(str(work / "detail.png"))
    page.evaluate("__t.choose('findings-obligation', '')")
    page.evaluate("__t.type('findings-search', '')")


def descending(rows, value):
    """Largest first, equal values in their given order (the page's stable sort)."""
    position = {id(r): i for i, r in enumerate(rows)}

    def compare(a, b):
        va, vb = value(a), value(b)
        if va != vb:
            return -1 if va > vb else 1
        return position[id(a)] - position[id(b)]
    return sorted(rows, key=functools.cmp_to_key(compare))


def check_timeline(check, page, findings):
    as_of = datetime.date.fromisoformat(AS_OF)
    due_soon = sorted({(f["due"], f["obligation_id"], f["period"]) for f in findings if f["due"]
                       and 0 <= (datetime.date.fromisoformat(f["due"]) - as_of).days <= TIMELINE_DAYS})
    got = page.evaluate("[...document.querySelectorAll('#timeline [data-due]')].map(d => [d.dataset.due, d.dataset.obligation])")
    check.same([tuple(g) for g in got], [(d, o) for d, o, _ in due_soon],
               f"timeline: the {len(due_soon)} deadlines of the next {TIMELINE_DAYS} days, by date")


# ---- an agency's page -------------------------------------------------------

def check_agency(check, browser, page_file, findings, name, work):
    page = open_page(browser, page_file, "#agency=" + AGENCY)
    if not check_rendered(check, page, f"#agency={AGENCY}"):
        return
    check.same(page.evaluate("document.querySelector('#agency-page h1').textContent"), name,
               f"#agency={AGENCY}: the heading is its name")
    mine = [f for f in findings if f["agency"]["id"] == AGENCY]
    rows = page.evaluate("__t.all('agency-findings')")
    check.same(sorted((AGENCY, r["obligation"], r["period"], r["status"]) for r in rows),
               sorted(key(f) for f in mine), f"#agency={AGENCY}: its {len(mine)} findings, one row each")
    requested = [u for u in page.requests() if "/dashboard/" in u]
    check.ok(any(u.endswith(f"/dashboard/{AGENCY}.js") for u in requested),
             f"#agency={AGENCY}: its detail came from dashboard/{AGENCY}.js", requested)
    page.evaluate("__t.choose('agency-status', 'overdue')")
    overdue = sorted(key(f) for f in mine if f["status"] == "overdue")
    got = sorted((AGENCY, r["obligation"], r["period"], r["status"]) for r in page.evaluate("__t.rows('agency-findings')"))
    check.ok(overdue and got == overdue, f"#agency={AGENCY}: the status filter shows its {len(overdue)} overdue items")
    text = page.evaluate("document.getElementById('app').innerText")
    missing = [f["obligation_id"] for f in mine if f["status"] == "overdue" and f["obligation_title"] not in text]
    check.ok(not missing, f"#agency={AGENCY}: the overdue items' Vietnamese titles are shown", missing)
    page.evaluate("__t.choose('agency-status', '')")
    text = page.evaluate("document.getElementById('app').innerText")
    check.ok(not INTERNAL_REFERENCE.search(text), f"#agency={AGENCY}: no source shown as a path or internal reference",
             INTERNAL_REFERENCE.findall(text)[:5])
    page.screenshot(str(work / "agency.png"))
    page.close()


def check_exceptions(check, browser, page_file, findings):
    """Quảng Trị's waived duty is shown as waived with its document; its
    extended one shows the original due date and the document where its due
    date is shown, in the national list and on its page."""
    mine = [f for f in findings if f["agency"]["id"] == EXCEPTED]
    waived = [f for f in mine if f["status"] == "waived"]
    extended = [f for f in mine if f.get("original_due")]
    check.ok(waived and extended, f"{EXCEPTED}: the sample has a waived and an extended finding",
             (len(waived), len(extended)))

    def shows_extension(rows, label):
        for f in extended:
            number = f["exception"]["document_number"]
            original = "/".join(reversed(f["original_due"].split("-")))
            texts = [r["due_text"] for r in rows if r["obligation"] == f["obligation_id"]
                     and r["agency"] == EXCEPTED and r["period"] == f["period"]]
            check.ok(len(texts) == 1 and original in texts[0] and number in texts[0],
                     f"{label}: {f['obligation_id']}'s due date says it was extended from {original} "
                     f"by {number}", texts)

    page = open_page(browser, page_file)
    if check_rendered(check, page, "national page (exceptions)"):
        tiles = page.evaluate("[...document.querySelectorAll('#status-tiles .tile.s-waived .count')].map(e => e.dataset.count)")
        count = sum(1 for f in findings if f["status"] == "waived")
        check.ok(tiles and tiles[0].replace(".", "").replace(",", "") == str(count),
                 f"national: a 'waived' tile counts the {count} waived findings", tiles)
        shows_extension([r for r in page.evaluate("__t.all('findings-table')") if r.get("agency") == EXCEPTED],
                        "national list")
    page.close()
    page = open_page(browser, page_file, "#agency=" + EXCEPTED)
    if not check_rendered(check, page, f"#agency={EXCEPTED}"):
        return
    page.evaluate("__t.choose('agency-status', 'waived')")
    rows = page.evaluate("__t.rows('agency-findings')")
    check.same(sorted((EXCEPTED, r["obligation"], r["period"], r["status"]) for r in rows),
               sorted(key(f) for f in waived), f"#agency={EXCEPTED}: the status filter keeps its waived duty")
    text = page.evaluate("document.getElementById('app').innerText")
    for f in waived:
        number = f["exception"]["document_number"]
        check.ok("miễn thực hiện" in text.lower() and number in text,
                 f"#agency={EXCEPTED}: its waived duty is labelled waived and names {number}")
    page.evaluate("__t.choose('agency-status', '')")
    shows_extension([dict(r, agency=EXCEPTED) for r in page.evaluate("__t.all('agency-findings')")],
                    f"#agency={EXCEPTED}")
    page.close()


def check_today(check, browser, binary, db, source, work):
    """As of TODAY: only the agencies existing then; an agency's page marks its
    assumed due dates "dự kiến" and says whose duty each inherited one was."""
    export(binary, db, source, work / "today", "html,json", TODAY)
    findings = json.loads((work / "today" / "findings.json").read_text(encoding="utf-8"))["findings"]
    agencies = agencies_on(db, TODAY)
    page = open_page(browser, work / "today" / "dashboard.html")
    if not check_rendered(check, page, f"{TODAY}: national page"):
        return
    ids = [r["agency"] for r in page.evaluate("__t.all('agencies-table')")]
    check.ok(sorted(ids) == sorted(agencies) and len(agencies) < 93,
             f"{TODAY}: the agencies table lists the {len(agencies)} agencies existing on the date, no other",
             sorted(set(ids) ^ set(agencies))[:10])
    page.close()
    # The agency with the most inherited duties due on an assumed date.
    both = collections.Counter(f["agency"]["id"] for f in findings
                               if f.get("inherited_from") and f.get("due_assumed") and f["due"])
    if not check.ok(both, f"{TODAY}: some agency inherited duties due on assumed dates"):
        return
    agency = both.most_common(1)[0][0]
    mine = {key(f): f for f in findings if f["agency"]["id"] == agency}
    page = open_page(browser, work / "today" / "dashboard.html", "#agency=" + agency)
    if not check_rendered(check, page, f"{TODAY}: #agency={agency}"):
        return
    rows = page.evaluate("__t.all('agency-findings')")
    wrong = []
    for r in rows:
        f = mine.get((agency, r["obligation"], r.get("period", ""), r["status"]))
        if f is None:
            wrong.append(f"{r['obligation']}: not in findings.json")
            continue
        assumed = bool(f.get("due_assumed") and f["due"])
        if ("dự kiến" in (r["due_text"] or "")) != assumed:
            wrong.append(f"{r['obligation']}: due shown {r['due_text']!r}, due_assumed {assumed}")
        for origin in f.get("inherited_from") or []:
            if "kế thừa từ" not in r["reason"] or origin["agency_name"] not in r["reason"]:
                wrong.append(f"{r['obligation']}: reason {r['reason'][:200]!r} without its origin")
    check.ok(len(rows) == len(mine) and not wrong,
             f"{TODAY}: #agency={agency}: assumed due dates shown 'dự kiến', inherited duties say "
             f"whose they were ({both[agency]} rows with both, {len(rows)} in all)", wrong[:5])
    page.screenshot(str(work / "today.png"))
    page.close()


def check_failures(check, browser, work, text):
    # An agency whose file is missing: said on the page, no script error.
    copy = work / "copy"
    shutil.copytree(work / "html", copy)
    (copy / "dashboard" / f"{AGENCY}.js").unlink()
    page = open_page(browser, copy / "dashboard.html", "#agency=" + AGENCY)
    state = body_state(page)
    note = page.evaluate("(document.getElementById('agency-missing') || {}).textContent || ''")
    check.ok(state["rendered"] == "ok" and state["error"] is None and f"{AGENCY}.js" in note,
             "a missing agency file is said on its page, naming the file", f"{state} {note!r}")
    page.close()
    # The checks above must be able to fail: a page whose data is broken
    # reports an error instead of finishing.
    broken = work / "html" / "broken.html"
    broken.write_text(text.replace('"list":{', '"list":[', 1), encoding="utf-8")
    page = browser.open(broken.resolve().as_uri())
    state, _ = page.wait_for("document.body && document.body.dataset.rendered && "
                             "document.body.dataset.rendered !== 'loading' && Object.assign({}, document.body.dataset)")
    check.ok(state.get("rendered") == "error" and "JSON" in (state.get("error") or ""),
             "a copy with its data broken reports the error (data-rendered=error, data-error)", short(state))
    page.close()


def check_english(check, browser, binary, db, source, work):
    """With --lang en the page's own words, its labels, reasons, numbers and
    dates are English (the message catalogue's keys); Vietnamese by default."""
    out = work / "english"
    shutil.rmtree(out, ignore_errors=True)
    run([binary, "--lang", "en", "export", "--db", str(db), "--rules", str(source / "rules"),
         "--as-of", AS_OF, "--out", str(out), "--only", "html,json"], "export --lang en")
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    page = open_page(browser, out / "dashboard.html")
    if not check_rendered(check, page, "--lang en: national page"):
        return
    header = page.evaluate("document.querySelector('header.top').innerText")
    heading = page.evaluate("document.querySelector('#national-view h1').innerText")
    check.ok("Data as of 2022-11-01" in header and "Overview" in header and "Tổng quan" not in header
             and heading == "Digital transformation: obligations and deadlines"
             and page.evaluate("document.documentElement.lang") == "en",
             "--lang en: the header, navigation and title in English, the date as ISO", [header, heading])
    rows = page.evaluate("__t.all('findings-table')")
    reasons = {key(f): f["reason"] for f in findings}
    wrong = [r for r in rows if r["reason"].split("\n")[0] != reasons[row_key(r)]
             or "quá hạn" in r["reason"] or r["due_text"].split("\n")[0] != r["due"]]
    check.ok(rows and not wrong, "--lang en: the list's reasons are the English findings', its dates ISO",
             wrong[:2])
    page.close()


def main():
    args = sys.argv[1:]
    scale = None
    if len(args) == 5 and args[1] == "--scale":
        scale = float(args[2])
        args = [args[0], None, args[3], args[4]]
    if len(args) != 4:
        sys.exit(__doc__)
    binary, source, work = args[0], pathlib.Path(args[2]), pathlib.Path(args[3])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if scale is None:
        db = pathlib.Path(args[1])
    else:
        db = work / "large.db"
        run([sys.executable, str(source / "tests" / "bench" / "generate_large.py"), "--schema",
             str(source / "data" / "schema.sql"), "--out", str(db), "--scale", str(scale)], "generate")
    check = Checker()

    export(binary, db, source, work / "html", "html")
    export(binary, db, source, work / "data", "json")
    written = sorted(os.listdir(work / "html"))
    check.same(written, ["dashboard", "dashboard.html", "run.json", "runs.jsonl"],
               "export --only html writes dashboard.html and the dashboard/ folder only "
               "(and the run's record)")
    page_file = work / "html" / "dashboard.html"
    text = page_file.read_text(encoding="utf-8")
    report = json.loads((work / "data" / "findings.json").read_text(encoding="utf-8"))
    findings = report["findings"]
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        sample = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'dataset'").fetchone()[0] \
            and conn.execute("SELECT coalesce(max(sample), 0) FROM dataset").fetchone()[0] == 1
    agencies = agencies_on(db, AS_OF)
    files = sorted(os.listdir(work / "html" / "dashboard"))
    named = {f["agency"]["id"] for f in findings} | set(agencies)
    check.same(files, sorted(f"{a}.js" for a in named),
               f"dashboard/ holds one file per agency ({len(named)})")
    check.ok("default-src 'none'" in text and not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text),
             "dashboard.html refers to nothing outside its folder (CSP default-src 'none')")
    small = scale is None
    listed = sum(f["status"] in LISTED for f in findings)
    check.ok(('"list_reasons":true' in text) == small,
             f"the national page carries the list's reasons {'inline' if small else 'in the agency files'} "
             f"({listed} rows)")

    themes = {f["theme"] for f in findings if f["agency"]["kind"] != "national"}
    with cdp.Browser(work / "chromium-profile") as browser:
        page = open_page(browser, page_file)
        if check_rendered(check, page, "national page"):
            check_summary(check, page, findings)
            check_sample(check, page, sample)
            if small:
                check_agencies_table(check, page, findings, agencies, work)
            check_list(check, page, findings, agencies, themes, work, small)
            if small:
                check_timeline(check, page, findings)
        page.close()
        if small:
            check_agency(check, browser, page_file, findings, agencies.get(AGENCY), work)
            check_exceptions(check, browser, page_file, findings)
            check_failures(check, browser, work, text)
            check_today(check, browser, binary, db, source, work)
            check_english(check, browser, binary, db, source, work)
    for shot in ("national.png", "search.png", "detail.png") + (("filter.png", "sorted.png", "agency.png", "today.png") if small else ()):
        check.ok(png_size(work / shot) == (1400, 1000), f"screenshot {shot} kept (1400x1000 PNG)")

    if check.failures:
        print(f"\ncheck_dashboard: {len(check.failures)} check(s) failed:", file=sys.stderr)
        for failure in check.failures:
            print("  " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"\ncheck_dashboard: every check passed ({len(findings)} findings; screenshots in {work})")


if __name__ == "__main__":
    main()
