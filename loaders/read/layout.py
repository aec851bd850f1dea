"""Column layout: a page's lines (loaders.read.lines) → pieces of lines in reading order.

Shared by both PDF readers (loaders.read.pdf), so that pypdfium2 and pdfplumber read a page
to the same text. Candidate gutters come from loaders.read.gutters; blocks of lines that never
cross one and that are two columns of text read left column first, and a block below that
goes on in the same columns (only a blank both columns share between them) is read with it.
Only the per-line decisions are a Python loop (a page has tens of lines, not thousands of
characters).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

import numpy as np

from loaders.read.glyphs import Char, Glyphs
from loaders.read.gutters import MIN_GAP, MIN_SIDE_LINES, gutters
from loaders.read.lines import Lines, lines_of, median, piece_bounds, spans

GUTTER_EMS = 1.0  # a gap narrower than the line's em is a word space (in a large title), no gutter
FILL_EMS = 1.5  # a column line "fills" when it ends within this many ems of the column edge
BLOCK_GAP = 2.0  # line pitches; a wider vertical gap ends a block (header rule, new section)
RIVER = 0.7  # ems (of a line's height, ~1.1 point sizes): a column of white this wide down a block
# of lines parts the columns of a table; a one-em gap between names and titles is one
CELLED_SHARE = 0.2  # a column of text has at most this share of lines with such gaps
MEASURE_EMS = 8  # a column of text is at least this many characters wide
LIST_STEP = 2.5  # ems; the lines of a list column stand at most this far apart
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
    best, best_columned = None, 0
    if len(which) >= 2 * MIN_SIDE_LINES:
        for gutter in gutters(lines, which, width):
            parts, columned = _around(lines, which, gutter)
            if columned > best_columned:
                best, best_columned = parts, columned
            if columned >= ENOUGH_COLUMNED * len(which):
                break
    if best is None:  # no gutter put a line in columns: the lines as they stand
        best = [Piece(k, lines.starts_list[k], lines.ends_list[k]) for k in which]
    return best


class _Cut(NamedTuple):
    """Lines around a gutter, as arrays: line k[i] is characters a[i]..b[i]-1, those before
    s[i] left of the gutter. A block of lines is a run of these rows."""

    k: np.ndarray
    a: np.ndarray
    s: np.ndarray
    b: np.ndarray

    def rows(self, first: int, last: int) -> "_Cut":
        return _Cut(self.k[first:last], self.a[first:last], self.s[first:last], self.b[first:last])


def _splits(lines: Lines, which: list[int], gutter: float) -> tuple[_Cut, list[bool]]:
    """The lines cut at the gutter, and per line whether its text runs across it (a character
    over it, or the two sides closer than a gutter is wide). A loop over lines: the thirty numpy
    calls that do it for all lines at once cost more than a page's hundred bisections."""
    x0, x1, starts, ends = lines.lefts_list, lines.rights_list, lines.starts_list, lines.ends_list
    ems = lines.ems_list
    splits, crossing = [], []
    for k in which:
        a, b = starts[k], ends[k]
        split = bisect_left(x0, gutter, a, b)
        splits.append(split)
        crossing.append((split > a and max(x1[a:split]) > gutter) or (
            a < split < b and x0[split] - x1[split - 1] < max(MIN_GAP, GUTTER_EMS * ems[k])))
    k = np.array(which, dtype=np.intp)
    return _Cut(k, lines.starts[k], np.array(splits, dtype=np.intp), lines.ends[k]), crossing


def _around(lines: Lines, which: list[int], gutter: float) -> tuple[list[Piece], int]:
    """Pieces in reading order around this gutter, and how many lines sit in two-column
    blocks: runs of lines that never cross the gutter, between vertical gaps."""
    out: list[Piece] = []
    tops = [lines.tops_list[k] for k in which]
    # the line pitch: steps shorter than most characters are the two columns' lines
    # interleaving (set on baselines apart), not lines of one column
    least = 0.8 * median([lines.ems_list[k] for k in which])
    steps = [b - a for a, b in zip(tops, tops[1:]) if b > a]
    pitch = median([step for step in steps if step > least] or steps or [0.0])
    columned = 0
    cut, crossing = _splits(lines, which, gutter)
    first: int | None = None  # where in `which` the block being gathered begins
    above: int | None = None  # where in `out` the two-column block just above begins
    for i, across in enumerate(crossing + [True]):
        if first is not None and (across or tops[i] - tops[i - 1] > BLOCK_GAP * pitch):
            block = cut.rows(first, i)
            parts, in_columns = _block_parts(lines, block)
            whole = in_columns == i - first
            if above is not None and not whole:
                parts = _in_left_column(lines, block, out[above:], pitch) or parts
                whole = parts[0].column is not None
            if whole and above is not None and _same_columns(out[above:], parts, pitch):
                out[above:] = _left_first(out[above:] + parts)
            else:
                above = len(out) if whole else None
                out += parts
            columned += in_columns
            first = None
        if i == len(which):
            break
        if not across:
            first = i if first is None else first
        else:
            above = None
            k = which[i]
            out.append(Piece(k, lines.starts_list[k], lines.ends_list[k]))
    return out, columned


