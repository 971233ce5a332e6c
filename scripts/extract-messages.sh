#!/usr/bin/env bash
# Extracts every text marked for translation (base/messages.hpp's Tr, TrC,
# TrN, TrNoop) from the sources into a gettext template.
#
#   scripts/extract-messages.sh OUT.pot      write the template
#   scripts/extract-messages.sh --update     also merge it into po/vi.po: new
#                                            texts get an empty msgstr to fill
#                                            in, texts gone from the sources
#                                            are dropped (docs/translation.md)
#
# tests/i18n/check_catalogue.py runs the first form and fails when po/vi.po
# lacks, leaves empty or fuzzy, or still holds a text.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

update=false
if [[ ${1:-} == --update ]]; then
  update=true
  out=$(mktemp "${TMPDIR:-/tmp}/dxcomply-pot.XXXXXX")
  trap 'rm -f "$out"' EXIT
elif [[ $# -eq 1 ]]; then
  out=$(realpath -m -- "$1")  # absolute: the script works from the repository
else
  echo "usage: $0 OUT.pot | --update" >&2
  exit 2
fi

cd "$repo"
# Sorted, so that the template does not depend on the file system's order.
mapfile -t sources < <(find src include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
# --keyword= drops xgettext's default keywords (gettext, _ ...): only ours
# mark texts. no-c-format: a "%" in a text is a percent sign, never printf's.
xgettext --language=C++ --from-code=UTF-8 --no-wrap --sort-by-file --add-location=file \
  --package-name=dxcomply --msgid-bugs-address=dxcomply --force-po \
  --keyword= --keyword=Tr --keyword=TrC:1c,2 --keyword=TrN:1,2 --keyword=TrNoop \
  --flag=Tr:1:no-c-format --flag=TrC:2:no-c-format --flag=TrN:1:no-c-format \
  --flag=TrN:2:no-c-format --flag=TrNoop:1:no-c-format \
  -o "$out" "${sources[@]}"

if $update; then
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap --sort-by-file \
    --add-location=file \
    po/vi.po "$out"
  msgattrib --no-obsolete --no-wrap --sort-by-file --add-location=file -o po/vi.po po/vi.po
  echo "po/vi.po updated; fill in every empty msgstr (docs/translation.md)" >&2
fi
