#!/usr/bin/env python3
"""How fast the large country's dashboard opens in headless Chromium.

    python3 tests/bench/dashboard_load.py <dxcomply> <large.db> <work-dir> [--runs N]

Run by tests/bench/run.sh after the report's timings; standard library only
(the browser is driven through tests/output/cdp.py). It

1. runs `dxcomply export --only html` on the database as of 2022-11-01
   (timed), and measures what it wrote: dashboard.html, and the agency files
   in dashboard/;
2. opens dashboard.html from disk N times (default 3), each in a new tab of
   one headless Chromium, and times each from Page.navigate until the page
   says it has drawn everything (<body data-rendered="ok">, set after the
   summary, the first page of each table and the timeline are in the DOM),
   polled every 20 ms; also the page's own figure (performance.now() at
   that moment, from the navigation's start);
3. in the last tab, opens the agency with the most findings
   (#agency=<id>: its file is loaded with a <script> tag) and times it to
   drawn; then types "nghe an" in the list's search box and times the
   list's answer (including the page's 150 ms pause after typing);
4. prints the figures and the goal: the national page opens in under 3 s
   (median of the runs).

Exits non-zero only when something fails (export, browser); a missed goal is
printed as MISS.
"""

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "output"))
import cdp  # noqa: E402

AS_OF = "2022-11-01"
GOAL_SECONDS = 3.0
RENDERED = ("document.body && document.body.dataset.rendered && "
            "document.body.dataset.rendered !== 'loading' && "
            "({rendered: document.body.dataset.rendered, error: document.body.dataset.error || null, "
            "ms: Number(document.body.dataset.renderedMs)})")


def megabytes(size):
    return size / 1e6


def main():
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    binary, db, work = args[0], pathlib.Path(args[1]), pathlib.Path(args[2])
    repo = pathlib.Path(__file__).resolve().parents[2]
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    out = work / "export"

    started = time.monotonic()
    result = subprocess.run([binary, "export", "--db", str(db), "--rules", str(repo / "rules"),
                             "--as-of", AS_OF, "--out", str(out), "--only", "html"], capture_output=True)
    export_seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit("dashboard_load: export failed:\n" + result.stderr.decode("utf-8", "replace")[-2000:])
    page = out / "dashboard.html"
    agency_files = list((out / "dashboard").iterdir())
    sizes = [f.stat().st_size for f in agency_files]

    opens, in_page = [], []
    with cdp.Browser(work / "chromium-profile", timeout=120) as browser:
        for run in range(runs):
            tab = browser.open(None)
            started = time.monotonic()
            tab.navigate(page.resolve().as_uri())
            state, _ = tab.wait_for(RENDERED, timeout=120, interval=0.02)
            seconds = time.monotonic() - started
            if state["rendered"] != "ok":
                sys.exit(f"dashboard_load: the page failed: {state['error']}")
            opens.append(seconds)
            in_page.append(state["ms"] / 1000)
            print(f"  run {run + 1}: national page drawn after {seconds:.2f} s "
                  f"(page's own figure {state['ms'] / 1000:.2f} s)", file=sys.stderr)
            if run < runs - 1:
                tab.close()

        # The agency with the most findings, and a search in the list.
        largest = tab.evaluate("(() => { const d = JSON.parse(document.getElementById('dxcomply-data').textContent);"
                               " let best = d.agencies[0]; for (const a of d.agencies) {"
                               " const n = a.counts.reduce((x, y) => x + y, 0);"
                               " if (n > best.counts.reduce((x, y) => x + y, 0)) best = a; }"
                               " return {id: best.id, name: best.name, findings: best.counts.reduce((x, y) => x + y, 0)}; })()")
        started = time.monotonic()
        tab.evaluate(f"location.hash = 'agency=' + encodeURIComponent({json.dumps(largest['id'])}); true")
        tab.wait_for("document.body.dataset.view === 'agency' && document.body.dataset.rendered === 'ok' && "
                     "!!document.getElementById('agency-findings')", timeout=60)
        agency_seconds = time.monotonic() - started
        tab.evaluate("location.hash = ''; true")
        tab.wait_for("document.body.dataset.view === 'national' && document.body.dataset.rendered === 'ok'",
                     timeout=120)
        before = tab.evaluate("document.getElementById('findings-table').dataset.total")
        query = "nghe an"  # typed without diacritics
        started = time.monotonic()
        tab.evaluate("(() => { const i = document.getElementById('findings-search');"
                     f" i.value = {json.dumps(query)}; i.dispatchEvent(new Event('input')); return true; }})()")
        tab.wait_for(f"document.getElementById('findings-table').dataset.total !== {json.dumps(before)}",
                     timeout=60, interval=0.01)
        search_seconds = time.monotonic() - started
        found = tab.evaluate("document.getElementById('findings-table').dataset.total")
        tab.screenshot(str(work / "large-dashboard.png"))

    median = statistics.median(opens)
    print()
    print(f"  dashboard (export --only html, then headless Chromium; {runs} opens):")
    print(f"    export --only html          {export_seconds:8.2f} s")
    print(f"    dashboard.html              {megabytes(page.stat().st_size):8.1f} MB")
    print(f"    dashboard/         {len(agency_files):8,} files, {megabytes(sum(sizes)):.1f} MB "
          f"(largest {megabytes(max(sizes) if sizes else 0):.2f} MB)")
    print(f"    national page opens in      {median:8.2f} s median (min {min(opens):.2f}, max {max(opens):.2f}; "
          f"the page's own figure {statistics.median(in_page):.2f} s)")
    print(f"    largest agency's page       {agency_seconds:8.2f} s ({largest['findings']:,} findings, "
          f"{largest['id']})")
    print(f"    list search '{query}'        {search_seconds:8.2f} s ({int(before):,} -> {int(found):,} rows, "
          "with the page's 150 ms pause after typing)")
    print()
    print(f"  goal: national page < {GOAL_SECONDS:.0f} s   {'PASS' if median < GOAL_SECONDS else 'MISS'}")


if __name__ == "__main__":
    main()
