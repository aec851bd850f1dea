"""A page's characters grouped into lines and written out, on numpy arrays.

Characters are grouped into lines by vertical centre and ordered by x; a line's text puts a
space where the gap is wide (or the PDF draws one) and a tab between table cells, and a glyph
printed twice at one place (fake bold) once. Per line, its top, bottom, right end and height
are kept as arrays, and as lists what the layout asks of every line many times a page.
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import NamedTuple

import numpy as np

from loaders.read.glyphs import Glyphs

TAB_EMS = 4.0  # a gap this wide separates table cells, written as a tab
CELL_GAP = 1.5  # ems; a gap this wide may part two cells of a table
SAME_LINE = 0.4  # centres closer than this share of a character's height share a line
_TAB, _SPACE = 9, 32


class Lines(NamedTuple):
    """A page's ink characters in line order, left to right; line k is chars starts[k]:ends[k].
    `text` is the whole page written out, char i at text[pos[i]], a space or a tab before it
    where the gap says so (never before a line's first character). Per line, its top, bottom,
    right end and character height (`ems`, the median) are kept as arrays."""

    text: str
    pos: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    tops: np.ndarray
    bottoms: np.ndarray
    rights: np.ndarray
    ems: np.ndarray
    lefts_list: list  # x0, x1, starts and ends as lists, for the per-line questions asked
    rights_list: list  # many times a page (numpy's per-call cost is the larger part there)
    starts_list: list
    ends_list: list
    wide: list  # wide[i]: how many gaps as wide as between table cells stand before chars 1..i
    wide_counts: np.ndarray  # the same as an array, for the column tests over a block's pieces
    ems_list: list  # ems and tops as lists: the layout asks for them hundreds of times a page
    tops_list: list

    def piece(self, a: int, b: int) -> str:
        """The text of characters a..b-1 of one line."""
        return self.text[self.pos[a]:self.pos[b - 1] + 1] if b > a else ""

    def left(self, k: int) -> float:
        return float(self.x0[self.starts[k]])

    def right(self, k: int) -> float:
        return float(self.rights[k])

    def line_top(self, k: int) -> float:
        return self.tops_list[k]

    def em(self, k: int) -> float:
        return self.ems_list[k]

    def end(self, a: int, b: int) -> float:
        """The right end of characters a..b-1 of one line."""
        return max(self.rights_list[a:b])

    def start(self, a: int) -> float:
        return self.lefts_list[a]

    def chars_of(self, which: list[int]) -> np.ndarray:
        """The indices of the characters of lines `which`, in that order."""
        return spans(self.starts[which], self.ends[which])

    def ends_between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The right end of characters a[i]..b[i]-1 (each of one line, none empty), for each i."""
        return _over_bounds(np.maximum, self.x1, _interleaved(a, b))

    def tops_between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The top of the highest of characters a[i]..b[i]-1 (of one line, none empty), for each i."""
        return _over_bounds(np.minimum, self.top, _interleaved(a, b))

    def texts_between(self, a: np.ndarray, b: np.ndarray) -> list[str]:
        """`piece(a[i], b[i])` for each i (none empty): the slices' ends found in two numpy calls."""
        text = self.text
        return [text[i:j] for i, j in zip(self.pos[a].tolist(), (self.pos[b - 1] + 1).tolist())]

    def cell_gaps(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """For each i, whether a gap inside characters a[i]..b[i]-1 of one line is as wide as
        between the cells of a table (columns.cell_gap, for many pieces at once)."""
        wide = self.wide_counts
        return (b - a > 1) & (wide[b - 1] > wide[a])


def spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """starts[0]..ends[0]-1, starts[1]..ends[1]-1, … as one array of indices."""
    counts = ends - starts
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))


def median(values) -> float:
    """np.median's value (the middle value, or the mean of the two middle ones) without its
    overhead, which for the few dozen values the layout asks about is ten times the sort."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return float((ordered[middle - 1] + ordered[middle]) / 2)


_LIMITS = itemgetter(1, 2)  # a Piece's a and b


def piece_bounds(pieces: list) -> np.ndarray:
    """a0, b0, a1, b1, … of the pieces."""
    return np.fromiter(chain.from_iterable(map(_LIMITS, pieces)), dtype=np.intp, count=2 * len(pieces))


def _interleaved(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a0, b0, a1, b1, …"""
    bounds = np.empty(2 * len(a), dtype=np.intp)
    bounds[0::2], bounds[1::2] = a, b
    return bounds


