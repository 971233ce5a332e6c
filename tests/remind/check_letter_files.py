#!/usr/bin/env python3
"""Open, read and print the golden letters in every format `remind` writes.

    python3 tests/remind/check_letter_files.py <dxcomply> <sample.db> <source-dir> <work-dir>

For one ministry's letter (Bộ Công an) and one province's (Lâm Đồng), as of
2026-12-01 with the office settings tests/remind/letter-settings.yaml (a
configured signer and ký hiệu pattern), runs `dxcomply remind --format
md,html,docx,pdf` and checks:

  * .md and .html: the same bytes as the golden cases
    tests/golden/cases/remind-bca-2026-12-01 and remind-lam-dong-2026-12-01
    (--format changes which files are written, not what they say);
  * .docx: python-docx opens it; its text, paragraphs and table rows in
    document order, equals the case's expected.docx.txt
    (DXCOMPLY_UPDATE_GOLDEN=1 rewrites that file: read the diff); the page is
    A4 with the margins of Nghị định 30/2020/NĐ-CP (20/20/30/15 mm), the text
    Times New Roman 13 pt, the appendix on a page of its own in the bordered
    "Items Table";
  * .pdf: pdftotext reads the letter's parts (number, addressee, signer,
    appendix), the letter itself ends by page 2 and the appendix starts on
    page 3 (two pages plus the appendix), the fonts are Times New Roman or
    its metric twin Liberation Serif; every page rendered to PNG with
    pdftoppm (kept in <work-dir>, one PNG per page: the count is the page
    count);
  * .html: rendered by headless Chromium to a PNG screenshot (kept).

Needs python3-docx, poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm),
chromium, pandoc and fonts-liberation2 (scripts/install-deps.sh). Prints one
line per check; on failure, every failed check and exit status 1.
"""
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.shared import Mm, Pt

AS_OF = "2026-12-01"
LETTERS = {  # agency id: golden case
    "BCA": "remind-bca-2026-12-01",
    "LAM-DONG": "remind-lam-dong-2026-12-01",
}
EXPECTED = {  # what each letter must say, in every format
    "BCA": ["Kính gửi: Bộ Công an", "Số: ......../BKHCN-CĐSQG", "Nguyễn Văn A",
            "Lưu: VT, CĐSQG.", "Phụ lục", "DANH MỤC NHIỆM VỤ"],
    "LAM-DONG": ["Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng", "Số: ......../BKHCN-CĐSQG",
                 "Nguyễn Văn A", "Lưu: VT, CĐSQG.", "Phụ lục", "(dự kiến)",
                 "Kế thừa từ: Bình Thuận"],
}
MAX_LETTER_PAGES = 2
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--hide-scrollbars"]

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
    return ok


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, timeout=300, **kwargs)
    if result.returncode != 0:
        sys.exit(f"check_letter_files: {' '.join(map(str, command))} exited "
                 f"{result.returncode}:\n{result.stderr.decode('utf-8', 'replace')[-3000:]}")
    return result.stdout.decode("utf-8", "replace")


def png_size(path):
    """(width, height) of a PNG file, or None if it is not one."""
    with open(path, "rb") as png:
        head = png.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def docx_text(document):
    """Paragraphs and table rows (cells joined with ' | ') in document order."""
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    text = " / ".join(p.text for p in cell.paragraphs if p.text)
                    if not cells or cells[-1] != text:  # a merged cell repeats
                        cells.append(text)
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def check_docx(agency, path, golden):
    document = docx.Document(str(path))
    text = docx_text(document)
    if os.environ.get("DXCOMPLY_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
        print(f"      rewrote {golden}")
    check(golden.is_file() and text == golden.read_text(encoding="utf-8"),
          f"{agency}.docx: its text equals {golden.relative_to(golden.parents[2])}")
    for part in EXPECTED[agency]:
        check(part in text, f"{agency}.docx holds “{part}”")
    section = document.sections[0]
    check(abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1),
          f"{agency}.docx: A4 pages")
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    check(all(abs(got - Mm(want)) < Mm(1) for got, want in zip(margins, [20, 20, 30, 15])),
          f"{agency}.docx: margins 20/20/30/15 mm")
    for name in ("Normal", "Body Text"):
        style = document.styles[name]
        check(style.font.name == "Times New Roman" and Pt(13) <= style.font.size <= Pt(14),
              f"{agency}.docx: style {name} is Times New Roman 13-14 pt")
    body = [p for p in document.paragraphs if p.style.name == "Body Text"]
    check(len(body) >= 3, f"{agency}.docx: the letter's paragraphs are in Body Text ({len(body)})")
    label = [p for p in document.paragraphs if p.text == "Phụ lục"]
    check(len(label) == 1 and label[0].style.paragraph_format.page_break_before,
          f"{agency}.docx: the appendix starts a page")
    styles = [table.style.name for table in document.tables]
    check(styles.count("Items Table") == 1 and len(styles) == 3,
          f"{agency}.docx: header and signature are layout tables, the appendix an Items Table "
          f"({styles})")


