"""Born-digital gazette pages for the PDF benchmark: the sample's own text set in two
columns under a running header, drawn with reportlab in the non-embedded CID font
STSong-Light as many gazette PDFs set Chinese (see tests/fixtures/make_fixtures.py).

    .venv/bin/python -m bench.pdfs OUT_DIR --pages 40
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from bench.corpus import SAMPLE

FONT, SIZE, LEADING = "STSong-Light", 10.5, 15
WIDTH, HEIGHT = A4
MARGIN, GUTTER, TOP, BOTTOM = 56, 22, HEIGHT - 86, 60
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2


def _lines(text: str, width: float) -> list[str]:
    """The sample's paragraphs broken into column lines by measured width."""
    out: list[str] = []
    for paragraph in filter(None, (p.strip() for p in text.splitlines())):
        line = ""
        for ch in paragraph:
            if pdfmetrics.stringWidth(line + ch, FONT, SIZE) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return out


def write_pdfs(out: Path, pages: int, pages_per_file: int = 10) -> list[Path]:
    """`pages` two-column pages in files of `pages_per_file`; the sample's text, repeated."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out.mkdir(parents=True, exist_ok=True)
    lines = _lines(SAMPLE.read_text(encoding="utf-8"), COLUMN)
    per_column = int((TOP - BOTTOM) / LEADING)
    paths, at = [], 0
    for first in range(0, pages, pages_per_file):
        path = out / f"gazette-{first // pages_per_file + 1:03d}.pdf"
        c = canvas.Canvas(str(path), pagesize=A4)
        for number in range(first + 1, min(first + pages_per_file, pages) + 1):
            c.setFont(FONT, SIZE)
            c.drawString(MARGIN, HEIGHT - 50, "阳泉市人民政府公报")
            c.drawRightString(WIDTH - MARGIN, HEIGHT - 50, "2020年第2期")
            for x in (MARGIN, MARGIN + COLUMN + GUTTER):
                y = TOP
                for _ in range(per_column):
                    c.drawString(x, y, lines[at % len(lines)])
                    at, y = at + 1, y - LEADING
            c.drawCentredString(WIDTH / 2, 36, f"- {number} -")
            c.showPage()
        c.save()
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args(argv)
    paths = write_pdfs(args.out, args.pages)
    print(f"{args.pages} pages in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
