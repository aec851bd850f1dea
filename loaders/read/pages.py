"""A page as parts in reading order: margins, text bands, ruled and borderless tables.

A page's lines are first told apart from its margins: a line at the top or foot of the page,
set off from the body by two of its own heights, may be a running head, a page number or a
footer; loaders.read.document decides, seeing every page, which are. The body is cut into
bands by the ruled tables on it; each band is read in column order (loaders.read.layout), its
runs of aligned cells read as borderless tables (loaders.read.tables), and each table is one
part between the bands. Nothing is joined here: wrapped lines become paragraphs once the
whole file is seen, since a paragraph goes on over a page break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from loaders.read.glyphs import Glyphs
from loaders.read.columns import Piece, cell_gap
from loaders.read.layout import reading_order
from loaders.read.lines import Lines, lines_of, median, piece_bounds
from loaders.read.tables import Table, borderless, ruled_tables, table_lines

MARGIN_ZONE = 0.12  # share of the page height at top and foot where running heads stand
MARGIN_GAP = 2.0  # a margin line is set off from the body by this many of its heights
RUN_INDENT = 3.0  # ems right of a table's left edge a wrapped cell starts
MEASURE_EDGE = 0.8  # share of the page width beyond which a line's end is the text's right edge
MIN_REACHING, REACHING_SHARE, LONG_SHARE = 3, 0.25, 0.6  # or: lines that reach an edge before it
# is a measure, at least three and a quarter of the lines at least 0.6 of its width
PASSING_SHARE = 0.1  # and lines that may pass it (a title), as a share of the lines
MEASURE_EMS = 16  # and the width of text between the edges, in ems


@dataclass(slots=True)  # slots: a page makes and reads about a hundred parts
class Part:
    """A line, a paragraph, a table row or a table, with where it stands: x0 and x1 of its
    first and last line, the column it is set in, its character height."""

    text: str
    kind: str  # line | table
    x0: float
    x1: float
    top: float
    em: float
    left: float
    right: float
    table: Table | None = None
    confidence: float | None = None  # OCR: how sure Tesseract is of the line's characters
    axis: float = 0.0  # the centre of its last line

    def __post_init__(self):
        self.axis = self.axis or (self.x0 + self.x1) / 2


@dataclass
class PageLayout:
    width: float
    height: float
    head: list[Part] = field(default_factory=list)  # margin lines above the body
    body: list[Part] = field(default_factory=list)
    foot: list[Part] = field(default_factory=list)


def page_layout(glyphs: Glyphs, width: float, height: float, rulings: list | None = None) -> PageLayout:
    tables, inside = ruled_tables(glyphs, rulings or [])
    lines = lines_of(glyphs, ~inside if inside.any() else None)
    order = list(range(len(lines.starts)))
    page = PageLayout(width, height)
    head, body, foot = _margins(lines, order, height)
    page.head, page.foot = _whole(lines, head), _whole(lines, foot)
    edges = sorted(tables, key=lambda t: t.top)
    for k, table in enumerate(edges + [None]):
        band = [i for i in body if (k == 0 or lines.line_top(i) >= edges[k - 1].bottom - 1)
                and (table is None or lines.line_top(i) < table.top)]
        page.body += _band(lines, band, width)
        if table is not None:
            page.body.append(table_part(table))
    return page


def _margins(lines: Lines, order: list[int], height: float) -> tuple[list[int], list[int], list[int]]:
    tops, bottoms, ems = lines.tops_list, lines.bottoms.tolist(), lines.ems_list
    head, body, foot = margins([tops[k] for k in order], [bottoms[k] for k in order], [ems[k] for k in order], height)
    return [order[i] for i in head], [order[i] for i in body], [order[i] for i in foot]


def margins(tops: list[float], bottoms: list[float], ems: list[float], height: float) -> tuple[list[int], ...]:
    """Indices of the lines (top to bottom) above, in and below the body: up to two at the
    top and two at the foot of the page that stand apart in its margins."""
    head, foot, n = 0, len(tops), len(tops)
    while head < min(2, n - 1) and tops[head] < MARGIN_ZONE * height \
            and tops[head + 1] - bottoms[head] >= MARGIN_GAP * ems[head]:
        head += 1
    while foot > max(head + 1, n - 2) and tops[foot - 1] > (1 - MARGIN_ZONE) * height \
            and tops[foot - 1] - bottoms[foot - 2] >= MARGIN_GAP * ems[foot - 1]:
        foot -= 1
    return list(range(head)), list(range(head, foot)), list(range(foot, n))


def _part(lines: Lines, piece: Piece, column: tuple[float, float], end: float, top: float) -> Part:
    """The piece as a line part; its right end and top come from its caller, which finds
    them for all of a band's pieces at once."""
    return Part(lines.piece(piece.a, piece.b), "line", lines.start(piece.a), end, top, lines.em(piece.line), *column)


