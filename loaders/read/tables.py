"""Tables on a page: ruled grids and borderless rows of cells.

Ruled tables are found by pdfplumber's table finder (its edge merging, intersections, cells
and tables) fed with the ruling lines pdfium reports, so pdfminer never parses the page; a
cell's characters are its text, its wrapped lines joined. Borderless tables are runs of lines
whose gaps line up: their columns are the x-ranges no character of the run covers. A name
table — name cells (a role label allowed) each beside a title cell, two or more such pairs a
row — is read column by column, as gazettes fill it, one entry a line: `name<TAB>title`, a
title wrapped under an empty name cell joined to the entry above. Any other borderless table
is written row by row, one visual line a row, cells cut by tabs, empty cells kept.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from loaders.read.glyphs import Glyphs
from loaders.read.columns import Piece, rivers
from loaders.read.lines import Lines, lines_of, median

SNAP = 3.0  # pt; rulings this close are one line (pdfplumber's default tolerance)
# A name cell: a role label and its colon perhaps, then a name of two to four characters,
# letter-spaced or not, or a minority name with its middle dot.
NAME = re.compile(r"(?:(?:[\u4e00-\u9fff][ \u3000]*){1,6}[:：][ \u3000]*)?"
                  r"(?:[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6})")


class Table(NamedTuple):
    top: float
    bottom: float
    x0: float
    x1: float
    columns: tuple[float, ...]  # each column's left edge
    rows: list[list[str]]
    header: list[str] | None = None  # the first row where the table began (it may repeat overleaf)
    ruled: bool = True  # else borderless: `columns` are then its columns of white, as (x0, x1)


def ruled_tables(glyphs: Glyphs, rulings: list[tuple[float, float, float, float]]) -> tuple[list[Table], np.ndarray]:
    """The page's ruled tables and which characters stand inside one."""
    inside = np.zeros(len(glyphs.text), dtype=bool)
    if len(rulings) < 4:
        return [], inside
    edges = merge_edges([_edge(*r) for r in rulings], SNAP, SNAP, SNAP, SNAP)
    cells = intersections_to_cells(edges_to_intersections([e for e in edges if _length(e) >= SNAP], SNAP, SNAP))
    tables = []
    mid_x, mid_y = (glyphs.x0 + glyphs.x1) / 2, (glyphs.top + glyphs.bottom) / 2
    for found in cells_to_tables(cells):
        x0, top = min(c[0] for c in found), min(c[1] for c in found)
        x1, bottom = max(c[2] for c in found), max(c[3] for c in found)
        here = (mid_x > x0) & (mid_x < x1) & (mid_y > top) & (mid_y < bottom)
        inside |= here
        tables.append(_table(glyphs, found, here, mid_x, mid_y, (x0, top, x1, bottom)))
    return tables, inside


def _edge(x0: float, x1: float, top: float, bottom: float) -> dict:
    if x1 - x0 >= bottom - top:
        y = (top + bottom) / 2
        return {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "doctop": y,
                "orientation": "h"}
    x = (x0 + x1) / 2
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "doctop": top,
            "orientation": "v"}


def _length(edge: dict) -> float:
    return edge["width"] if edge["orientation"] == "h" else edge["height"]


def _table(glyphs: Glyphs, cells: list, here: np.ndarray, mid_x, mid_y, box) -> Table:
    """Rows of cell texts, top to bottom; a cell's lines joined (its text wrapped there)."""
    rows: dict[float, list] = {}
    for cell in sorted(cells, key=lambda c: (round(c[1]), c[0])):
        rows.setdefault(round(cell[1]), []).append(cell)
    columns = tuple(sorted({round(c[0], 1) for c in cells}))
    out = []
    for row in rows.values():
        out.append([_cell_text(glyphs, here & (mid_x > c[0]) & (mid_x < c[2]) & (mid_y > c[1]) & (mid_y < c[3]))
                    for c in sorted(row)])
    return Table(box[1], box[3], box[0], box[2], columns, out, out[0] if out else None)


def _cell_text(glyphs: Glyphs, mask: np.ndarray) -> str:
    if not mask.any():
        return ""
    lines = lines_of(glyphs, mask)
    return join_wrapped([lines.piece(a, b) for a, b in zip(lines.starts, lines.ends)])


