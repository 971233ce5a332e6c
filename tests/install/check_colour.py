#!/usr/bin/env python3
"""Colour only on a terminal, and not when NO_COLOR is set
(https://no-color.org): the text report's status headings on a
pseudo-terminal, with and without NO_COLOR, and into a pipe or --output.

    check_colour.py DXCOMPLY SAMPLE_DB SOURCE_DIR
"""
import os
import pty
import subprocess
import sys
import tempfile

failures = []
ESCAPE = "\x1b["


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def on_terminal(command, env):
    """stdout of `command` run with a pseudo-terminal as its stdout."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def main():
    program, sample, source = sys.argv[1:4]
    command = [program, "report", "--db", sample, "--rules", f"{source}/rules", "--as-of",
               "2022-11-01", "--agency", "NGHE-AN"]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    coloured = on_terminal(command, env)
    check("\x1b[1;31mQUÁ HẠN" in coloured, "on a terminal, QUÁ HẠN (overdue) is in colour")
    plain = on_terminal(command, {**env, "NO_COLOR": "1"})
    check("QUÁ HẠN" in plain and ESCAPE not in plain, "NO_COLOR=1: no colour on a terminal")
    empty = on_terminal(command, {**env, "NO_COLOR": ""})
    check(ESCAPE in empty, "NO_COLOR set but empty: colour, as no-color.org says")
    dumb = on_terminal(command, {**env, "TERM": "dumb"})
    check("QUÁ HẠN" in dumb and ESCAPE not in dumb, "TERM=dumb: no colour")
    piped = subprocess.run(command, capture_output=True, text=True, env=env).stdout
    check("QUÁ HẠN" in piped and ESCAPE not in piped, "into a pipe: no colour")
    with tempfile.TemporaryDirectory() as temp:
        on_terminal([*command, "--output", f"{temp}/report.txt"], env)
        written = open(f"{temp}/report.txt", encoding="utf-8").read()
        check("QUÁ HẠN" in written and ESCAPE not in written, "--output on a terminal: no colour")
    as_json = on_terminal([*command, "--format", "json"], env)
    check(as_json.lstrip().startswith("{") and ESCAPE not in as_json, "json: never colour")
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
