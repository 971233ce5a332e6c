"""A reader of gettext .po/.pot files, enough for dxcomply's catalogue checks.

Each entry: context (msgctxt or None), msgid, msgid_plural (or None),
msgstr list (one item for a singular entry), flags (set), obsolete (#~),
references ("#: file:line" words) and the line the entry starts on.
"""

import re
from dataclasses import dataclass, field

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text):
    parts = _STRING.findall(text)
    out = []
    for part in parts:
        out.append(re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), part))
    return "".join(out)


@dataclass
class Entry:
    line: int
    context: object = None
    msgid: str = ""
    msgid_plural: object = None
    msgstr: list = field(default_factory=list)
    flags: set = field(default_factory=set)
    obsolete: bool = False
    references: list = field(default_factory=list)

    @property
    def key(self):
        return (self.context, self.msgid)

    def describe(self):
        where = f"msgctxt {self.context!r} " if self.context is not None else ""
        return f"{where}msgid {self.msgid!r}"


def read(path):
    entries = []
    current = None
    target = None  # (attribute, index) the continuation lines extend

    def finish():
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    with open(path, encoding="utf-8") as lines:
        for number, raw in enumerate(lines, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                finish()
                target = None
                continue
            obsolete = line.startswith("#~")
            if obsolete:
                line = line[2:].lstrip()
            elif line.startswith("#"):
                if current is None:
                    current = Entry(number)
                if line.startswith("#,"):
                    current.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
                elif line.startswith("#:"):
                    current.references.extend(line[2:].split())
                continue
            if current is None:
                current = Entry(number)
            current.obsolete = current.obsolete or obsolete
            if line.startswith('"'):
                if target is None:
                    raise ValueError(f"{path}:{number}: a string continues nothing")
                name, index = target
                if index is None:
                    setattr(current, name, getattr(current, name) + _unquote(line))
                else:
                    current.msgstr[index] += _unquote(line)
                continue
            keyword, _, rest = line.partition(" ")
            if keyword == "msgctxt":
                current.context = _unquote(rest)
                target = ("context", None)
            elif keyword == "msgid":
                current.msgid = _unquote(rest)
                target = ("msgid", None)
            elif keyword == "msgid_plural":
                current.msgid_plural = _unquote(rest)
                target = ("msgid_plural", None)
            elif keyword == "msgstr":
                current.msgstr = [_unquote(rest)]
                target = ("msgstr", 0)
            elif keyword.startswith("msgstr["):
                index = int(keyword[7:-1])
                while len(current.msgstr) <= index:
                    current.msgstr.append("")
                current.msgstr[index] = _unquote(rest)
                target = ("msgstr", index)
            else:
                raise ValueError(f"{path}:{number}: cannot read {line!r}")
    finish()
    return entries
