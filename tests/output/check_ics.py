#!/usr/bin/env python3
"""Parse the iCalendar files with a real parser (python3-icalendar) and check them.

    python3 tests/output/check_ics.py <dxcomply> <sample.db> <source-dir> <work-dir>

Runs `dxcomply export --only ics` on the sample country as of 2022-11-01
twice and checks that every file is byte-identical. Then, for every
calendars/<agency>.ics: RFC 5545 lines (CRLF, at most 75 octets, each line
valid UTF-8 on its own, so no fold splits a character); icalendar parses it
without errors; the calendar properties; each VEVENT is an all-day event on
its due date with a DTSTAMP from the as-of date and a VALARM with a
TRIGGER; its UID is <obligation>+<period>+<agency>@dxcomply (the instance
named in its DESCRIPTION, nothing else); UIDs unique across all files. NGHE-AN.ics is named "Nghệ An" and
its events are exactly the upcoming deadlines of `dxcomply check --agency
NGHE-AN --format json` (same (obligation, period, due) set and titles);
every other agency's events are its upcoming deadlines in `dxcomply report
--all --format json`. A third export as of 2022-11-08 must give the events
present in both runs (the same agency, obligation and period, read from the
DESCRIPTION) the same UIDs, so re-importing updates them. Last, a rules
folder with one obligation of NGHE-AN only, its title and passage full of
characters to escape: the 92 other calendars have no event and still parse,
and the parser reads the title and passage back exactly.

Prints one line per check; on failure, every failed check and exit status 1.
Needs python3-icalendar (Debian) for the interpreter running it.
"""

import datetime
import json
import pathlib
import shutil
import subprocess
import sys

try:
    import icalendar
except ImportError:
    sys.exit(f"check_ics: icalendar is not installed for {sys.executable} "
             "(Debian: apt-get install python3-icalendar; with CMake, configure with "
             "-DPython3_EXECUTABLE=/usr/bin/python3)")

AS_OF = "2022-11-01"
LATER = "2022-11-08"
NOT_UPCOMING = {"met", "met_late", "not_applicable"}
ONE_TITLE = 'Thử nghiệm: dấu phẩy, chấm phẩy; gạch chéo \\ và "ngoặc kép"\nxuống dòng'
ONE_PASSAGE = ("Các bộ, ngành, địa phương; " * 8).strip()
ONE_RULE = f"""# check_ics.py: one obligation of one agency; every other calendar is empty.
theme: "Kiểm thử, lịch"
obligations:
  - id: ics-only-nghe-an
    title: {json.dumps(ONE_TITLE, ensure_ascii=False)}
    source: {{document: check_ics.py, passage: {json.dumps(ONE_PASSAGE, ensure_ascii=False)}}}
    applies_to: {{agencies: [NGHE-AN]}}
    due: 2022-12-31
    check: {{kind: task}}
"""


class Checks:
    def __init__(self):
        self.failures = []

    def check(self, ok, label, detail=""):
        if ok:
            print(f"ok   {label}")
        else:
            print(f"FAIL {label}" + (f": {detail}" if detail else ""))
            self.failures.append(label)
        return ok


def run(args, allowed=(0,)):
    result = subprocess.run(args, capture_output=True)
    if result.returncode not in allowed:
        sys.exit(f"check_ics: {' '.join(map(str, args))} exited with {result.returncode}:\n"
                 + result.stderr.decode("utf-8", "replace"))
    return result.stdout


def export(dxcomply, db, rules, out, as_of):
    if out.exists():
        shutil.rmtree(out)
    run([dxcomply, "export", "--db", db, "--rules", rules, "--as-of", as_of,
         "--out", out, "--only", "ics"])
    return {p.name: p.read_bytes() for p in sorted((out / "calendars").glob("*.ics"))}


def findings_json(dxcomply, db, rules, *args):
    # check exits 1 when something is overdue; that is a result, not an error.
    data = run([dxcomply, *args, "--db", db, "--rules", rules, "--as-of", AS_OF,
                "--format", "json"], allowed=(0, 1))
    return json.loads(data)["findings"]


def upcoming(findings, as_of):
    return {(f["obligation_id"], f["period"], f["due"]): f for f in findings
            if f["due"] is not None and f["due"] >= as_of and f["status"] not in NOT_UPCOMING}


def line_problems(data):
    """RFC 5545 3.1: CRLF after every line, at most 75 octets, no split UTF-8 sequence."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not valid UTF-8 on its own (fold inside a character)")
    return problems


def event_key(event):
    """(obligation, period) from the DESCRIPTION's first line, independent of the UID."""
    first = str(event["DESCRIPTION"]).split("\n", 1)[0]
    # The labels are Vietnamese, as agencies read them (docs/glossary.md).
    if not first.startswith("nhiệm vụ: "):
        return "(DESCRIPTION does not start with 'nhiệm vụ: ') " + first, ""
    obligation, _, period = first[len("nhiệm vụ: "):].partition(", kỳ ")
    return obligation, period


