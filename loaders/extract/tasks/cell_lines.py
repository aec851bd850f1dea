"""Task tables laid out one cell a line: a web page's table, each cell a paragraph.

The header's names stand on lines of their own (`牵头单位` / `目标任务` / `责任单位`), then each
row's cells in the header's order. A cell the page broke over short lines (`市政` / `府办` /
`公厅`) is its pieces joined, and lines of spaces only are nothing. Where blank lines stand
between the header's names they only part the cells; where the names stand line after line,
a blank line inside a row is an empty cell (blank lines before a row part rows). Every row
must read as the header says: a task longer than a piece, cells of units that are lists of
bodies; the first that does not ends the table. A table without a 序号 column numbers its rows
0-1, 0-2 (tasks the document does not number).
"""

from __future__ import annotations

import re

from loaders.extract.tasks.flattened import (NEEDED, UNIT_KINDS, Span, column_kind, header_lines, last_row,
                                             row_roles)
from loaders.extract.tasks.table import TaskRow
from loaders.spans.agency import is_agency

_ANY_LINE = re.compile(r"^.*$", re.M)  # blank lines too: one may be an empty cell
_PIECE = 3  # a cell broken over lines: pieces of at most this many characters
_UNIT_CELL = 160  # a cell of units is no longer (nine bodies or so); a task's cell is longer than a piece

def line_cell_rows(text: str) -> list[TaskRow]:
    """Rows of tables laid out one cell a line. Where blank lines stand between the header's
    names, they only part the cells; where the names stand line after line, a blank line is an
    empty cell."""
    rows: list[TaskRow] = []
    names = [a for a, b in header_lines(text) if column_kind(_word(text, (a, b)))]
    if not names:
        return rows
    found = list(_ANY_LINE.finditer(text))
    lines = [_trimmed(m) for m in found]
    index = {m.start(): i for i, m in enumerate(found)}
    done: set[int] = set()
    for a in names:
        i = index.get(a)
        if i is None or i in done:
            continue
        while _name_before(text, lines, i) is not None:
            i = _name_before(text, lines, i)  # the header's names before this one
        kinds, parted = [], False
        while i < len(lines) and (kind := column_kind(_word(text, lines[i]))):
            kinds.append(kind)
            done.add(i)
            nxt = _next_filled(lines, i + 1)
            parted = parted or nxt > i + 1
            i = nxt if nxt < len(lines) and column_kind(_word(text, lines[nxt])) else i + 1
        if len(kinds) >= 2 and NEEDED & set(kinds) and "task" in kinds:
            rows += _cell_table(text, kinds, _cells(lines[i:], parted))
    return rows


def _trimmed(m: re.Match) -> Span:
    line = m.group()
    start = m.start() + len(line) - len(line.lstrip())
    return start, max(start, m.start() + len(line.rstrip()))


def _next_filled(lines: list[Span], i: int) -> int:
    while i < len(lines) and lines[i][1] == lines[i][0]:
        i += 1
    return i


def _name_before(text: str, lines: list[Span], i: int) -> int | None:
    j = i - 1
    while j >= 0 and lines[j][1] == lines[j][0]:
        j -= 1
    return j if j >= 0 and column_kind(_word(text, lines[j])) else None


def _word(text: str, span: Span) -> str:
    return "".join(text[slice(*span)].split())


def _cells(lines: list[Span], parted: bool) -> list[list[Span]]:
    """The cells of lines, each as its lines (none when empty): a cell broken over short lines
    (`市政` `府办` `公厅`) is those lines; a blank line is an empty cell unless blank lines part
    every cell."""
    cells: list[list[Span]] = []
    for a, b in lines:
        if a == b:
            if not parted:
                cells.append([])
        elif b - a <= _PIECE and cells and cells[-1] and all(q - p <= _PIECE for p, q in cells[-1]):
            cells[-1].append((a, b))
        else:
            cells.append([(a, b)])
    return cells


def _cell_table(text: str, kinds: list[str], cells: list[list[Span]]) -> list[TaskRow]:
    rows, width, n = [], len(kinds), 0
    while True:
        while n < len(cells) and not cells[n]:
            n += 1  # blank lines before a row part rows
        if n + width > len(cells):
            return rows
        if kinds[0] == "number" and not _is_number(text, cells[n]) and n + 1 < len(cells) \
                and _is_number(text, cells[n + 1]):
            n += 1  # a group's cell before the number (发展目标): it spans rows, the header names no column for it
        row, more, end = _row(text, kinds, cells, n)
        if "number" in row and not _is_number(text, row["number"]):
            return rows
        units = [(kind, pieces) for kind, pieces in row.items() if kind in UNIT_KINDS and pieces] + more
        task = row["task"]
        if not units or not task or task[-1][1] - task[0][0] <= _PIECE or any(
                pieces[-1][1] - pieces[0][0] > _UNIT_CELL for _, pieces in units):
            return rows
        filled = [c for c in cells[n:end] if c]
        roles = row_roles(text, units, last_row(text, filled[-1][-1][1]))
        if roles is None:
            return rows
        item = _word(text, row["number"][0]) if "number" in row else f"0-{len(rows) + 1}"
        rows.append(TaskRow(item, task, roles, (filled[0][0][0], filled[-1][-1][1])))
        n = end


def _is_number(text: str, cell: list[Span]) -> bool:
    return bool(cell) and _word(text, cell[0]).isdigit()


def _row(text: str, kinds: list[str], cells: list[list[Span]],
         n: int) -> tuple[dict[str, list[Span]], list[tuple[str, list[Span]]], int]:
    """A row's cells by column from cells[n], more bodies of its unit columns, and where the
    next row starts: a cell of units before a column of no units (完成时限) may hold a body a line
    (`县水务局` / `县住建局` / `县护城河指挥部`), the lines after its first that name bodies."""
    row: dict[str, list[Span]] = {}
    more: list[tuple[str, list[Span]]] = []
    for i, kind in enumerate(kinds):
        if n >= len(cells):
            break
        row[kind] = cells[n]
        n += 1
        # only before a column of no units: a body after the last column may be the next row's
        # first cell (牵头单位 first), and one before a unit column that column's
        if kind in UNIT_KINDS and i < len(kinds) - 1 and kinds[i + 1] not in UNIT_KINDS:
            while row[kind] and n < len(cells) and _one_body(text, cells[n]):
                more.append((kind, cells[n]))
                n += 1
    return row, more, n


def _one_body(text: str, cell: list[Span]) -> bool:
    return len(cell) == 1 and is_agency(_word(text, cell[0]))
