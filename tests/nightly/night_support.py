"""What the nightly batch's two test scripts share: the check list and how a
night's files are compared (the run records differ by design)."""
import gzip
import hashlib
import json


class Checks:
    def __init__(self):
        self.failures = []

    def check(self, ok, what, detail=""):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            self.failures.append(what + (": " + str(detail) if detail else ""))


# What differs from one run of a night to the next by design: the run
# record (run.json; runs.jsonl, the log of runs) and the record's header in
# findings.json.gz (who ran it, when). Everything else must be identical.
RUN_RECORDS = ("run.json", "runs.jsonl")


def content_digest(p):
    if p.name == "findings.json.gz":
        with gzip.open(p, "rt", encoding="utf-8") as f:
            findings = json.load(f)
        findings.pop("run", None)
        return hashlib.sha256(json.dumps(findings, sort_keys=True).encode()).hexdigest()
    return hashlib.sha256(p.read_bytes()).hexdigest()