def unfolded(data, prefix):
    """The content lines starting with `prefix`, unfolded (RFC 5545 3.1)."""
    text = data.decode("utf-8").replace("\r\n ", "")
    return [line for line in text.split("\r\n") if line.startswith(prefix)]


def parse_calendars(files, as_of, checks, label=""):
    """{agency id: (calendar, [events])}; checks what holds for every file."""
    stamp = as_of.replace("-", "") + "T000000Z"
    label = label or f"as of {as_of}"
    parsed = {}
    bad_lines, parse_errors, bad_props, bad_events = [], [], [], []
    for name, data in files.items():
        agency = name[:-len(".ics")]
        problems = line_problems(data)
        if problems:
            bad_lines.append(f"{name}: {problems[:3]}")
        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as error:  # whatever the parser raises is a failed check
            parse_errors.append(f"{name}: {type(error).__name__}: {error}")
            continue
        errors = [e for c in calendar.walk() for e in getattr(c, "errors", [])]
        if errors:
            parse_errors.append(f"{name}: {errors[:3]}")
        props = {k: str(calendar.get(k)) for k in
                 ("VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME")}
        if (props["VERSION"] != "2.0" or not props["PRODID"].startswith("-//dxcomply//")
                or props["CALSCALE"] != "GREGORIAN" or props["METHOD"] != "PUBLISH"
                or not props["X-WR-CALNAME"] or calendar.get("X-WR-CALNAME") is None):
            bad_props.append(f"{name}: {props}")
        events = calendar.walk("VEVENT")
        for event in events:
            uid = str(event.get("UID"))
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            alarms = event.walk("VALARM")
            why = []
            if type(start) is not datetime.date or end != start + datetime.timedelta(days=1):
                why.append(f"not an all-day event: {start!r} {end!r}")
            if event["DTSTAMP"].to_ical().decode() != stamp:
                why.append(f"DTSTAMP {event['DTSTAMP'].to_ical()} instead of {stamp}")
            if not alarms or any("TRIGGER" not in a or str(a.get("ACTION")) != "DISPLAY"
                                 or "DESCRIPTION" not in a for a in alarms):
                why.append("no VALARM with ACTION:DISPLAY, DESCRIPTION and TRIGGER")
            if not event.get("SUMMARY") or not event.get("DESCRIPTION"):
                why.append("no SUMMARY or DESCRIPTION")
            if not uid.endswith("@dxcomply") or not uid.isascii():
                why.append("UID not ASCII ...@dxcomply")
            # The UID names the instance and nothing else (not its due date,
            # which per-record checks move), so a re-import updates the event.
            obligation, period = event_key(event)
            instance_uid = "+".join(p for p in (obligation, period, agency) if p) + "@dxcomply"
            if uid != instance_uid:
                why.append(f"UID is not {instance_uid}")
            if why:
                bad_events.append(f"{name} {uid}: {why}")
        parsed[agency] = (calendar, events)
    n_events = sum(len(events) for _, events in parsed.values())
    checks.check(not bad_lines, f"{label}: every physical line of {len(files)} files is "
                 "CRLF-terminated, at most 75 octets and valid UTF-8", "; ".join(bad_lines[:5]))
    checks.check(not parse_errors, f"{label}: icalendar parses all {len(files)} files",
                 "; ".join(parse_errors[:5]))
    checks.check(not bad_props, f"{label}: VERSION 2.0, PRODID, CALSCALE, METHOD:PUBLISH, "
                 "X-WR-CALNAME in every file", "; ".join(bad_props[:5]))
    checks.check(not bad_events, f"{label}: all {n_events} VEVENTs are all-day on the due "
                 f"date, DTSTAMP {stamp}, with a VALARM and its TRIGGER, UID from the instance",
                 "; ".join(bad_events[:5]))
    uids = [str(e["UID"]) for _, events in parsed.values() for e in events]
    duplicates = sorted({u for u in uids if uids.count(u) > 1})
    checks.check(not duplicates, f"{label}: {len(uids)} UIDs unique across all files",
                 ", ".join(duplicates[:5]))
    return parsed


