#!/usr/bin/env python3
"""Check issue 13's promises about the at-risk list on the sample country.

    python3 tests/data/check_forecast.py <dxcomply> <db> <rules>

On 2022-11-01 and 2023-09-18 (`dxcomply report --format json`):
- every at-risk finding names at least one ground, from the documented set;
- no finding is at risk whose only ground is not_started while its latest
  start is still ahead (and not_started never holds before it);
- the at-risk findings come in priority order, ranked 1, 2, ... with their
  tier, and no other finding has a rank;
- the order's key holds: tier heading for (highest first), then latest
  start (earliest first), then agencies and instances held back.
Prints one line per check; exit status 1 if any fails.

Python 3 standard library only.
"""

import json
import subprocess
import sys

DATES = ["2022-11-01", "2023-09-18"]
GROUNDS = ["warn_window", "trend", "task_progress", "not_started", "blocked", "negative_slack"]


def main():
    dxcomply, db, rules = sys.argv[1:4]
    failures = 0

    def check(ok, label):
        nonlocal failures
        print(("ok    " if ok else "FAIL  ") + label)
        failures += 0 if ok else 1

    for as_of in DATES:
        out = subprocess.run([dxcomply, "report", "--db", db, "--rules", rules, "--as-of", as_of,
                              "--format", "json"], check=True, capture_output=True).stdout
        findings = json.loads(out)["findings"]
        at_risk = [f for f in findings if f["status"] == "at_risk"]
        check(len(at_risk) > 0, f"{as_of}: {len(at_risk)} findings at risk")
        check(all(f["grounds"] and all(g in GROUNDS for g in f["grounds"]) and
                  f["grounds"] == sorted(f["grounds"], key=GROUNDS.index) for f in at_risk),
              f"{as_of}: every at-risk finding names its grounds, in the documented order")
        check(all(not f["grounds"] for f in findings if f["status"] != "at_risk"),
              f"{as_of}: no other finding names a ground")
        early = [f for f in at_risk if "not_started" in f["grounds"] and f["latest_start"] > as_of]
        check(not early, f"{as_of}: not_started never before the latest start "
              f"({len(early)} findings)")
        check([f["priority"]["rank"] for f in at_risk] == list(range(1, len(at_risk) + 1)) and
              all(f["priority"] is None for f in findings if f["status"] != "at_risk"),
              f"{as_of}: the at-risk list is ranked 1-{len(at_risk)} in report order")
        keys = [(-f["priority"]["heading_tier"], f["latest_start"],
                 -f["holds_back"]["agencies"], -f["holds_back"]["instances"]) for f in at_risk]
        check(keys == sorted(keys), f"{as_of}: ordered by tier, latest start, what it holds back")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
