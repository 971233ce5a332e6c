#!/usr/bin/env python3
"""`check --format junit|sarif`, read as CI systems read them.

JUnit XML: well formed, its counts add up, one test case per finding, and
the failures are exactly the findings that make `check` exit 1 (overdue, and
at risk with --fail-on-risk), which the JSON output of the same run names.
SARIF 2.1.0: the structure the standard requires (checked here field by
field), results pointing at rules by id and index, kinds and levels as the
standard pairs them, locations that are the obligations' lines in the rules
files, data issues as warnings. When DXCOMPLY_SARIF_SCHEMA names the SARIF
2.1.0 JSON schema and python3-jsonschema is installed, the log is also
validated against it.

    check_gate.py DXCOMPLY SAMPLE_DB FIXTURES_DIR SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote, urlparse

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(program, source, *args):
    return subprocess.run([program, "check", *args], cwd=source, capture_output=True, text=True)


def instance_name(finding):
    return finding["obligation_id"] + (f" [{finding['period']}]" if finding["period"] else "")


def failing(finding, fail_on_risk):
    return finding["status"] == "overdue" or (fail_on_risk and finding["status"] == "at_risk")


def check_junit(text, findings, fail_on_risk, label):
    root = ElementTree.fromstring(text.encode("utf-8"))
    check(root.tag == "testsuites", f"{label}: the root is <testsuites>")
    cases = []
    for suite in root.findall("testsuite"):
        suite_cases = suite.findall("testcase")
        counts = {"tests": len(suite_cases),
                  "failures": sum(1 for c in suite_cases if c.find("failure") is not None),
                  "skipped": sum(1 for c in suite_cases if c.find("skipped") is not None),
                  "errors": 0}
        check(all(int(suite.get(k)) == v for k, v in counts.items()),
              f"{label}: suite '{suite.get('name')}' counts its cases")
        cases += suite_cases
    totals = {k: sum(int(s.get(k)) for s in root.findall("testsuite"))
              for k in ["tests", "failures", "skipped", "errors"]}
    check(all(int(root.get(k)) == v for k, v in totals.items()),
          f"{label}: <testsuites> adds up its suites")
    check(sorted(c.get("name") for c in cases) == sorted(map(instance_name, findings)),
          f"{label}: one test case per finding ({len(findings)})")
    failed = sorted(c.get("name") for c in cases if c.find("failure") is not None)
    expected = sorted(instance_name(f) for f in findings if failing(f, fail_on_risk))
    check(failed == expected and failed, f"{label}: failures are what check fails ({len(failed)})")
    for case in cases:
        failure = case.find("failure")
        if failure is not None:
            finding = next(f for f in findings if instance_name(f) == case.get("name"))
            check(failure.get("type") == finding["status"]
                  and failure.get("message", "") == finding["status_label"] + ": " + finding["reason"],
                  f"{label}: failure of {case.get('name')} says its status and reason")
            break
    skipped = sorted(c.get("name") for c in cases if c.find("skipped") is not None)
    check(skipped == sorted(instance_name(f) for f in findings
                            if f["status"] in ("waiting", "not_applicable")),
          f"{label}: waiting and not applicable findings are skipped")


def check_sarif(text, findings, issues, fail_on_risk, label):
    log = json.loads(text)
    check(log.get("version") == "2.1.0" and "sarif-schema-2.1.0" in log.get("$schema", ""),
          f"{label}: version 2.1.0 and its schema")
    check(len(log.get("runs", [])) == 1, f"{label}: one run")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    check(driver["name"] == "dxcomply" and driver.get("version"), f"{label}: the tool")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    check(len(ids) == len(set(ids)), f"{label}: rule ids are unique")
    check(all(r["shortDescription"]["text"] for r in rules), f"{label}: every rule has a text")
    results = run_["results"]
    check(all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results),
          f"{label}: every result's ruleIndex points at its ruleId")
    check(all(r["kind"] in ("pass", "open", "informational", "notApplicable", "review", "fail")
              and r["level"] in ("none", "note", "warning", "error")
              and (r["kind"] == "fail" or r["level"] == "none") for r in results),
          f"{label}: kinds and levels as SARIF pairs them (3.27.9, 3.27.10)")
    check(all(r["message"]["text"] for r in results), f"{label}: every result has a message")
    found = [r for r in results if r["ruleId"] != "data-quality"]
    check(len(found) == len(findings), f"{label}: one result per finding")
    errors = sorted(r["partialFingerprints"]["dxcomplyInstance/v1"] for r in found
                    if r["level"] == "error")
    expected = sorted("/".join(filter(None, [f["agency"]["id"], f["obligation_id"], f["period"]]))
                      for f in findings if failing(f, fail_on_risk))
    check(errors == expected and errors, f"{label}: errors are what check fails ({len(errors)})")
    warnings = [r for r in found if r["level"] == "warning"]
    check(all(r["properties"]["status"] == "at_risk" for r in warnings)
          and (fail_on_risk or len(warnings) == sum(f["status"] == "at_risk" for f in findings)),
          f"{label}: at risk and not failing is a warning")
    fingerprints = [v for r in results for v in r["partialFingerprints"].values()]
    check(len(fingerprints) == len(set(fingerprints)), f"{label}: fingerprints are unique")
    base = run_["originalUriBaseIds"]["RULES"]["uri"]
    check(base.startswith("file:///") and base.endswith("/"),
          f"{label}: the rules folder is an absolute file URI")
    located = 0
    for result in found:
        physical = result["locations"][0]["physicalLocation"]
        path = Path(unquote(urlparse(base).path)) / unquote(physical["artifactLocation"]["uri"])
        line = path.read_text(encoding="utf-8").splitlines()[physical["region"]["startLine"] - 1]
        located += line.strip().lstrip("- ").startswith(f"id: {result['ruleId']}")
    check(located == len(found), f"{label}: every result is at its obligation's id: line")
    quality = [r for r in results if r["ruleId"] == "data-quality"]
    check(len(quality) == len(issues) and all(r["level"] == "warning" for r in quality),
          f"{label}: each data issue is a warning ({len(issues)})")

    schema_path = os.environ.get("DXCOMPLY_SARIF_SCHEMA")
    if schema_path:
        import jsonschema
        schema = json.load(open(schema_path, encoding="utf-8"))
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
        for error in errors[:5]:
            print("  schema:", error.message, list(error.path))
        check(not errors, f"{label}: valid against {schema_path}")
    else:
        print(f"skip {label}: no DXCOMPLY_SARIF_SCHEMA, so no validation against the schema")


def main():
    program, sample, fixtures, source = sys.argv[1:5]
    cases = [
        ("Nghệ An", ["--db", sample, "--rules", "rules", "--as-of", "2022-11-01",
                     "--agency", "NGHE-AN"]),
        ("Bộ Tài chính, data issues", ["--db", f"{fixtures}/data-quality.db", "--rules",
                                       "tests/golden/rules/small", "--as-of", "2022-11-01",
                                       "--agency", "BTC"]),
    ]
    for name, args in cases:
        for fail_on_risk in (False, True):
            extra = ["--fail-on-risk"] if fail_on_risk else []
            label = name + (" --fail-on-risk" if fail_on_risk else "")
            as_json = run(program, source, *args, *extra, "--format", "json")
            document = json.loads(as_json.stdout)
            findings = document["findings"]
            check(len(findings) > 0, f"{label}: JSON findings read ({len(findings)})")
            junit = run(program, source, *args, *extra, "--format", "junit")
            sarif = run(program, source, *args, *extra, "--format", "sarif")
            check(junit.returncode == sarif.returncode == as_json.returncode,
                  f"{label}: junit and sarif exit as check does ({as_json.returncode})")
            check_junit(junit.stdout, findings, fail_on_risk, label + " junit")
            check_sarif(sarif.stdout, findings, document["data_issues"], fail_on_risk,
                        label + " sarif")
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