def _in_left_column(lines: Lines, block: _Cut, upper: list[Piece], pitch: float) -> list[Piece]:
    """The block as pieces of the left column of the two-column block above, when that column
    ran on below the right one's end and all of the block's lines are text within it: they go
    on with it. (A table below both columns is no text; nor a list once the columns stop.)"""
    left = min((p.column for p in upper), key=lambda box: box[0])
    tops = {box: max(lines.line_top(p.line) for p in upper if p.column == box) for box in {p.column for p in upper}}
    if len(tops) != 2 or tops[left] <= min(tops.values()) or (block.s < block.b).any():
        return []
    if (lines.x0[block.a] < left[0] - pitch).any() or (lines.ends_between(block.a, block.s) > left[1] + pitch).any():
        return []
    side = _Side(lines, block.k, block.a, block.s)
    return side.pieces(left) if _text_side(lines, side, median(lines.ems[block.k].tolist())) else []


def _same_columns(upper: list[Piece], lower: list[Piece], pitch: float) -> bool:
    """Two blocks one above the other, only a gap between them, set in the same columns (the
    lower one may have lines in one of them only): one pair of columns whose text left a
    blank at one height (a heading's space in each), to be read left column first over both."""
    above, below = ({p.column for p in side} for side in (upper, lower))
    return len(above) == 2 and None not in below and all(
        any(abs(a[0] - b[0]) <= pitch and abs(a[1] - b[1]) <= 2 * pitch for a in above) for b in below)


def _left_first(pieces: list[Piece]) -> list[Piece]:
    """The pieces of the left column (the leftmost box), then the rest, each in order."""
    left = min(p.column[0] for p in pieces)
    return [p for p in pieces if p.column[0] == left] + [p for p in pieces if p.column[0] != left]


def _block_parts(lines: Lines, block: _Cut) -> tuple[list[Piece], int]:
    """Left column then right column when the block is two text columns, else lines in order;
    and how many of its lines are in columns. A table set across the page where the columns
    break off runs into the columns below it without a gap: when the block as a whole is no
    two columns, the lines after the table's last row (the last line whose left side has a
    cell's gap) are tried alone."""
    parts, is_columns = _two_columns(lines, block)
    size = len(block.k)
    if is_columns:
        return parts, size
    celled = np.flatnonzero(lines.cell_gaps(block.a, block.s))
    cut = int(celled[-1]) + 1 if len(celled) else 0
    if 0 < cut and size - cut >= 2 * MIN_SIDE_LINES:
        tail, is_columns = _two_columns(lines, block.rows(cut, size))
        if is_columns:
            return _two_columns(lines, block.rows(0, cut))[0] + tail, size - cut
    return parts, 0


def _two_columns(lines: Lines, block: _Cut) -> tuple[list[Piece], bool]:
    on_left, on_right = block.s > block.a, block.s < block.b
    if np.count_nonzero(on_left) >= MIN_SIDE_LINES and on_right.any():
        left = _Side(lines, block.k[on_left], block.a[on_left], block.s[on_left])
        right = _Side(lines, block.k[on_right], block.s[on_right], block.b[on_right])
        if _text_columns(lines, left, right):
            return left.pieces() + right.pieces(), True
    return [Piece(*row) for row in zip(block.k.tolist(), block.a.tolist(), block.b.tolist())], False


class _Side:
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


def _text_columns(lines: Lines, left: _Side, right: _Side) -> bool:
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
    return filling and _text_side(lines, left, em) and _text_side(lines, right, em)


def _list_column(lines: Lines, right: _Side, em: float) -> bool:
    """A narrow right side that is a column of its own beside a column of text: a list of short
    lines (a table flattened one cell a line), one at every line's step down the block. The
    units beside a borderless table's wrapped task cells stand only where a row begins."""
    steps = np.diff(lines.tops[right.k])
    return len(right) >= 2 * MIN_SIDE_LINES and bool(((steps > 0) & (steps <= LIST_STEP * em)).all())


def _text_side(lines: Lines, side: _Side, em: float) -> bool:
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


def layout_page(chars: list[Char] | Glyphs, width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first."""
    glyphs = chars if isinstance(chars, Glyphs) else Glyphs.of(chars)
    lines = lines_of(glyphs)
    pieces = reading_order(lines, list(range(len(lines.starts))), width)
    return "\n".join(lines.piece(p.a, p.b) for p in pieces)
