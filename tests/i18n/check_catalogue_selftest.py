#!/usr/bin/env python3
"""check_catalogue.py fails on each way po/vi.po can fall out of step with
the sources, and passes on a catalogue in step: run on a small made-up
repository (a source file and a po/vi.po per case).

    check_catalogue_selftest.py REPO WORK_DIR
"""
import os
import shutil
import subprocess
import sys

SOURCE = '''
#include "base/messages.hpp"
void F(long n) {
  Tr("overdue");
  TrC("status", "met");
  TrN("{0} day", "{0} days", n);
  Format(Tr("{0} of {1}"), {a, b});
  const char* kept = TrNoop("kept");
}
'''

HEADER = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

'''

COMPLETE = {
    "overdue": 'msgid "overdue"\nmsgstr "quá hạn"\n',
    "met": 'msgctxt "status"\nmsgid "met"\nmsgstr "đạt"\n',
    "day": 'msgid "{0} day"\nmsgid_plural "{0} days"\nmsgstr[0] "{0} ngày"\n',
    "of": 'msgid "{0} of {1}"\nmsgstr "{0}/{1}"\n',
    "kept": 'msgid "kept"\nmsgstr "giữ"\n',
}

failures = []


def catalogue(entries):
    return HEADER + "\n".join(entries.values())


def run(repo, work, po_text):
    with open(os.path.join(repo, "po", "vi.po"), "w", encoding="utf-8") as po:
        po.write(po_text)
    return subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__),
                                                        "check_catalogue.py"), repo, work],
                          capture_output=True, text=True)


def expect(repo, work, what, po_text, failing, words):
    result = run(repo, work, po_text)
    ok = (result.returncode != 0) == failing and all(w in result.stdout for w in words)
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
        print(result.stdout + result.stderr)


def main():
    source_repo, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = os.path.join(work, "repo")
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(os.path.join(repo, "scripts"))
    os.makedirs(os.path.join(repo, "src"))
    os.makedirs(os.path.join(repo, "include"))
    os.makedirs(os.path.join(repo, "po"))
    shutil.copy(os.path.join(source_repo, "scripts", "extract-messages.sh"),
                os.path.join(repo, "scripts"))
    with open(os.path.join(repo, "src", "x.cpp"), "w", encoding="utf-8") as source:
        source.write(SOURCE)
    out = os.path.join(work, "out")

    expect(repo, out, "a catalogue in step passes", catalogue(COMPLETE), False,
           ["5 texts in the sources, 5 in po/vi.po, 0 problem(s)"])
    missing = dict(COMPLETE)
    del missing["met"]
    expect(repo, out, "a text without Vietnamese fails", catalogue(missing), True,
           ["msgctxt 'status' msgid 'met'", "no Vietnamese in po/vi.po"])
    empty = dict(COMPLETE, overdue='msgid "overdue"\nmsgstr ""\n')
    expect(repo, out, "an empty translation fails", catalogue(empty), True,
           ["msgid 'overdue': empty translation"])
    fuzzy = dict(COMPLETE, overdue='#, fuzzy\nmsgid "overdue"\nmsgstr "quá hạn"\n')
    expect(repo, out, "a fuzzy translation fails", catalogue(fuzzy), True,
           ["msgid 'overdue': fuzzy"])
    gone = dict(COMPLETE, gone='msgid "no longer used"\nmsgstr "không dùng nữa"\n')
    expect(repo, out, "a text the sources no longer have fails", catalogue(gone), True,
           ["msgid 'no longer used': no longer in the sources"])
    obsolete = dict(COMPLETE, old='#~ msgid "old"\n#~ msgstr "cũ"\n')
    expect(repo, out, "an obsolete (#~) entry fails", catalogue(obsolete), True,
           ["msgid 'old': obsolete"])
    lost = dict(COMPLETE, of='msgid "{0} of {1}"\nmsgstr "{0} trên tổng"\n')
    expect(repo, out, "a translation that loses a placeholder fails", catalogue(lost), True,
           ["has placeholders ['{0}'], the source ['{0}', '{1}']"])
    plural = dict(COMPLETE, day='msgid "{0} day"\nmsgstr "{0} ngày"\n')
    expect(repo, out, "a plural source given a singular entry fails", catalogue(plural), True,
           ["plural None in po/vi.po"])
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