def events_as_deadlines(events):
    return {event_key(e) + (e.decoded("DTSTART").isoformat(),): e for e in events}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    dxcomply, db = sys.argv[1], sys.argv[2]
    rules, work = pathlib.Path(sys.argv[3]) / "rules", pathlib.Path(sys.argv[4])
    work.mkdir(parents=True, exist_ok=True)
    checks = Checks()

    first = export(dxcomply, db, rules, work / "a", AS_OF)
    second = export(dxcomply, db, rules, work / "b", AS_OF)
    checks.check(len(first) > 0, f"export --only ics wrote {len(first)} calendars as of {AS_OF}")
    differing = sorted(n for n in set(first) | set(second) if first.get(n) != second.get(n))
    checks.check(not differing, f"two exports as of {AS_OF} are byte-identical ({len(first)} files)",
                 ", ".join(differing[:5]))

    parsed = parse_calendars(first, AS_OF, checks)
    if "NGHE-AN" not in parsed:
        checks.check(False, "NGHE-AN.ics exists and parses")
    else:
        calendar, events = parsed["NGHE-AN"]
        checks.check(str(calendar.get("X-WR-CALNAME")) == "Nghệ An",
                     'NGHE-AN.ics: X-WR-CALNAME is "Nghệ An"', str(calendar.get("X-WR-CALNAME")))
        expected = upcoming(findings_json(dxcomply, db, rules, "check", "--agency", "NGHE-AN"),
                            AS_OF)
        got = events_as_deadlines(events)
        checks.check(expected and set(got) == set(expected),
                     f"NGHE-AN.ics: {len(got)} VEVENTs = the {len(expected)} upcoming deadlines of "
                     "`check --agency NGHE-AN` (obligation, period, due)",
                     f"missing {sorted(set(expected) - set(got))}, "
                     f"extra {sorted(set(got) - set(expected))}")
        wrong_titles = [k for k in set(got) & set(expected)
                        if not str(got[k]["SUMMARY"]).startswith(expected[k]["obligation_title"])]
        checks.check(not wrong_titles, "NGHE-AN.ics: each SUMMARY is the obligation's title",
                     str(wrong_titles[:3]))

    # Every agency, against the full report.
    report = findings_json(dxcomply, db, rules, "report", "--all")
    by_agency = {}
    for f in report:
        by_agency.setdefault(f["agency"]["id"], []).append(f)
    mismatched, empty = [], 0
    for agency, (_, events) in parsed.items():
        expected = set(upcoming(by_agency.get(agency, []), AS_OF))
        if set(events_as_deadlines(events)) != expected:
            mismatched.append(agency)
        empty += not expected
    checks.check(not mismatched, f"all {len(parsed)} calendars hold exactly their agency's upcoming "
                 f"deadlines in `report --all` ({empty} without any, still valid)",
                 ", ".join(mismatched[:5]))

    # Re-import: the events of both runs keep their UIDs.
    later = parse_calendars(export(dxcomply, db, rules, work / "c", LATER), LATER, checks)
    uids_then = {(agency, event_key(e)): str(e["UID"])
                 for agency, (_, events) in parsed.items() for e in events}
    uids_later = {(agency, event_key(e)): str(e["UID"])
                  for agency, (_, events) in later.items() for e in events}
    common = set(uids_then) & set(uids_later)
    changed = sorted(k for k in common if uids_then[k] != uids_later[k])
    checks.check(bool(common) and not changed,
                 f"{len(common)} events present as of {AS_OF} and {LATER} keep their UIDs "
                 f"({len(uids_then) - len(common)} gone, {len(uids_later) - len(common)} new)",
                 f"changed: {changed[:5]}" if changed else "no events in common")

    # Empty calendars and escaping, through the parser.
    one_rule = work / "rules-one"
    if one_rule.exists():
        shutil.rmtree(one_rule)
    shutil.copytree(rules / "calendar", one_rule / "calendar")
    shutil.copy(rules / "tables.yaml", one_rule / "tables.yaml")
    (one_rule / "one.yaml").write_text(ONE_RULE, encoding="utf-8")
    one_files = export(dxcomply, db, one_rule, work / "d", AS_OF)
    one = parse_calendars(one_files, AS_OF, checks, "one rule")
    empty = [a for a, (_, events) in one.items() if not events]
    checks.check(len(one) > 1 and len(empty) == len(one) - 1 and "NGHE-AN" not in empty,
                 f"one rule: {len(empty)} calendars without events parse (all but NGHE-AN)")
    events = one.get("NGHE-AN", (None, []))[1]
    ok = len(events) == 1
    if ok:
        event = events[0]
        description = str(event["DESCRIPTION"])
        ok = (str(event["SUMMARY"]) == ONE_TITLE
              and "\ntrích: " + ONE_PASSAGE + "\n" in description + "\n")
    checks.check(ok, "one rule: the parser reads back the title (, ; \\ \" newline) and the "
                 "passage exactly", str([(str(e["SUMMARY"]), str(e["DESCRIPTION"])) for e in events]))
    # icalendar 4.0.3 splits CATEGORIES on escaped commas too (collective/icalendar#127, fixed
    # upstream by #1058 in 2025), so the theme, one category with a comma, is checked on the line.
    categories = unfolded(one_files.get("NGHE-AN.ics", b""), "CATEGORIES:")
    checks.check(categories == ["CATEGORIES:Kiểm thử\\, lịch"],
                 "one rule: the theme is one category, its comma escaped", str(categories))

    if checks.failures:
        print(f"check_ics: {len(checks.failures)} check(s) failed")
        return 1
    print("check_ics: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