def _whole(lines: Lines, which: list[int]) -> list[Part]:
    """Margin lines: each stands alone, never the line of a paragraph."""
    return [_part(lines, Piece(k, lines.starts_list[k], lines.ends_list[k]), (lines.left(k), float("inf")),
                  float(lines.rights[k]), float(lines.tops[k])) for k in which]


def _band(lines: Lines, which: list[int], width: float) -> list[Part]:
    """A band's pieces in reading order as parts, its borderless tables read as tables."""
    if not which:
        return []
    pieces = reading_order(lines, which, width)
    box = _flow_box(lines, [p for p in pieces if p.column is None], width)
    # what each piece's part needs, for all of them at once: a part is made per piece
    bounds = piece_bounds(pieces)
    starts, ends = bounds[0::2], bounds[1::2]
    texts, lefts = lines.texts_between(starts, ends), lines.x0[starts].tolist()
    rights, tops = lines.ends_between(starts, ends).tolist(), lines.tops_between(starts, ends).tolist()
    ems = lines.ems_list
    out: list[Part] = []
    i = 0
    while i < len(pieces):
        run = _run(lines, pieces, i) if pieces[i].column is None else []
        table = borderless(lines, pieces[i:], run) if run else None
        if table:
            found, taken = table
            out.append(table_part(found))
            i += taken
            continue
        piece = pieces[i]
        out.append(Part(texts[i], "line", lefts[i], rights[i], tops[i], ems[piece.line], *(piece.column or box)))
        i += 1
    return out


def _flow_box(lines: Lines, flow: list[Piece], width: float) -> tuple[float, float] | None:
    """The edges of the text outside columns. The right edge is a measure lines are set to:
    the furthest end that three lines, and a quarter of the long lines, reach and hardly any
    passes (a column of a two-column page the text of one document ends in; a centred title
    may stand out beyond it), wide enough for running text; or the furthest end when it is
    near the page's right margin. Else (a list, short lines, a few lines that happen to end
    alike) no line fills it: the edge is put out of reach."""
    if not flow:
        return None
    left = min(lines.start(p.a) for p in flow)
    ems = np.array([lines.em(p.line) for p in flow])
    em = median(ems.tolist())
    body = [p for p, size in zip(flow, ems) if abs(size - em) <= 0.15 * em] or flow  # a title is larger
    ends = np.sort([lines.end(p.a, p.b) for p in body])[::-1]
    beyond_most = max(1, int(PASSING_SHARE * len(ends)))
    for k, end in enumerate(ends):
        if k > beyond_most or end - left < MEASURE_EMS * em:
            break
        long = int(np.sum(ends - left >= LONG_SHARE * (end - left)))
        if int(np.sum(ends >= end - em)) - k >= max(MIN_REACHING, REACHING_SHARE * long):
            return left, float(end)
    return left, float(ends[0]) if ends[0] >= MEASURE_EDGE * width else float("inf")


def _run(lines: Lines, pieces: list[Piece], i: int) -> list[Piece]:
    """Lines from i that may be rows of one borderless table: lines with wide gaps, and the
    lines between them that start well inside the table (cells wrapped onto a line of their
    own); at least two of the first kind."""
    if not cell_gap(lines, pieces[i]):
        return []
    left, em = float(lines.x0[pieces[i].a]), lines.em(pieces[i].line)
    run, rows, last = [pieces[i]], 1, float(lines.top[pieces[i].a])
    for piece in pieces[i + 1:]:
        top = float(lines.top[piece.a:piece.b].min())
        if piece.column is not None or top - last > 2.5 * em or top < last:
            break
        if cell_gap(lines, piece):
            rows += 1
        elif float(lines.x0[piece.a]) < left + RUN_INDENT * em:
            break
        run.append(piece)
        last = top
    return run if rows >= 2 else []


def table_part(table: Table) -> Part:
    return Part("\n".join(table_lines(table)), "table", table.x0, table.x1, table.top, 0.0, table.x0, table.x1, table)
