"""Whether the two sides of a block of lines around a gutter are two columns of text.

The column layout (loaders.read.layout) asks it of each block of lines that never cross a
gutter: both sides wide, lines that fill their column, and neither side cut by the gaps of
table cells or by a column of white down all its lines (a river, where a table's columns
part; loaders.read.tables reads a borderless table by them). A side is tested on arrays of
its lines, one numpy call for all of them, not line by line.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from loaders.read.gutters import MIN_SIDE_LINES
from loaders.read.lines import Lines, median, piece_bounds, spans

FILL_EMS = 1.5  # a column line "fills" when it ends within this many ems of the column edge
RIVER = 0.7  # ems (of a line's height, ~1.1 point sizes): a column of white this wide down a block
# of lines parts the columns of a table; a one-em gap between names and titles is one
CELLED_SHARE = 0.2  # a column of text has at most this share of lines with such gaps
MEASURE_EMS = 8  # a column of text is at least this many characters wide
LIST_STEP = 2.5  # ems; the lines of a list column stand at most this far apart


class Piece(NamedTuple):
    """Characters a..b-1 of line `line`, in a column spanning left..right (None: the page)."""

    line: int
    a: int
    b: int
    column: tuple[float, float] | None = None


class Side:
    """One side of a block around a gutter: line k[i]'s characters a[i]..b[i]-1, where each
    starts and ends, and how many reach the side's right edge."""

    def __init__(self, lines: Lines, k: np.ndarray, a: np.ndarray, b: np.ndarray):
        self.k, self.a, self.b = k, a, b
        self.starts, self.ends = lines.x0[a], lines.ends_between(a, b)
        self.left, self.right = float(self.starts.min()), float(self.ends.max())
        self.extent = self.right - self.left

    def __len__(self) -> int:
        return len(self.k)

    def reaching(self, em: float) -> int:
        return int(np.count_nonzero(self.ends >= self.right - FILL_EMS * em))

    def filled(self, em: float) -> bool:
        return self.reaching(em) * 2 >= len(self)  # most lines of a text column reach its edge

    def pieces(self, column: tuple[float, float] | None = None) -> list[Piece]:
        """The side's pieces, set in `column` (by default the side's own extent)."""
        box = column or (self.left, self.right)
        return [Piece(k, a, b, box) for k, a, b in zip(self.k.tolist(), self.a.tolist(), self.b.tolist())]


def text_columns(lines: Lines, left: Side, right: Side) -> bool:
    """Two columns of text: both sides wide and free of the gaps of table cells, and lines
    that fill their column — most lines of one side, or at least a few of the left one (a
    column of text may go on in a list, whose lines are ragged). The cells of a table fill
    their columns too when they wrap, but a side of a table is cells. (The caller has seen
    enough lines on the left and some on the right: a right column may end a document in a
    line or two.)"""
    em = median(lines.ems[np.concatenate((left.k, right.k))].tolist())
    # a right column of a line or two that ends a document stands at the top of the block
    # (a short piece beside the left column's last lines is a signature's date, not a column)
    tail = len(right) < MIN_SIDE_LINES and right.k[0] == left.k[0]
    if left.extent < MEASURE_EMS * em or (right.extent < MEASURE_EMS * em and not tail
                                          and not (left.reaching(em) >= MIN_SIDE_LINES and _list_column(lines, right, em))):
        return False
    filling = left.filled(em) or (len(right) >= MIN_SIDE_LINES and right.filled(em)) or left.reaching(em) >= MIN_SIDE_LINES
    return filling and text_side(lines, left, em) and text_side(lines, right, em)


def _list_column(lines: Lines, right: Side, em: float) -> bool:
    """A narrow right side that is a column of its own beside a column of text: a list of short
    lines (a table flattened one cell a line), one at every line's step down the block. The
    units beside a borderless table's wrapped task cells stand only where a row begins."""
    steps = np.diff(lines.tops[right.k])
    return len(right) >= 2 * MIN_SIDE_LINES and bool(((steps > 0) & (steps <= LIST_STEP * em)).all())


def text_side(lines: Lines, side: Side, em: float) -> bool:
    """Few lines of the side have a gap as wide as between table cells, and no column of white
    runs down through all of them (as between the names and the titles of a name table)."""
    celled = int(np.count_nonzero(lines.cell_gaps(side.a, side.b)))  # one such line may be a dateline
    return celled <= max(1, CELLED_SHARE * len(side)) and not _rivers(lines, side.a, side.b, em)


def rivers(lines: Lines, parts: list[Piece], em: float) -> list[tuple[int, int]]:
    """The x-ranges, at least RIVER ems wide, inside the pieces' extent that no character of
    theirs covers: where the columns of a table part."""
    bounds = piece_bounds(parts)
    return _rivers(lines, bounds[0::2], bounds[1::2], em)


def _rivers(lines: Lines, a: np.ndarray, b: np.ndarray, em: float) -> list[tuple[int, int]]:
    """rivers() of the pieces characters a[i]..b[i]-1."""
    chars = spans(a, b)
    starts, stops = lines.x0[chars].astype(int), np.ceil(lines.x1[chars]).astype(int)
    left = int(starts.min())
    size = int(stops.max()) - left + 2
    cover = np.bincount(starts - left, minlength=size) - np.bincount(stops - left, minlength=size)
    blank = np.cumsum(cover)[:-1] == 0
    edges = np.flatnonzero(blank[1:] != blank[:-1]).tolist()
    return [(first + 1 + left, last + 1 + left) for first, last in zip(edges[::2], edges[1::2])
            if last - first >= RIVER * em]


def cell_gap(lines: Lines, piece: Piece) -> bool:
    """Whether a gap inside the piece is as wide as between the cells of a table."""
    return piece.b - piece.a > 1 and lines.wide[piece.b - 1] > lines.wide[piece.a]
