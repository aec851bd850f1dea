"""Tables flattened to text: a header line of column names, then one line per row.

Copied from a web page or a word processor, a table's cells are cut by tabs (an empty cell
is two tabs in a row), by bars (`80|推进…|县住建局`) or drawn between box characters (`│1 │开展…│`,
rules `├──┼──┤`); laid out by pdftotext, by runs of two or more spaces. A header is a line of
known column names (`序号 重点任务 牵头单位 配合单位 完成时限`, `姓名 任职 免职`), and, where a
reader asks, of short names it does not know (类别, 备注) beside at least as many known ones; a
row is a later line whose first cell is its number (1, 1、) when the first column is 序号. Page
numbers and running heads printed between rows (`— 12 —`) are skipped; another header starts
a new table, and a few lines in a row that are no rows end one.

A cell too long for its column wraps onto the next lines, the number column empty there. In a
table cut by tabs or bars the pieces stand in their columns' cells. A space-aligned table
shows its wrapped pieces, and its empty cells, only by where the text stands, even past a page
break (`       完成沿岸入河排污口排查整治        椒江区人民政府`): a cell or piece belongs to
the column that starts nearest to it, as the last full row (else the header) shows the
columns, and a piece is no wider than its column. Positions are counted in display columns (a
Chinese character takes two), as the layout aligned them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

Span = tuple[int, int]
_LINE = re.compile(r"[^\n]+")
_SPACED_CELLS = re.compile(r"\S+(?: \S+)*")  # cells cut by two or more spaces
_NUMBER = re.compile(r"(\d{1,3})[、.]?")  # a row's number, perhaps with its mark (1、)
_PAGE_NUMBER = re.compile(r"[\s\-—–]*\d{1,4}[\s\-—–]*")
# A table drawn with box characters (a word processor's, as text): its rows between bars
# (`│1 │开展…│生态环境分局│`), its rules (`├──┼──┤`) no rows at all.
_RULED_ROW = re.compile(r"[ \t]*[│|].*[│|][ \t]*$")
_BARS = "│|"  # a box character, or the bar a web page's copy puts between cells
_RULE = re.compile(r"[ \t]*[┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛═╔╦╗╠╬╣╚╩╝]+[ \t]*")
_OTHER_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")  # a column name no kind knows: a short word
_MISSES = 3  # lines in a row that are no rows (running heads, a wrapped cell) before a table ends
_SLACK = 3  # display columns a wrapped piece may stand off its column's start or run past its end


@dataclass
class Table:
    columns: list[str]  # the kind of each column, as `kinds` names it
    rows: list[list[Span]] = field(default_factory=list)  # the cells of each row, on its first line
    spans: list[Span] = field(default_factory=list)  # each row's lines
    wrapped: dict[tuple[int, int], list[Span]] = field(default_factory=dict)  # (row, column) → pieces below
    starts: list[int] = field(default_factory=list)  # display column where each column starts
    aligned: bool = False  # `starts` measured on a full row (a header's names may be centred)

    def cell(self, row: int, kind: str) -> Span | None:
        """The span of one row's cell of a kind of column on the row's first line, None when
        empty or absent."""
        if kind not in self.columns:
            return None
        a, b = self.rows[row][self.columns.index(kind)]
        return (a, b) if b > a else None

    def pieces(self, row: int, kind: str) -> list[Span]:
        """The spans of one row's cell of a kind of column: its first line's, then the pieces
        wrapped onto the lines below."""
        if kind not in self.columns:
            return []
        column = self.columns.index(kind)
        first = self.cell(row, kind)
        return ([first] if first else []) + self.wrapped.get((row, column), [])


def _cells(text: str, start: int, end: int, tabbed: bool) -> list[Span]:
    if not tabbed:
        return [m.span() for m in _SPACED_CELLS.finditer(text, start, end)]
    if _RULED_ROW.match(text, start, end):  # │1 │开展…│: the bars around the cells cut nothing
        start = next(i for i in range(start, end) if text[i] in _BARS) + 1
        end = next(i for i in range(end - 1, start - 1, -1) if text[i] in _BARS)
    cells, left = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in "\t│|":
            a, b = left, i
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            cells.append((a, b))
            left = i + 1
    if len(cells) > 1 and cells[-1][0] == cells[-1][1] and text[start:end].rstrip()[-1:] in _BARS:
        cells.pop()  # `序号 | 任务 | 责任单位 |`: a bar closing the line opens no last cell
    return cells


def _header(text: str, start: int, end: int, kinds: list[tuple[re.Pattern, str]],
            needed: set[str], other: str | None) -> tuple[list[str], bool] | None:
    """The column kinds of a header line, and whether its cells are cut by tabs. A name no kind
    knows is a column of kind `other` when that is given and the name is a short word (类别,
    备注), no more of them than known ones; else the line is no header."""
    line = text[start:end]
    tabbed = "\t" in line or "|" in line or _RULED_ROW.match(text, start, end) is not None
    columns = []
    for a, b in _cells(text, start, end, tabbed):
        word = "".join(text[a:b].split())
        kind = next((k for pattern, k in kinds if pattern.fullmatch(word)), None)
        if kind is None and other and _OTHER_NAME.fullmatch(word):
            kind = other
        if kind is None:
            return None
        columns.append(kind)
    known = [kind for kind in columns if kind != other]
    if len(known) < 2 or len(known) < len(columns) - len(known):
        return None
    return (columns, tabbed) if needed & set(columns) else None


def _rows(text: str, table: Table, tabbed: bool, start: int, end: int) -> None:
    """The rows of a table whose header ends at `start`: it stops at `end` (the next header)
    or after a few lines in a row that are no rows (the prose after the table)."""
    misses = 0
    for m in _LINE.finditer(text, start, end):
        a, b = m.span()
        line = m.group().strip()
        if not line or _PAGE_NUMBER.fullmatch(line) or _RULE.fullmatch(line):
            continue
        cells = _cells(text, a, b, tabbed)
        # a row of a table cut by tabs has one: a line without is the prose after the table
        cells += [(b, b)] * (len(table.columns) - len(cells)) if tabbed and len(cells) > 1 else []
        if not tabbed and 1 < len(cells) < len(table.columns):
            cells = _with_empty_cells(text, table, a, cells) or cells
        number = _NUMBER.fullmatch(text, *cells[0]) if cells and table.columns[0] == "number" else None
        if len(cells) != len(table.columns) or (table.columns[0] == "number" and not number):
            if table.rows and (_goes_on(table, cells) if tabbed else _wraps_into(text, table, a, cells)):
                table.spans[-1] = (table.spans[-1][0], b)
                continue
            misses += 1
            if misses > _MISSES:
                return
            continue
        misses = 0
        if not tabbed and all(q > p for p, q in cells):
            table.starts, table.aligned = [_display(text, a, p) for p, _ in cells], True
        if number:
            cells[0] = number.span(1)  # 1、: the number without its mark
        table.rows.append(cells)
        table.spans.append((a + len(m.group()) - len(m.group().lstrip()), b))


def _display(text: str, start: int, end: int) -> int:
    """How many display columns text[start:end] takes: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text[start:end])


