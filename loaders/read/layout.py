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
from loaders.read.lines import Lines, lines_of, piece_chars

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


def _splits(lines: Lines, which: list[int], gutter: float) -> list[int | None]:
    """Per line, how many of its characters stand left of the gutter, or None when its text
    runs across it (a character over it, or the two sides closer than a gutter is wide)."""
    out: list[int | None] = []
    x0, x1, starts, ends = lines.lefts_list, lines.rights_list, lines.starts_list, lines.ends_list
    ems = lines.ems_list
    for k in which:
        a, b = starts[k], ends[k]
        split = bisect_left(x0, gutter, a, b)
        if (split > a and max(x1[a:split]) > gutter) or (a < split < b and x0[split] - x1[split - 1] < max(MIN_GAP, GUTTER_EMS * ems[k])):
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
    above: int | None = None  # where in `out` the two-column block just above begins
    for i, (k, split) in enumerate(zip(which + [-1], _splits(lines, which, gutter) + [None])):
        if block and (split is None or tops[i] - tops[i - 1] > BLOCK_GAP * pitch):
            parts, in_columns = _block_parts(lines, block)
            whole = in_columns == len(block)
            if above is not None and not whole:
                parts = _in_left_column(lines, block, out[above:], pitch) or parts
                whole = parts[0].column is not None
            if whole and above is not None and _same_columns(out[above:], parts, pitch):
                out[above:] = _left_first(out[above:] + parts)
            else:
                above = len(out) if whole else None
                out += parts
            columned += in_columns
            block = []
        if k < 0:
            break
        if split is not None:
            block.append((k, split))
        else:
            above = None
            out.append(Piece(k, lines.starts_list[k], lines.ends_list[k]))
    return out, columned


def _in_left_column(lines: Lines, block: list[tuple[int, int]], upper: list[Piece], pitch: float) -> list[Piece]:
    """The block as pieces of the left column of the two-column block above, when that column
    ran on below the right one's end and all of the block's lines are text within it: they go
    on with it. (A table below both columns is no text; nor a list once the columns stop.)"""
    left = min((p.column for p in upper), key=lambda box: box[0])
    tops = {box: max(lines.line_top(p.line) for p in upper if p.column == box) for box in {p.column for p in upper}}
    if len(tops) != 2 or tops[left] <= min(tops.values()) or any(
            s < lines.ends_list[k] or lines.start(lines.starts_list[k]) < left[0] - pitch
            or lines.end(lines.starts_list[k], s) > left[1] + pitch for k, s in block):
        return []
    pieces = [Piece(k, lines.starts_list[k], s, left) for k, s in block]
    return pieces if _text_side(lines, pieces, float(np.median([lines.em(k) for k, _ in block]))) else []


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


def _block_parts(lines: Lines, block: list[tuple[int, int]]) -> tuple[list[Piece], int]:
    """Left column then right column when the block is two text columns, else lines in order;
    and how many of its lines are in columns. A table set across the page where the columns
    break off runs into the columns below it without a gap: when the block as a whole is no
    two columns, the lines after the table's last row (the last line whose left side has a
    cell's gap) are tried alone."""
    parts, is_columns = _two_columns(lines, block)
    if is_columns:
        return parts, len(block)
    celled = [i for i, (k, s) in enumerate(block) if cell_gap(lines, Piece(k, lines.starts_list[k], s))]
    cut = celled[-1] + 1 if celled else 0
    if 0 < cut and len(block) - cut >= 2 * MIN_SIDE_LINES:
        tail, is_columns = _two_columns(lines, block[cut:])
        if is_columns:
            return _two_columns(lines, block[:cut])[0] + tail, len(block) - cut
    return parts, 0


def _two_columns(lines: Lines, block: list[tuple[int, int]]) -> tuple[list[Piece], bool]:
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
    # a right column of a line or two that ends a document stands at the top of the block
    # (a short piece beside the left column's last lines is a signature's date, not a column)
    tail = len(rights) < MIN_SIDE_LINES and rights[0].line == lefts[0].line
    if left.extent < MEASURE_EMS * em or (right.extent < MEASURE_EMS * em and not tail
                                          and not (left.reaching >= MIN_SIDE_LINES and _list_column(lines, rights, em))):
        return False
    filling = left.filled or (len(rights) >= MIN_SIDE_LINES and right.filled) or left.reaching >= MIN_SIDE_LINES
    return filling and _text_side(lines, lefts, em) and _text_side(lines, rights, em)


def _list_column(lines: Lines, rights: list[Piece], em: float) -> bool:
    """A narrow right side that is a column of its own beside a column of text: a list of short
    lines (a table flattened one cell a line), one at every line's step down the block. The
    units beside a borderless table's wrapped task cells stand only where a row begins."""
    tops = [lines.line_top(p.line) for p in rights]
    return len(rights) >= 2 * MIN_SIDE_LINES and all(0 < b - a <= LIST_STEP * em for a, b in zip(tops, tops[1:]))


class _Side:
    """One side of a block around a gutter: where its lines end and how many reach its edge."""

    def __init__(self, lines: Lines, parts: list[Piece], em: float):
        ends = lines.ends_of(parts)
        self.extent = float(ends.max()) - float(lines.starts_of(parts).min())
        self.reaching = int(np.count_nonzero(ends >= float(ends.max()) - FILL_EMS * em))
        self.filled = self.reaching * 2 >= len(parts)  # most lines of a text column reach its edge


def _text_side(lines: Lines, parts: list[Piece], em: float) -> bool:
    """Few lines of the side have a gap as wide as between table cells, and no column of white
    runs down through all of them (as between the names and the titles of a name table)."""
    celled = sum(1 for p in parts if cell_gap(lines, p))  # one such line may be a dateline
    return celled <= max(1, CELLED_SHARE * len(parts)) and not rivers(lines, parts, em)


def rivers(lines: Lines, parts: list[Piece], em: float) -> list[tuple[int, int]]:
    """The x-ranges, at least RIVER ems wide, inside the pieces' extent that no character of
    theirs covers: where the columns of a table part."""
    chars = piece_chars(parts)
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
    box = (float(lines.starts_of(parts).min()), float(lines.ends_of(parts).max()))
    return [Piece(p.line, p.a, p.b, box) for p in parts]


def layout_page(chars: list[Char] | Glyphs, width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first."""
    glyphs = chars if isinstance(chars, Glyphs) else Glyphs.of(chars)
    lines = lines_of(glyphs)
    pieces = reading_order(lines, list(range(len(lines.starts))), width)
    return "\n".join(lines.piece(p.a, p.b) for p in pieces)
