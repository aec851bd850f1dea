"""Candidate gutters of a page's lines, for the column layout (loaders.read.layout).

A gutter is searched in the middle of the page, on arrays: where many lines have a wide gap
(the peaks of the gaps' cover, taken at their middle and at their clearest stretch), and
every wide stretch that the least ink of body-size lines crosses (columns whose baselines do
not line up leave no gaps inside a line; a title set across both columns crosses the gutter
by design). The layout tries each and keeps the one that puts most lines in columns.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from loaders.read.lines import Lines

MIN_GAP = 6.0  # pt; a narrower gap between characters is a word space, never a gutter
MIDDLE = (0.3, 0.7)  # share of the page width where a gutter may stand
TITLE_EMS = 1.15  # lines this much larger than the median are titles
MIN_SIDE_LINES = 3  # lines on each side of the gutter before a block reads as two columns


def gutters(lines: Lines, which: list[int], width: float, keep: int = 3) -> Iterator[float]:
    """Candidate gutters in the middle of the page, as xs, each once: for each of the `keep`
    peaks of the wide gaps' cover its middle and its clearest stretch, then the `keep` widest
    stretches the least ink of body-size lines crosses. The layout stops at the first that
    puts nearly every line in columns, which on a plain two-column page is the first of all:
    the peaks' clearest stretches and the stretches of least ink are only measured when it
    asks for more."""
    found: set[float] = set()
    for x in _candidates(lines, which, width, keep):
        if x not in found:
            found.add(x)
            yield x


def _candidates(lines: Lines, which: list[int], width: float, keep: int) -> Iterator[float]:
    lo, hi = int(width * MIDDLE[0]), int(width * MIDDLE[1])
    chars = lines.chars_of(which)
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
    ink = None  # measured only when the first peak's middle is no gutter
    for _, first, last in peaks.tolist():
        yield lo + (first + last) / 2
        if ink is None:
            ink = _cover(x0.astype(int), x1.astype(int), lo, hi)
        yield lo + _clearest(ink, first, last)
    # a title set across both columns crosses the gutter by design: body-size lines only
    ems = lines.ems[line_of[chars]]
    body = ems <= TITLE_EMS * float(np.median(ems))
    runs = _cover_runs(x0[body].astype(int), x1[body].astype(int), lo, hi)
    least = runs[runs[:, 0] == runs[:, 0].min()]
    # every wide stretch of least ink, widest first: beside a right column of a line or two
    # (a document's end) the white right of that column may be as wide as the gutter
    wide_least = least[least[:, 2] - least[:, 1] >= MIN_GAP] if len(least) > 1 else least
    wide_least = wide_least if len(wide_least) else least
    widest = wide_least[np.argsort(wide_least[:, 1] - wide_least[:, 2], kind="stable")][:keep]
    yield from (lo + (first + last) / 2 for _, first, last in widest.tolist())


def _clearest(ink: np.ndarray, first: int, last: int) -> float:
    """The middle of the widest stretch of first..last that the least ink crosses: where the
    lines with both columns' text are short on the left (a list, a dateline), their gaps cover
    more than the gutter, and their middle falls inside the lines that fill that column."""
    runs = _runs(ink[first:last + 1])
    wide = runs[runs[:, 2] - runs[:, 1] + 1 >= MIN_GAP]  # not a crack between two characters
    runs = wide if len(wide) else runs
    least = runs[runs[:, 0] == runs[:, 0].min()]
    _, a, b = least[np.argmax(least[:, 2] - least[:, 1])].tolist()
    return first + (a + b) / 2


def _cover(starts: np.ndarray, ends: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """How many spans cover each x in [lo, hi]."""
    starts, ends = np.maximum(starts, lo), np.minimum(ends, hi)
    ok = starts <= ends
    size = hi - lo + 2  # +1 where a span opens, -1 after it closes
    steps = np.bincount(starts[ok] - lo, minlength=size) - np.bincount(ends[ok] - lo + 1, minlength=size)
    return np.cumsum(steps[:-1])


def _cover_runs(starts: np.ndarray, ends: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """How many spans cover each x in [lo, hi], as rows [cover, first x - lo, last x - lo]."""
    return _runs(_cover(starts, ends, lo, hi))


def _runs(cover: np.ndarray) -> np.ndarray:
    """Runs of equal cover as rows [cover, first index, last index]."""
    edges = np.flatnonzero(cover[1:] != cover[:-1]) + 1
    # filled column by column: np.stack's own overhead was more than the work
    runs = np.empty((len(edges) + 1, 3), dtype=cover.dtype)
    runs[:, 1] = first = np.concatenate(([0], edges))
    runs[:-1, 2], runs[-1, 2] = edges - 1, len(cover) - 1
    runs[:, 0] = cover[first]
    return runs
