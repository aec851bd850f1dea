"""Column layout: a page's lines (loaders.read.lines) → pieces of lines in reading order.

Shared by both PDF readers (loaders.read.pdf), so that pypdfium2 and pdfplumber read a page
to the same text. A gutter is searched in the middle of the page; blocks of lines that never
cross it and that are two columns of text read left column first. Only the per-line
decisions are a Python loop (a page has tens of lines, not thousands of characters).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

import numpy as np

from loaders.read.glyphs import Char, Glyphs
from loaders.read.lines import Lines, lines_of

MIN_GAP = 6.0  # pt; a narrower gap between characters is a word space, never a gutter
MIDDLE = (0.3, 0.7)  # share of the page width where a gutter may stand
MIN_SIDE_LINES = 3  # lines on each side of the gutter before a block reads as two columns
FILL_EMS = 1.5  # a column line "fills" when it ends within this many ems of the column edge
BLOCK_GAP = 2.0  # line pitches; a wider vertical gap ends a block (header rule, new section)
RIVER = 0.7  # ems (of a line's height, ~1.1 point sizes): a column of white this wide down a block
# of lines parts the columns of a table; a one-em gap between names and titles is one
CELLED_SHARE = 0.2  # a column of text has at most this share of lines with such gaps
MEASURE_EMS = 8  # a column of text is at least this many characters wide
ENOUGH_COLUMNED = 0.9  # share of the lines in columns that ends the search for a better gutter


class Piece(NamedTuple):
    """Characters a..b-1 of line `line`, in a column spanning left..right (None: the page)."""

    line: int
    a: int
    b: int
    column: tuple[float, float] | None = None


def reading_order(lines: Lines, which: list[int], width: float) -> list[Piece]:
    """The lines `which` (top to bottom) as pieces in reading order.

    Each candidate gutter is tried and the one that puts the most lines into column blocks
    wins, so the wide gap of a table does not hide the narrow gutter of the body text; one
    that puts nearly every line in columns ends the search.
    """
    best = [Piece(k, lines.starts_list[k], lines.ends_list[k]) for k in which]
    best_columned = 0
    if len(which) < 2 * MIN_SIDE_LINES:
        return best
    for gutter in _gutters(lines, which, width):
        parts, columned = _around(lines, which, gutter)
        if columned > best_columned:
            best, best_columned = parts, columned
        if columned >= ENOUGH_COLUMNED * len(which):
            break
    return best


def _gutters(lines: Lines, which: list[int], width: float, keep: int = 3) -> list[float]:
    """Candidate gutters in the middle of the page: the xs most covered by wide gaps between
    neighbouring characters of a line, and the widest stretch the least ink crosses (the
    gutter of columns whose baselines do not line up, which leaves no gaps inside a line)."""
    lo, hi = int(width * MIDDLE[0]), int(width * MIDDLE[1])
    chars = np.concatenate([np.arange(lines.starts_list[k], lines.ends_list[k]) for k in which])
    x0, x1 = lines.x0[chars], lines.x1[chars]
    line_of = np.repeat(np.arange(len(lines.starts)), lines.ends - lines.starts)
    same = np.diff(line_of[chars]) == 0
    wide = same & (x0[1:] - x1[:-1] >= MIN_GAP)
    gaps = (x1[:-1][wide].astype(int) + 1, np.ceil(x0[1:][wide]).astype(int) - 1)
    runs = _cover_runs(*gaps, lo, hi)
    covers = runs[:, 0]
    peak = covers >= MIN_SIDE_LINES
    peak[1:] &= covers[:-1] < covers[1:]
    peak[:-1] &= covers[1:] < covers[:-1]
    peaks = runs[peak][np.argsort(-covers[peak], kind="stable")][:keep]
    found = [lo + (first + last) / 2 for _, first, last in peaks.tolist()]
    runs = _cover_runs(x0.astype(int), x1.astype(int), lo, hi)
    least = runs[runs[:, 0] == runs[:, 0].min()]
    _, first, last = least[np.argmax(least[:, 2] - least[:, 1])].tolist()
    return list(dict.fromkeys(found + [lo + (first + last) / 2]))


def _cover_runs(starts: np.ndarray, ends: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """How many spans cover each x in [lo, hi], as rows [cover, first x - lo, last x - lo]."""
    starts, ends = np.maximum(starts, lo), np.minimum(ends, hi)
    ok = starts <= ends
    steps = np.zeros(hi - lo + 2, dtype=int)  # +1 where a span opens, -1 after it closes
    np.add.at(steps, starts[ok] - lo, 1)
    np.add.at(steps, ends[ok] - lo + 1, -1)
    cover = np.cumsum(steps[:-1])
    edges = np.flatnonzero(np.diff(cover)) + 1
    first = np.concatenate([[0], edges])
    last = np.append(edges - 1, len(cover) - 1)
    return np.stack([cover[first], first, last], axis=1)


def _splits(lines: Lines, which: list[int], gutter: float) -> list[int | None]:
    """Per line, how many of its characters stand left of the gutter, or None when its text
    runs across it (a character over it, or the two sides closer than a gutter is wide)."""
    out: list[int | None] = []
    x0, x1, starts, ends = lines.lefts_list, lines.rights_list, lines.starts_list, lines.ends_list
    for k in which:
        a, b = starts[k], ends[k]
        split = bisect_left(x0, gutter, a, b)
        if (split > a and max(x1[a:split]) > gutter) or (a < split < b and x0[split] - x1[split - 1] < MIN_GAP):
            out.append(None)
        else:
            out.append(split)
    return out


def _around(lines: Lines, which: list[int], gutter: float) -> tuple[list[Piece], int]:
    """Pieces in reading order around this gutter, and how many lines sit in two-column
    blocks: runs of lines that never cross the gutter, between vertical gaps."""
    out: list[Piece] = []
    tops = [lines.line_top(k) for k in which]
    # the line pitch: steps shorter than most characters are the two columns' lines
    # interleaving (set on baselines apart), not lines of one column
    least = 0.8 * float(np.median([lines.em(k) for k in which]))
    steps = [b - a for a, b in zip(tops, tops[1:]) if b > a]
    pitch = float(np.median([step for step in steps if step > least] or steps or [0.0]))
    columned = 0
    block: list[tuple[int, int]] = []
    for i, (k, split) in enumerate(zip(which + [-1], _splits(lines, which, gutter) + [None])):
        if block and (split is None or tops[i] - tops[i - 1] > BLOCK_GAP * pitch):
            parts, is_columns = _block_parts(lines, block)
            out += parts
            columned += len(block) if is_columns else 0
            block = []
        if k < 0:
            break
        if split is not None:
            block.append((k, split))
        else:
            out.append(Piece(k, lines.starts_list[k], lines.ends_list[k]))
    return out, columned


def _block_parts(lines: Lines, block: list[tuple[int, int]]) -> tuple[list[Piece], bool]:
    """Left column then right column when the block is two text columns, else lines in order."""
    lefts = [Piece(k, lines.starts_list[k], s) for k, s in block if s > lines.starts_list[k]]
    rights = [Piece(k, s, lines.ends_list[k]) for k, s in block if s < lines.ends_list[k]]
    if _text_columns(lines, lefts, rights):
        return _in_column(lines, lefts) + _in_column(lines, rights), True
    return [Piece(k, lines.starts_list[k], lines.ends_list[k]) for k, _ in block], False


def _text_columns(lines: Lines, lefts: list[Piece], rights: list[Piece]) -> bool:
    """Two columns of text: both sides wide and free of the gaps of table cells, and lines
    that fill their column — most lines of one side, or at least a few of the left one (a
    column of text may go on in a list, whose lines are ragged). The cells of a table fill
    their columns too when they wrap, but a side of a table is cells."""
    if len(lefts) < MIN_SIDE_LINES or not rights:  # a right column may end a document in a line or two
        return False
    em = float(np.median([lines.em(p.line) for p in lefts + rights]))
    left, right = _Side(lines, lefts, em), _Side(lines, rights, em)
    if min(left.extent, right.extent) < MEASURE_EMS * em:
        return False
    filling = left.filled or (len(rights) >= MIN_SIDE_LINES and right.filled) or left.reaching >= MIN_SIDE_LINES
    return filling and _text_side(lines, lefts, em) and _text_side(lines, rights, em)


class _Side:
    """One side of a block around a gutter: where its lines end and how many reach its edge."""

    def __init__(self, lines: Lines, parts: list[Piece], em: float):
        ends = [lines.end(p.a, p.b) for p in parts]
        self.extent = max(ends) - min(lines.start(p.a) for p in parts)
        self.reaching = sum(1 for end in ends if end >= max(ends) - FILL_EMS * em)
        self.filled = self.reaching * 2 >= len(parts)  # most lines of a text column reach its edge


def _text_side(lines: Lines, parts: list[Piece], em: float) -> bool:
    """Few lines of the side have a gap as wide as between table cells, and no column of white
    runs down through all of them (as between the names and the titles of a name table)."""
    celled = sum(1 for p in parts if cell_gap(lines, p))
    return celled <= CELLED_SHARE * len(parts) and not rivers(lines, parts, em)


def _chars(parts: list[Piece]) -> np.ndarray:
    """The indices of the pieces' characters."""
    starts = np.array([p.a for p in parts])
    counts = np.array([p.b - p.a for p in parts])
    return np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(counts.sum())