def check_pdf(agency, path, work):
    pages = int(next(line.split()[-1] for line in run(["pdfinfo", str(path)]).splitlines()
                     if line.startswith("Pages:")))
    texts = [run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"])
             for n in range(1, pages + 1)]
    whole = "\n".join(" ".join(t.split()) for t in texts)
    for part in EXPECTED[agency]:
        check(" ".join(part.split()) in whole, f"{agency}.pdf holds “{part}”")
    appendix = next((n for n, t in enumerate(texts, 1) if "DANH MỤC NHIỆM VỤ" in t), None)
    signature = next((n for n, t in enumerate(texts, 1) if "Nơi nhận:" in t), None)
    check(signature is not None and signature <= MAX_LETTER_PAGES,
          f"{agency}.pdf: the letter ends on page {signature} (at most {MAX_LETTER_PAGES})")
    check(appendix == signature + 1 if signature else False,
          f"{agency}.pdf: the appendix starts on the next page ({appendix}) of {pages}")
    fonts = run(["pdffonts", str(path)])
    check(("TimesNewRoman" in fonts or "LiberationSerif" in fonts) and "DejaVu" not in fonts,
          f"{agency}.pdf: set in Times New Roman (or Liberation Serif)")
    prefix = work / f"{agency}-page"
    for old in work.glob(f"{agency}-page-*.png"):
        old.unlink()
    run(["pdftoppm", "-r", "50", "-png", str(path), str(prefix)])
    images = sorted(work.glob(f"{agency}-page-*.png"))
    sizes = [png_size(image) for image in images]
    check(len(images) == pages and all(s and abs(s[0] / s[1] - 210 / 297) < 0.01 for s in sizes),
          f"{agency}.pdf: {pages} A4 pages rendered to PNG ({len(images)})")


def check_html(agency, path, work):
    profile = work / "chromium-profile"
    shutil.rmtree(profile, ignore_errors=True)
    screenshot = work / f"{agency}-html.png"
    if screenshot.exists():
        screenshot.unlink()
    run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
         f"--screenshot={screenshot}", "--window-size=900,1270", path.resolve().as_uri()])
    check(screenshot.is_file() and png_size(screenshot) == (900, 1270),
          f"{agency}.html rendered by Chromium to a 900x1270 PNG")


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, db, source, work = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    work.mkdir(parents=True, exist_ok=True)
    for agency, case in LETTERS.items():
        out = work / agency
        shutil.rmtree(out, ignore_errors=True)
        run([binary, "remind", "--db", db, "--rules", str(source / "rules"), "--as-of", AS_OF,
             "--out", str(out), "--agency", agency, "--letter-settings",
             str(source / "tests" / "remind" / "letter-settings.yaml"),
             "--format", "md,html,docx,pdf"])
        golden = source / "tests" / "golden" / "cases" / case
        names = sorted(p.name for p in out.iterdir())
        check(names == sorted([f"{agency}.{x}" for x in ("md", "html", "docx", "pdf")]
                              + ["run.json", "runs.jsonl"]),
              f"{agency}: one file per format, and the run's record ({names})")
        for extension in ("md", "html"):
            check((out / f"{agency}.{extension}").read_bytes()
                  == (golden / "expected.files" / f"{agency}.{extension}").read_bytes(),
                  f"{agency}.{extension} equals the golden case's")
        check_docx(agency, out / f"{agency}.docx", golden / "expected.docx.txt")
        check_pdf(agency, out / f"{agency}.pdf", work)
        check_html(agency, out / f"{agency}.html", work)
    if failures:
        print(f"check_letter_files: {len(failures)} failed:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
