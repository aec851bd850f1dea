"""Tables flattened to text: a header line of column names, then one line per row.

Copied from a web page or a word processor, a table's cells are cut by tabs (an empty cell
is two tabs in a row); laid out by pdftotext, by runs of two or more spaces (an empty cell
leaves no trace, so a row must fill every column). A header is a line of known column names
(`序号 重点任务 牵头单位 配合单位 完成时限`, `姓名 任职 免职`); a row is a later line with as
many cells whose first cell is its number when the first column is 序号. Page numbers and
running heads printed between rows (`— 12 —`) are skipped; another header starts a new table,
and a few lines in a row that are no rows end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]
_LINE = re.compile(r"[^\n]+")
_SPACED_CELLS = re.compile(r"\S+(?: \S+)*")  # cells cut by two or more spaces
_NUMBER = re.compile(r"\d{1,3}")
_PAGE_NUMBER = re.compile(r"[\s\-—–]*\d{1,4}[\s\-—–]*")
_MISSES = 3  # lines in a row that are no rows (running heads, a wrapped cell) before a table ends


@dataclass
class Table:
    columns: list[str]  # the kind of each column, as `kinds` names it
    rows: list[list[Span]] = field(default_factory=list)  # the cells of each row
    spans: list[Span] = field(default_factory=list)  # each row's line

    def cell(self, row: int, kind: str) -> Span | None:
        """The span of one row's cell of a kind of column, None when empty or absent."""
        if kind not in self.columns:
            return None
        a, b = self.rows[row][self.columns.index(kind)]
        return (a, b) if b > a else None


def _cells(text: str, start: int, end: int, tabbed: bool) -> list[Span]:
    if not tabbed:
        return [m.span() for m in _SPACED_CELLS.finditer(text, start, end)]
    cells, left = [], start
    for i in range(start, end + 1):
        if i == end or text[i] == "\t":
            a, b = left, i
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            cells.append((a, b))
            left = i + 1
    return cells


def _header(text: str, start: int, end: int, kinds: list[tuple[re.Pattern, str]],
            needed: set[str]) -> tuple[list[str], bool] | None:
    """The column kinds of a header line, and whether its cells are cut by tabs."""
    tabbed = "\t" in text[start:end]
    columns = []
    for a, b in _cells(text, start, end, tabbed):
        word = "".join(text[a:b].split())
        kind = next((k for pattern, k in kinds if pattern.fullmatch(word)), None)
        if kind is None:
            return None
        columns.append(kind)
    return (columns, tabbed) if len(columns) >= 2 and needed & set(columns) else None


def _rows(text: str, table: Table, tabbed: bool, start: int, end: int) -> None:
    """The rows of a table whose header ends at `start`: it stops at `end` (the next header)
    or after a few lines in a row that are no rows (the prose after the table)."""
    misses = 0
    for m in _LINE.finditer(text, start, end):
        a, b = m.span()
        line = m.group().strip()
        if not line or _PAGE_NUMBER.fullmatch(line):
            continue
        cells = _cells(text, a, b, tabbed)
        cells += [(b, b)] * (len(table.columns) - len(cells)) if tabbed else []
        if len(cells) != len(table.columns) or (
                table.columns[0] == "number" and not _NUMBER.fullmatch(text, *cells[0])):
            misses += 1
            if misses > _MISSES:
                return
            continue
        misses = 0
        table.rows.append(cells)
        table.spans.append((a + len(m.group()) - len(m.group().lstrip()), b))


def _hits(text: str, marks: tuple[str, ...]) -> list[int]:
    """Offsets of every occurrence of the words, in order (str.find: far faster than a regex)."""
    hits = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            hits.append(i)
            i = text.find(mark, i + 1)
    return sorted(hits)


def find_tables(text: str, kinds: list[tuple[re.Pattern, str]], needed: set[str],
                marks: tuple[str, ...]) -> list[Table]:
    """The tables of text whose header names a column of a `needed` kind. `kinds` maps a
    column name (pattern on the name without spaces) to its kind; a header holds one of
    `marks` (its needed column names), so only the lines holding one are tried as headers."""
    headers: list[tuple[int, int, list[str], bool]] = []
    for i in _hits(text, marks):
        a = text.rfind("\n", 0, i) + 1
        if headers and headers[-1][0] == a:
            continue  # a second mark on a header line already tried
        b = text.find("\n", i)
        b = len(text) if b < 0 else b
        if len(text[a:b].replace(" ", "").strip()) <= 80 and (found := _header(text, a, b, kinds, needed)):
            headers.append((a, b, *found))
    tables = []
    for n, (_, b, columns, tabbed) in enumerate(headers):
        table = Table(columns)
        _rows(text, table, tabbed, b, headers[n + 1][0] if n + 1 < len(headers) else len(text))
        if table.rows:
            tables.append(table)
    return tables