def rivers(lines: Lines, parts: list[Piece], em: float) -> list[tuple[int, int]]:
    """The x-ranges, at least RIVER ems wide, inside the pieces' extent that no character of
    theirs covers: where the columns of a table part."""
    chars = _chars(parts)
    starts, stops = lines.x0[chars].astype(int), np.ceil(lines.x1[chars]).astype(int)
    left = int(starts.min())
    cover = np.bincount(starts - left, minlength=int(stops.max()) - left + 2) \
        - np.bincount(stops - left, minlength=int(stops.max()) - left + 2)
    blank = (np.cumsum(cover)[:-1] == 0).astype(int)
    edges = np.flatnonzero(np.diff(blank))
    return [(a + 1 + left, b + 1 + left) for a, b in zip(edges[::2], edges[1::2]) if b - a >= RIVER * em]


def cell_gap(lines: Lines, piece: Piece) -> bool:
    """Whether a gap inside the piece is as wide as between the cells of a table."""
    return piece.b - piece.a > 1 and lines.wide[piece.b - 1] > lines.wide[piece.a]


def _in_column(lines: Lines, parts: list[Piece]) -> list[Piece]:
    box = (min(lines.start(p.a) for p in parts), max(lines.end(p.a, p.b) for p in parts))
    return [Piece(p.line, p.a, p.b, box) for p in parts]


def layout_page(chars: list[Char] | Glyphs, width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first."""
    glyphs = chars if isinstance(chars, Glyphs) else Glyphs.of(chars)
    lines = lines_of(glyphs)
    pieces = reading_order(lines, list(range(len(lines.starts))), width)
    return "\n".join(lines.piece(p.a, p.b) for p in pieces)
