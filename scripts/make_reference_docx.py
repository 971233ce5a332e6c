#!/usr/bin/env python3
"""Build templates/reference.docx, the styles of the reminder letters in Word.

    python3 scripts/make_reference_docx.py [templates/reference.docx]

`dxcomply remind --format docx` converts each letter's HTML with pandoc,
which takes every style (and the page size and margins) from this reference
document. This script starts from pandoc's own reference.docx (`pandoc
--print-default-data-file reference.docx`) and sets, with python-docx, what
Nghị định 30/2020/NĐ-CP asks of a công văn (docs/reminders.md, "Layout"):
A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman;
body 13 pt, justified, first line indented 1 cm; the header's parts (issuer,
national name and motto, number, subject, place and date), "Kính gửi", the
recipients, the signing block and the appendix in the sizes the decree
gives. The paragraph styles are those the HTML template names in its
data-custom-style attributes; "Items Table" is the appendix table's style
(with borders; the letter's layout tables keep pandoc's borderless "Table").

Needs pandoc and python3-docx (Debian). Run it again after changing a style
here, and commit the result.
"""
import io
import subprocess
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

# name: (size pt, bold, italic, alignment, space before pt, space after pt)
PARAGRAPHS = {
    "Normal": (13, False, False, None, 0, 0),
    "Body Text": (13, False, False, JUSTIFY, 0, 6),
    "First Paragraph": (13, False, False, JUSTIFY, 0, 6),
    "Compact": (11, False, False, LEFT, 0, 0),
    "Sample Notice": (11, True, False, CENTER, 0, 6),
    "Issuer": (12, True, False, CENTER, 0, 0),
    "Reference": (13, False, False, CENTER, 6, 0),
    "Subject": (12, False, False, CENTER, 3, 0),
    "Nation": (12, True, False, CENTER, 0, 0),
    "Motto": (13, True, False, CENTER, 0, 0),
    "Place Date": (13, False, True, CENTER, 12, 0),
    "Addressee": (14, False, False, CENTER, 12, 12),
    "Recipients Label": (12, True, True, LEFT, 12, 0),
    "Recipients": (11, False, False, LEFT, 0, 0),
    "Signing Title": (13, True, False, CENTER, 0, 0),
    "Sign Space": (11, False, True, CENTER, 12, 60),
    "Signer": (13, True, False, CENTER, 0, 0),
    "Appendix Label": (13, True, False, CENTER, 0, 0),
    "Appendix Title": (13, True, False, CENTER, 0, 0),
    "Appendix Note": (13, False, True, CENTER, 0, 8),
    "Passages Title": (13, True, False, LEFT, 10, 4),
    "Passage": (12, False, False, JUSTIFY, 0, 4),
}


def set_font(style, size, bold, italic):
    style.font.name = FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic


def paragraph_style(document, name):
    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        return style


def items_table_style(document):
    """The appendix table: every cell bordered, 11 pt text."""
    style = document.styles.add_style("Items Table", WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Table"]
    table_properties = style.element.find(qn("w:tblPr"))
    if table_properties is None:
        table_properties = OxmlElement("w:tblPr")
        style.element.append(table_properties)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    table_properties.append(borders)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates/reference.docx"
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                             check=True, capture_output=True).stdout
    document = Document(io.BytesIO(default))

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)

    for name, (size, bold, italic, alignment, before, after) in PARAGRAPHS.items():
        style = paragraph_style(document, name)
        set_font(style, size, bold, italic)
        form = style.paragraph_format
        if alignment is not None:
            form.alignment = alignment
        form.space_before, form.space_after = Pt(before), Pt(after)
        form.line_spacing = 1.0 if size <= 12 or name == "Compact" else 1.15
    for name in ("Body Text", "First Paragraph"):
        document.styles[name].paragraph_format.first_line_indent = Cm(1)
    document.styles["Appendix Label"].paragraph_format.page_break_before = True
    items_table_style(document)

    # The document's own body (pandoc's sample text) is not used: pandoc
    # keeps only the styles and the section properties.
    document.core_properties.title = "dxcomply: mẫu định dạng công văn đôn đốc"
    document.save(out)


if __name__ == "__main__":
    main()