def _over_bounds(ufunc: np.ufunc, values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """`ufunc` reduced over characters a..b-1 for each a, b of the bounds a0, b0, a1, b1, …:
    reduceat reduces a..b-1 at each even bound (the odd ones are thrown away); the pad lets b
    be one past the last character."""
    return ufunc.reduceat(np.append(values, 0.0), bounds)[::2]


def lines_of(g: Glyphs, keep: np.ndarray | None = None) -> Lines:
    """The characters (those `keep` marks) grouped into lines and written out."""
    if keep is not None:
        idx = np.flatnonzero(keep)
        g = Glyphs("".join(g.text[i] for i in idx), g.x0[idx], g.x1[idx], g.top[idx], g.bottom[idx], g.ink[idx])
    n = len(g.text)
    if n == 0:
        empty, none = np.zeros(0), np.zeros(0, dtype=int)
        return Lines("", none, empty, empty, empty, empty, none, none, empty, empty, empty, empty,
                     [], [], [], [], [0], np.zeros(1, dtype=int), [], [])
    mid, height = (g.top + g.bottom) / 2, np.maximum(g.bottom - g.top, 1.0)
    order = np.argsort(mid, kind="stable")
    jump = np.diff(mid[order]) > SAME_LINE * np.maximum(height[order][1:], height[order][:-1])
    line = np.empty(n, dtype=int)
    line[order] = np.concatenate([[0], np.cumsum(jump)])
    order, line = _line_order(line, g.x0)
    ink, x0 = g.ink[order], g.x0[order]
    codes = np.frombuffer(g.text.encode("utf-32-le"), dtype=np.uint32)[order]
    x1 = g.x1[order]
    keep = _kept(ink, line, codes, x0, x1)
    spaced = _spaced(ink, line, keep)
    kept = order[keep]  # the top and bottom are only needed of the characters kept
    line, codes, x0, x1, spaced = (a[keep] for a in (line, codes, x0, x1, spaced))
    return _written(line, codes, x0, x1, g.top[kept], g.bottom[kept], spaced)


def _line_order(line: np.ndarray, x0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The characters by line, then left to right, ties in their order: np.lexsort((x0, line));
    and their lines in that order. pdfium lists most lines' characters left to right already;
    then a stable sort by line alone (small integers: a tenth of lexsort's time) gives that
    order, as one pass checks."""
    order = np.argsort(line, kind="stable")
    x, ordered = x0[order], line[order]
    if ((ordered[1:] == ordered[:-1]) & ~(x[1:] >= x[:-1])).any():  # a line out of order (or a NaN box)
        order = np.lexsort((x0, line))
        return order, line[order]
    return order, ordered


def _kept(ink, line, codes, x0, x1) -> np.ndarray:
    """Ink characters, without a glyph printed twice at nearly one place (fake bold)."""
    keep = ink.copy()
    width = np.maximum(x1 - x0, 0.1)
    twice = (codes[1:] == codes[:-1]) & (line[1:] == line[:-1]) & (np.abs(x0[1:] - x0[:-1]) < 0.3 * width[:-1])
    keep[1:] &= ~twice
    return keep


def _spaced(ink, line, keep) -> np.ndarray:
    """Characters with a space the PDF draws before them in their line (a narrow one too)."""
    marked = np.zeros(len(ink), dtype=bool)
    if ink.all():
        return marked
    blanks, targets = np.flatnonzero(~ink), np.flatnonzero(keep)
    after = np.searchsorted(targets, blanks)  # the next kept character after each space
    valid = after < len(targets)
    hit = targets[after[valid]]
    marked[hit[line[hit] == line[blanks[valid]]]] = True
    return marked


def _written(line, codes, x0, x1, top, bottom, spaced) -> Lines:
    n = len(codes)
    new_line = line[1:] != line[:-1]
    starts = np.flatnonzero(np.concatenate([[True], new_line])) if n else np.zeros(0, dtype=int)
    ends = np.append(starts[1:], n)
    sep = np.zeros(n, dtype=np.uint32)
    heights = np.maximum(bottom - top, 1.0)
    gap = x0[1:] - x1[:-1]
    if n > 1:
        em = heights[:-1]
        width = x1[:-1] - x0[:-1]
        wide = np.where(width > 0, width, em)
        sep[1:] = np.where(gap >= TAB_EMS * em, _TAB, np.where(spaced[1:] | (gap > 0.5 * wide), _SPACE, 0))
        sep[starts] = 0
    has = sep > 0
    pos = np.arange(n) + np.cumsum(has)
    out = np.empty(n + int(has.sum()), dtype=np.uint32)
    out[pos] = codes
    out[pos[has] - 1] = sep[has]
    counts = ends - starts
    ems = np.add.reduceat(heights, starts) / counts if n else np.zeros(0)  # a line's mean height
    per_line = [np.minimum.reduceat(top, starts), np.maximum.reduceat(bottom, starts),
                np.maximum.reduceat(x1, starts)] if n else [np.zeros(0)] * 3
    wide = np.zeros(n, dtype=int)
    if n > 1:
        wide[1:] = (gap >= CELL_GAP * np.repeat(ems, counts)[1:]) & ~new_line
    wide_counts = np.cumsum(wide)
    return Lines(out.tobytes().decode("utf-32-le"), pos, x0, x1, top, bottom, starts, ends, *per_line, ems,
                 x0.tolist(), x1.tolist(), starts.tolist(), ends.tolist(), wide_counts.tolist(), wide_counts,
                 ems.tolist(), per_line[0].tolist())
