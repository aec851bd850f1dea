"""Column layout: characters with boxes → lines → text in reading order.

Pure functions over character lists, shared by both PDF readers (loaders.read.pdf) so that
pypdfium2 and pdfplumber read a page to the same text. A page is grouped into lines by
vertical centre; a gutter is searched in the middle of the page; blocks of lines that never
cross it and whose sides both fill their columns read left column first.
"""

from __future__ import annotations

from math import ceil
from statistics import median
from typing import NamedTuple


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    ink: bool  # False for spaces

    @classmethod
    def of(cls, text: str, x0: float, x1: float, top: float, bottom: float) -> "Char":
        return cls(text, float(x0), float(x1), float(top), float(bottom), not text.isspace())


MIN_GAP = 6.0  # pt; a narrower gap between characters is a word space, never a gutter
MIDDLE = (0.3, 0.7)  # share of the page width where a gutter may stand
MIN_SIDE_LINES = 3  # lines on each side of the gutter before a block reads as two columns
FILL_EMS = 1.5  # a column line "fills" when it ends within this many ems of the column edge
BLOCK_GAP = 2.0  # line pitches; a wider vertical gap ends a block (header rule, new section)
TAB_EMS = 4.0  # a gap this wide separates table cells, written as a tab

Line = list[Char]


def layout_page(chars: list[Char], width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first.

    Each candidate gutter is tried and the one that puts the most lines into column blocks
    wins, so the wide gap of a table does not hide the narrow gutter of the body text.
    """
    lines = _lines(chars)
    best, best_columned = lines, 0
    for gutter in _gutters(lines, width):
        parts, columned = _reading_order(lines, gutter)
        if columned > best_columned:
            best, best_columned = parts, columned
    return "\n".join(_line_text(part) for part in best)


def _lines(chars: list[Char]) -> list[Line]:
    """Characters grouped by vertical centre (within half a character height), left to right."""
    lines: list[Line] = []
    current: Line = []
    centre = half = 0.0
    for c in sorted(chars, key=lambda c: c.top + c.bottom):
        mid = (c.top + c.bottom) / 2
        if current and abs(mid - centre) <= half:
            current.append(c)
            continue
        if current:
            lines.append(sorted(current, key=lambda c: c.x0))
        current, centre, half = [c], mid, max(c.bottom - c.top, 1.0) / 2
    if current:
        lines.append(sorted(current, key=lambda c: c.x0))
    return lines


def _gutters(lines: list[Line], width: float, keep: int = 3) -> list[float]:
    """Candidate gutters in the middle of the page: the xs most covered by wide gaps between
    neighbouring characters of a line, and the widest stretch the least ink crosses (the
    gutter of columns whose baselines do not line up, which leaves no gaps inside a line)."""
    lo, hi = int(width * MIDDLE[0]), int(width * MIDDLE[1])
    gaps, ink = [], []
    for line in lines:
        chars = [c for c in line if c.ink]
        ink += [(int(c.x0), int(c.x1)) for c in chars]
        gaps += [(int(a.x1) + 1, ceil(b.x0) - 1) for a, b in zip(chars, chars[1:])
                 if b.x0 - a.x1 >= MIN_GAP]
    runs = _cover_runs(gaps, lo, hi)
    peaks = sorted((r for k, r in enumerate(runs) if r[0] >= MIN_SIDE_LINES
                    and (k == 0 or runs[k - 1][0] < r[0])
                    and (k + 1 == len(runs) or runs[k + 1][0] < r[0])), key=lambda r: -r[0])
    found = [lo + (first + last) / 2 for _, first, last in peaks[:keep]]
    runs = _cover_runs(ink, lo, hi)
    least = min(cover for cover, _, _ in runs)
    _, first, last = max((r for r in runs if r[0] == least), key=lambda r: r[2] - r[1])
    return list(dict.fromkeys(found + [lo + (first + last) / 2]))


def _cover_runs(spans: list[tuple[int, int]], lo: int, hi: int) -> list[list[int]]:
    """How many spans cover each x in [lo, hi], as runs [cover, first x - lo, last x - lo]."""
    steps = [0] * (hi - lo + 2)  # a difference array: +1 where a span opens, -1 after it closes
    for start, end in spans:
        start, end = max(lo, start), min(hi, end)
        if start <= end:
            steps[start - lo] += 1
            steps[end - lo + 1] -= 1
    runs: list[list[int]] = []
    cover = 0
    for i, step in enumerate(steps[:-1]):
        cover += step
        if runs and runs[-1][0] == cover:
            runs[-1][2] = i
        else:
            runs.append([cover, i, i])
    return runs


def _sides(line: Line, gutter: float) -> tuple[Line, Line] | None:
    """The line's parts left and right of the gutter, or None when its text runs across it."""
    left = [c for c in line if c.x1 <= gutter]
    right = [c for c in line if c.x0 >= gutter]
    if len(left) + len(right) < len(line):
        return None
    if left and right and right[0].x0 - left[-1].x1 < MIN_GAP:
        return None
    return left, right


def _reading_order(lines: list[Line], gutter: float) -> tuple[list[Line], int]:
    """Lines (or their parts) in reading order around this gutter, and how many lines sit in
    two-column blocks: runs of lines that never cross the gutter, between vertical gaps."""
    out: list[Line] = []
    pitch, columned = _pitch(lines), 0
    block: list[tuple[Line, Line]] = []
    for i, line in enumerate(lines + [[]]):
        sides = _sides(line, gutter) if line else None
        if block and (sides is None or line[0].top - lines[i - 1][0].top > BLOCK_GAP * pitch):
            parts, is_columns = _block_parts(block)
            out += parts
            columned += len(block) if is_columns else 0
            block = []
        if sides is not None:
            block.append(sides)
        elif line:
            out.append(line)
    return out, columned


def _pitch(lines: list[Line]) -> float:
    steps = [b[0].top - a[0].top for a, b in zip(lines, lines[1:]) if b[0].top > a[0].top]
    return median(steps) if steps else 0.0


def _block_parts(block: list[tuple[Line, Line]]) -> tuple[list[Line], bool]:
    """Left column then right column when both sides are full columns, else lines in order."""
    lefts = [left for left, _ in block if left]
    rights = [right for _, right in block if right]
    if min(len(lefts), len(rights)) >= MIN_SIDE_LINES and _filled(lefts) and _filled(rights):
        return lefts + rights, True
    return [left + right for left, right in block], False


def _filled(parts: list[Line]) -> bool:
    """Most lines of a text column reach its right edge; the cells of a table end ragged."""
    ends = [max(c.x1 for c in part) for part in parts]
    em = median(c.bottom - c.top for part in parts for c in part)
    full = sum(1 for end in ends if end >= max(ends) - FILL_EMS * em)
    return full * 2 >= len(ends)


def _line_text(line: Line) -> str:
    """Characters with a space where the gap is wide, a tab between table cells."""
    out: list[str] = []
    prev, spaced = None, False
    for c in line:
        if not c.ink:
            spaced = True
            continue
        if prev is not None:
            width = prev.x1 - prev.x0
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * width:
                continue  # the same glyph printed twice: fake bold
            gap, em = c.x0 - prev.x1, max(prev.bottom - prev.top, 1.0)
            if gap >= TAB_EMS * em:
                out.append("\t")
            elif spaced or gap > 0.5 * (width or em):
                out.append(" ")
        out.append(c.text)
        prev, spaced = c, False
    return "".join(out)
