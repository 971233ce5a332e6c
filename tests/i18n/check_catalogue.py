#!/usr/bin/env python3
"""Fails when po/vi.po is not in step with the texts marked in the sources.

    check_catalogue.py REPO WORK_DIR

Extracts the marked texts (scripts/extract-messages.sh, xgettext with the
keywords of src/base/messages.hpp) and checks po/vi.po against them:

* every text has a Vietnamese translation: present, not empty (every plural
  form), not fuzzy;
* po/vi.po holds no text the sources no longer have, obsolete (#~) or not;
* a translation keeps its source's placeholders ({0}, {1} ...), no more and
  no fewer, and a plural entry has the source's plural.

Prints each problem with where the text is used, and how to fix it.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po_file  # noqa: E402

PLACEHOLDER = re.compile(r"\{[0-9]\}")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    repo, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    pot_path = os.path.join(work, "dxcomply.pot")
    subprocess.run([os.path.join(repo, "scripts", "extract-messages.sh"), pot_path], check=True)
    po_path = os.path.join(repo, "po", "vi.po")

    sources = {e.key: e for e in po_file.read(pot_path) if e.msgid}
    catalogue = po_file.read(po_path)
    problems = []

    def where(entry):
        return ", ".join(entry.references[:3]) + (" ..." if len(entry.references) > 3 else "")

    translated = {}
    for entry in catalogue:
        if not entry.msgid:
            continue  # the header
        label = f"po/vi.po:{entry.line}: {entry.describe()}"
        if entry.obsolete:
            problems.append(f"{label}: obsolete (#~); delete it")
            continue
        if entry.key in translated:
            problems.append(f"{label}: given twice")
        translated[entry.key] = entry
        if entry.key not in sources:
            problems.append(f"{label}: no longer in the sources; delete it "
                            "(scripts/extract-messages.sh --update)")

    for key, source in sources.items():
        entry = translated.get(key)
        label = f"{source.describe()} ({where(source)})"
        if entry is None:
            problems.append(f"{label}: no Vietnamese in po/vi.po "
                            "(scripts/extract-messages.sh --update, then translate it)")
            continue
        label = f"po/vi.po:{entry.line}: {source.describe()}"
        if "fuzzy" in entry.flags:
            problems.append(f"{label}: fuzzy; check the translation and remove the flag")
        if not entry.msgstr or any(not text for text in entry.msgstr):
            problems.append(f"{label}: empty translation")
            continue
        if (entry.msgid_plural is None) != (source.msgid_plural is None) or (
                source.msgid_plural is not None and entry.msgid_plural != source.msgid_plural):
            problems.append(f"{label}: plural {entry.msgid_plural!r} in po/vi.po, "
                            f"{source.msgid_plural!r} in the sources")
        wanted = placeholders(source.msgid + (source.msgid_plural or ""))
        for text in entry.msgstr:
            if placeholders(text) != wanted:
                problems.append(f"{label}: translation {text!r} has placeholders "
                                f"{placeholders(text)}, the source {wanted}")

    for problem in problems:
        print(problem)
    print(f"{len(sources)} texts in the sources, {len(translated)} in po/vi.po, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
