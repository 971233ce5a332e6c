#!/usr/bin/env python3
"""The manual page documents every command and every option that
`dxcomply COMMAND --help` lists, so that neither falls behind the other.
The Vietnamese page is checked the same way: its sections keep the
commands' names and its options are spelled as the program spells them.

    check_man_page.py DXCOMPLY docs/dxcomply.1
    check_man_page.py DXCOMPLY docs/dxcomply.vi.1
"""
import os
import re
import subprocess
import sys


def help_of(program, *args):
    # The manual page is English, as is --lang en's help.
    return subprocess.run([program, *args, "--help"], capture_output=True, text=True,
                          check=True, env={**os.environ, "DXCOMPLY_LANG": "en"}).stdout


def main():
    program, page = sys.argv[1], sys.argv[2]
    source = open(page, encoding="utf-8").read().replace("\\-", "-")
    sections = set(re.findall(r"^\.SS (\S+)", source, re.MULTILINE))
    top = help_of(program)
    commands = re.findall(r"^  (\w+) {2,}", top.split("Subcommands:")[1], re.MULTILINE)
    missing = []
    if len(commands) < 10:
        missing.append(f"only {len(commands)} commands read from --help")
    for option in re.findall(r"(--[a-z][a-z-]*)", top.split("Subcommands:")[0]):
        if option != "--help" and option not in source:
            missing.append(f"dxcomply {option}")
    for command in commands:
        if command not in sections:
            missing.append(f"section .SS {command}")
        options = set(re.findall(r"^\s+(?:-\w,)?(--[a-z][a-z-]*)", help_of(program, command),
                                 re.MULTILINE))
        if not options:
            missing.append(f"no options read from dxcomply {command} --help")
        for option in sorted(options):
            if not re.search(re.escape(option) + r"(?![a-z-])", source):
                missing.append(f"dxcomply {command} {option}")
    for what in missing:
        print("missing from the manual page:", what)
    print(f"{len(commands)} commands checked; {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