def _with_empty_cells(text: str, table: Table, line_start: int, cells: list[Span]) -> list[Span] | None:
    """A row of a space-aligned table with empty cells, its cells put under the columns they
    stand under (those of the row above, else the header's); None if one stands under none."""
    starts, slack = table.starts, _SLACK if table.aligned else 2 * _SLACK
    full: list[Span] = [(cells[-1][1], cells[-1][1])] * len(starts)
    last = -1
    for a, b in cells:
        at = _display(text, line_start, a)
        column = min(range(len(starts)), key=lambda n: abs(starts[n] - at))
        if abs(starts[column] - at) > slack or column <= last or (last < 0 and column != 0):
            return None
        full[column], last = (a, b), column
    return full


def _goes_on(table: Table, cells: list[Span]) -> bool:
    """Whether a line of a table cut by tabs or bars is the last row going on, its number cell
    empty: its cells are added as pieces to the row's, column by column."""
    if len(cells) != len(table.columns) or table.columns[0] != "number" or cells[0][1] > cells[0][0]:
        return False
    row = len(table.rows) - 1
    for column, (a, b) in enumerate(cells):
        if b > a:
            table.wrapped.setdefault((row, column), []).append((a, b))
    return True


def _wraps_into(text: str, table: Table, line_start: int, cells: list[Span]) -> bool:
    """Whether the cells of a line are pieces of the last row's cells, wrapped; if so, they
    are added to them. Each piece starts near a column of the row above (never its number) and
    is no wider than that column."""
    row, starts = len(table.rows) - 1, table.starts
    ends = starts[1:] + [10_000]
    placed = []
    for a, b in cells:
        at = _display(text, line_start, a)
        column = min(range(len(starts)), key=lambda n: abs(starts[n] - at))
        width = _display(text, a, b)
        if abs(starts[column] - at) > _SLACK or at + width > ends[column] + _SLACK \
                or (column == 0 and table.columns[0] == "number") or (placed and column <= placed[-1][0]):
            return False
        placed.append((column, (a, b)))
    for column, piece in placed:
        table.wrapped.setdefault((row, column), []).append(piece)
    return bool(placed)


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
                marks: tuple[str, ...], other: str | None = None) -> list[Table]:
    """The tables of text whose header names a column of a `needed` kind. `kinds` maps a
    column name (pattern on the name without spaces) to its kind; a header holds one of
    `marks` (its needed column names), so only the lines holding one are tried as headers.
    With `other`, a column whose short name no kind knows is of that kind (read by no one)."""
    headers: list[tuple[int, int, list[str], bool]] = []
    for i in _hits(text, marks):
        a = text.rfind("\n", 0, i) + 1
        if headers and headers[-1][0] == a:
            continue  # a second mark on a header line already tried
        b = text.find("\n", i)
        b = len(text) if b < 0 else b
        if len(text[a:b].replace(" ", "").strip()) <= 80 and (found := _header(text, a, b, kinds, needed, other)):
            headers.append((a, b, *found))
    tables = []
    for n, (a, b, columns, tabbed) in enumerate(headers):
        table = Table(columns, starts=[] if tabbed else [_display(text, a, c) for c, _ in _cells(text, a, b, False)])
        _rows(text, table, tabbed, b, headers[n + 1][0] if n + 1 < len(headers) else len(text))
        if table.rows:
            tables.append(table)
    return tables
