"""Column layout: a page's lines (loaders.read.lines) → pieces of lines in reading order.

Shared by both PDF readers (loaders.read.pdf), so that pypdfium2 and pdfplumber read a page
to the same text. Candidate gutters come from loaders.read.gutters; blocks of lines that never
cross one and that are two columns of text read left column first, and a block below that
goes on in the same columns (only a blank both columns share between them) is read with it.
Whether a block's two sides are columns of text is loaders.read.columns' to say. Only the
per-line decisions are a Python loop (a page has tens of lines, not thousands of characters).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

import numpy as np

from loaders.read.columns import Piece, Side, text_columns, text_side
from loaders.read.glyphs import Char, Glyphs
from loaders.read.gutters import MIN_GAP, MIN_SIDE_LINES, gutters
from loaders.read.lines import Lines, lines_of, median

GUTTER_EMS = 1.0  # a gap narrower than the line's em is a word space (in a large title), no gutter
BLOCK_GAP = 2.0  # line pitches; a wider vertical gap ends a block (header rule, new section)
ENOUGH_COLUMNED = 0.9  # share of the lines in columns that ends the search for a better gutter


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
    side = Side(lines, block.k, block.a, block.s)
    return side.pieces(left) if text_side(lines, side, median(lines.ems[block.k].tolist())) else []


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
        left = Side(lines, block.k[on_left], block.a[on_left], block.s[on_left])
        right = Side(lines, block.k[on_right], block.s[on_right], block.b[on_right])
        if text_columns(lines, left, right):
            return left.pieces() + right.pieces(), True
    return [Piece(*row) for row in zip(block.k.tolist(), block.a.tolist(), block.b.tolist())], False


def layout_page(chars: list[Char] | Glyphs, width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first."""
    glyphs = chars if isinstance(chars, Glyphs) else Glyphs.of(chars)
    lines = lines_of(glyphs)
    pieces = reading_order(lines, list(range(len(lines.starts))), width)
    return "\n".join(lines.piece(p.a, p.b) for p in pieces)