def join_wrapped(pieces: list[str]) -> str:
    """Lines of one cell or paragraph as one: nothing between Chinese, a space between words."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if out and piece and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out


def borderless(lines: Lines, pieces: list[Piece], run: list[Piece]) -> tuple[Table, int] | None:
    """A run of whole lines, at the head of `pieces`, as a borderless table, and how many
    pieces it took; None when its lines have no column of white through them all. The lines
    after the run that keep to its columns are rows too (a row whose gaps are all narrow:
    `成员：王 峰 中央编办副主任` with nothing in the next entry)."""
    em = median([lines.em(p.line) for p in run])
    found = rivers(lines, run, em)
    if not found:
        return None
    taken = len(run)
    while taken < len(pieces) and _within(lines, pieces[taken], pieces[taken - 1], found, em):
        taken += 1
    cuts = np.array([(a + b) / 2 for a, b in found])
    rows = _labels_joined([_cells(lines, p, cuts) for p in pieces[:taken]])
    top, last = pieces[0], pieces[taken - 1]
    box = (float(lines.top[top.a:top.b].min()), float(lines.bottom[last.a:last.b].max()),
           float(min(lines.x0[p.a] for p in pieces[:taken])), float(max(lines.x1[p.a:p.b].max() for p in pieces[:taken])))
    return Table(*box, tuple(found), rows, None, False), taken


def table_lines(table: Table) -> list[str]:
    """The table as text lines: a ruled one row by row, a borderless one as a name table when
    it is one (read column by column), else row by row; cells cut by tabs."""
    rows = table.rows
    entries = None if table.ruled or not rows else _entries(rows, len(rows[0]))
    return entries or ["\t".join(row).rstrip("\t") for row in rows]


def same_columns(a: Table, b: Table) -> bool:
    """Two tables, one overleaf from the other, with the columns of one table."""
    if a.ruled != b.ruled or len(a.columns) != len(b.columns):
        return False
    if a.ruled:
        return all(abs(x - y) <= 2.0 for x, y in zip(a.columns, b.columns))
    return all(x0 < y1 and y0 < x1 for (x0, x1), (y0, y1) in zip(a.columns, b.columns))


def _within(lines: Lines, piece: Piece, above: Piece, found: list[tuple[int, int]], em: float) -> bool:
    """A line right below the last row with text in two columns of the table or more, and
    across none of its columns of white."""
    if piece.column is not None or not 0 < lines.top[piece.a] - lines.top[above.a] <= 2.5 * em:
        return False
    x0, x1 = lines.x0[piece.a:piece.b], lines.x1[piece.a:piece.b]
    if any(((x0 < b) & (x1 > a)).any() for a, b in found):
        return False
    return len(set(np.searchsorted([a for a, _ in found], x0).tolist())) >= 2


def _labels_joined(rows: list[list[str]]) -> list[list[str]]:
    """A column holding nothing but role labels (`成员：`) joined to the column after it: a
    label set apart from the names it opens belongs to the name beside it."""
    column = 0
    while column < len(rows[0]) - 1:
        cells = [row[column].strip() for row in rows if row[column].strip()]
        if cells and all(cell[-1] in ":：" for cell in cells):
            rows = [row[:column] + [row[column] + row[column + 1]] + row[column + 2:] for row in rows]
        else:
            column += 1
    return rows


def _cells(lines: Lines, piece: Piece, cuts: np.ndarray) -> list[str]:
    column = np.searchsorted(cuts, lines.x0[piece.a:piece.b])
    cells = [""] * (len(cuts) + 1)
    bounds = np.flatnonzero(np.diff(column)) + 1
    for a, b in zip(np.concatenate([[0], bounds]), np.append(bounds, piece.b - piece.a)):
        cells[int(column[a])] = lines.piece(piece.a + int(a), piece.a + int(b))
    return cells


def _entries(rows: list[list[str]], count: int) -> list[str] | None:
    """A name table read column by column, one `name<TAB>title` a line; None when the rows
    are not name–title pairs, two or more a row.

    A name cell without a title that is no name is prose set in the table (`领导小组下设办公
    室…`): it is read in its place as a line of its own, its wrapped lines joined; a title cell
    under an empty name cell is the rest of the title above."""
    if count < 4 or count % 2 or not rows[0][0] or not _pairs(rows):
        return None
    out: list[list[str]] = []
    for column in range(0, count, 2):
        items: list[list[str]] = []  # [name, title] entries and [prose] lines
        for row in rows:
            name, title = row[column], row[column + 1]
            if name and title:
                items.append([name, title])
            elif name and items and len(items[-1]) == 1 and not row[0]:
                items[-1][0] = join_wrapped([items[-1][0], name])
            elif name:
                items.append([name])
            elif title and items and len(items[-1]) == 2:
                items[-1][1] = join_wrapped([items[-1][1], title])
        out += items
    return ["\t".join(item) for item in out]


def _pairs(rows: list[list[str]]) -> bool:
    """Every name cell a name beside a title, or prose beside none; two rows at least that
    name someone."""
    named = 0
    for row in rows:
        for name, title in zip(row[::2], row[1::2]):
            if name and bool(title) != bool(NAME.fullmatch(name)):
                return False
        named += any(name and title for name, title in zip(row[::2], row[1::2]))
    return named >= 2
