"""A small typesetter for the parity harness (bench/parity.py): pages as gazettes print them.

Paragraphs wrap by measured width with a two-em first-line indent; a title is centred, and a
table is set across the columns; pages may have one or two text columns, a running head and a
page number, and be landscape — drawn either on a landscape page or on a portrait page turned
by /Rotate 90, as table pages often are. Name lists are set as borderless tables of two or three entries a row, filled column by
column, names letter-spaced to three ems (王  勇); task lists as ruled tables whose cells wrap,
whose header row repeats on every page and whose rows may break across a page.
Everything is positioned in points on the page as shown, y measured down from its top.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%")  # punctuation a line never starts with


def _carried(line: str, ch: str) -> int:
    """How many characters at the end of a full line go over with `ch` to the next line."""
    if ch in NO_LINE_START and len(line) > 1:
        return 1
    if _word(ch):
        run = len(line) - len(line.rstrip("".join(c for c in set(line) if _word(c))))
        return run if run < len(line) else 0
    return 0


def _word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class Geometry:
    """A page as shown: its size, the /Rotate it is stored with, margins and text columns."""

    width: float
    height: float
    turn: int = 0  # 0 or 90
    columns: int = 1
    margin: float = 64.0
    top: float = 84.0
    bottom: float = 70.0
    gutter: float = 24.0
    head: tuple[str, str] | None = None  # running head: left and right parts
    folio: bool = False  # a page number at the foot

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin

    def column_x(self, k: int) -> tuple[float, float]:
        width = (self.text_width - (self.columns - 1) * self.gutter) / self.columns
        x0 = self.margin + k * (width + self.gutter)
        return x0, x0 + width


class Setter:
    """Draws a document page by page; `y` is the distance of the next line's top from the
    page top, in the current column."""

    def __init__(self, path: Path, geometry: Geometry, font: str, size: float = 10.5):
        self.g, self.font, self.size = geometry, font, size
        self.leading = size * 1.6
        # reportlab takes the page size as shown and swaps the MediaBox of a turned page itself
        self.c = canvas.Canvas(str(path), pagesize=(geometry.width, geometry.height))
        self.page, self.column, self.y = 0, 0, 0.0
        self.span = False  # the current lines run across all columns (a title)
        self._start_page()

    # -- pages and columns -------------------------------------------------------------
    def _start_page(self) -> None:
        self.page += 1
        self.column, self.y = 0, self.g.top
        self.top_of_columns = self.g.top
        if self.g.turn:
            self.c.setPageRotation(90)
        self.c.saveState()
        if self.g.turn:  # draw as the page is shown: turned back by the /Rotate
            self.c.rotate(90)
            self.c.translate(0, -self.g.height)
        head = self.g.head
        if head:
            self.text(self.g.margin, 46, head[0], 9)
            self.text(self.g.width - self.g.margin - self.width(head[1], 9), 46, head[1], 9)
            self.rule(self.g.margin, self.g.width - self.g.margin, 60)
        if self.g.folio:
            folio = f"- {self.page} -"
            self.text((self.g.width - self.width(folio, 9)) / 2, self.g.height - 44, folio, 9)

    def new_page(self) -> None:
        self.c.restoreState()
        self.c.showPage()
        self._start_page()

    def room(self) -> float:
        return self.g.height - self.g.bottom - self.y

    def need(self, height: float) -> None:
        """Move to the next column or page unless `height` fits below."""
        if height <= self.room() or self.y <= self.g.top + 1:
            return
        if not self.span and self.column + 1 < self.g.columns:
            self.column, self.y = self.column + 1, self.top_of_columns
            return
        self.new_page()

    def bounds(self) -> tuple[float, float]:
        if self.span:
            return self.g.margin, self.g.width - self.g.margin
        return self.g.column_x(self.column)

    # -- drawing -----------------------------------------------------------------------
    def width(self, text: str, size: float | None = None) -> float:
        return pdfmetrics.stringWidth(text, self.font, size or self.size)

    def text(self, x: float, y_top: float, text: str, size: float | None = None) -> None:
        size = size or self.size
        self.c.setFont(self.font, size)
        self.c.drawString(x, self.g.height - y_top - size * 0.88, text)

    def rule(self, x0: float, x1: float, y: float, y1: float | None = None) -> None:
        """A ruling line: horizontal at y, or vertical from y to y1 at x0 (= x1)."""
        self.c.setLineWidth(0.6)
        self.c.line(x0, self.g.height - y, x1, self.g.height - (y if y1 is None else y1))

    def wrap(self, text: str, width: float, indent: float = 0.0, size: float | None = None) -> list[str]:
        """Greedy breaking by measured width; punctuation never starts a line, and a Latin
        word or a number is not broken."""
        lines, line, room = [], "", width - indent
        for ch in text:
            if line and self.width(line + ch, size) > room:
                keep = _carried(line, ch)
                lines.append(line[:len(line) - keep])
                line = line[len(line) - keep:]
                room = width
            line += ch
        return lines + [line] if line else lines

    # -- blocks ------------------------------------------------------------------------
    def title(self, text: str, size: float = 15.0) -> None:
        """A centred title across all columns, its lines broken by width."""
        self.span = True
        x0, x1 = self.bounds()
        for line in self.wrap(text, x1 - x0, size=size):
            self.need(size * 1.6)
            self.text((x0 + x1 - self.width(line, size)) / 2, self.y, line, size)
            self.y += size * 1.6
        self.y += self.leading * 0.5
        self.span = False
        self.top_of_columns = self.y

    def paragraph(self, text: str, indent: float = 2.0) -> None:
        x0, x1 = self.bounds()
        for k, line in enumerate(self.wrap(text, x1 - x0, indent * self.size)):
            self.need(self.leading)
            x0, _ = self.bounds()
            self.text(x0 + (indent * self.size if k == 0 else 0), self.y, line)
            self.y += self.leading

    def across(self, draw) -> None:
        """`draw` set across all columns, as a table is: on a page of its own when columns have
        begun on this one; the columns go on below it."""
        if self.g.columns > 1 and (self.column or self.y > self.top_of_columns + 1):
            self.new_page()
        self.span = True
        draw()
        self.span = False
        self.column, self.top_of_columns = 0, self.y

    def gap(self, lines: float = 0.5) -> None:
        self.y += lines * self.leading

    def save(self) -> None:
        self.c.restoreState()
        self.c.showPage()
        self.c.save()
