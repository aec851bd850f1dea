"""Task tables a copy flattened past their columns: one row a line, cells cut by one space.

loaders.structure.tables reads tables whose cells tabs, bars or runs of spaces cut. A web
page's copy may keep less: one row a line, its cells cut by single spaces, though a cell may
hold a space too (`序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位` / `1 加强水资源保 护
严守… 市水利局 市发展改革委、… 各县(市、区)党委和人民政府,…`). The columns of units stand
last and their cells hold no space: the row's last words are those cells, one each, and every
one must be a list of bodies; the words between the number and them are the task. (A table
laid out one cell a line: loaders.extract.tasks.cell_lines.)
A header names a lead or responsible column (roles.yaml `table_columns_pattern`); words it
holds besides known column names (类别, 细化措施) are more columns of the task's text. A table
without a 序号 column numbers its rows 0-1, 0-2 (tasks the document does not number). The last
row of a text its end cuts keeps its whole units (loaders.extract.tasks.units `whole_end`).
"""

from __future__ import annotations

import re

from loaders.extract.tasks.roles import Roles
from loaders.extract.tasks.table import COLUMNS, MARKS, ROLE_COLUMNS, TaskRow, cell_roles
from loaders.extract.tasks.units import whole_end

Span = tuple[int, int]
_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
_NUMBER = re.compile(r"\d{1,3}(?!\d)")
_TRAILING = re.compile(r"\s*\Z")
_TEXT_COLUMN = re.compile(r"[\u4e00-\u9fff]{2,6}")  # a column name govkg does not know: more text
UNIT_KINDS = set(ROLE_COLUMNS)
NEEDED = {"lead", "responsible"}
_MISSES = 3  # lines in a row that are no rows before a table ends


def column_kind(word: str) -> str | None:
    return next((kind for pattern, kind in COLUMNS if pattern.fullmatch(word)), None)


def header_lines(text: str) -> list[Span]:
    """The lines holding a lead or responsible column's name, in order, once each."""
    found = {}
    for mark in MARKS:
        i = text.find(mark)
        while i >= 0:
            a = text.rfind("\n", 0, i) + 1
            b = text.find("\n", i)
            found[a] = len(text) if b < 0 else b
            i = text.find(mark, i + 1)
    return sorted(found.items())


def row_roles(text: str, cells: list[tuple[str, list[Span]]], last: bool) -> Roles | None:
    """The roles of a row's unit cells, each a list of bodies (in the text's last row, the
    units its end left whole), or None when one is not."""
    roles = Roles()
    for kind, pieces in cells:
        if last:
            a, b = pieces[-1]
            pieces = pieces[:-1] + [(a, whole_end(text, a, b))]
        if not cell_roles(text, kind, pieces, roles):
            return None
    return roles


def last_row(text: str, end: int) -> bool:
    """Whether a row ending at `end` ends the text (which may have cut it)."""
    return _TRAILING.match(text, end) is not None


# -- one row a line, cells cut by single spaces ---------------------------------------------------

def spaced_rows(text: str) -> list[TaskRow]:
    """Rows of tables whose cells single spaces cut."""
    rows: list[TaskRow] = []
    for a, b in header_lines(text):
        line = text[a:b].strip()
        if "\t" in line or "  " in line:
            continue  # cut by tabs or runs of spaces: loaders.structure.tables reads it
        kinds = [column_kind(w) or ("text" if _TEXT_COLUMN.fullmatch(w) else "") for w in line.split()]
        tail = len(kinds) - next((i for i in range(len(kinds), 0, -1) if kinds[i - 1] not in UNIT_KINDS), 0)
        body = kinds[:len(kinds) - tail]
        if "" in kinds or not tail or "task" not in body or not NEEDED & set(kinds[-tail:]):
            continue
        rows += _spaced_table(text, kinds, tail, b)
    return rows


def _spaced_table(text: str, kinds: list[str], tail: int, start: int) -> list[TaskRow]:
    rows, misses = [], 0
    for line in _LINE.finditer(text, start):
        words = [w.span() for w in _WORD.finditer(text, *line.span())]
        row = _spaced_row(text, words, kinds, tail, len(rows))
        if row is None:
            misses += 1
            if misses > _MISSES:
                break
            continue
        misses = 0
        rows.append(row)
    return rows


def _spaced_row(text: str, words: list[Span], kinds: list[str], tail: int, n: int) -> TaskRow | None:
    """A row: its number (which the copy may have run into the next cell: `1加强…`), its
    task's words, then one word for each column of units."""
    number = _NUMBER.match(text, *words[0]) if words and kinds[0] == "number" else None
    if kinds[0] == "number" and number is None:
        return None
    if number and number.end() == words[0][1]:
        words = words[1:]
    elif number:
        words = [(number.end(), words[0][1])] + words[1:]
    if len(words) < 1 + tail:
        return None
    cells = [(kind, [span]) for kind, span in zip(kinds[-tail:], words[-tail:])]
    roles = row_roles(text, cells, last_row(text, words[-1][1]))
    if roles is None:
        return None
    item = number.group() if number else f"0-{n + 1}"
    start = number.start() if number else words[0][0]
    return TaskRow(item, [(words[0][0], words[-tail - 1][1])], roles, (start, words[-1][1]))
