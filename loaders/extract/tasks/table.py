"""Task lists laid out as tables: `序号 重点任务 牵头单位 配合单位 完成时限`, one row per task.

The columns say the roles outright: the units of 牵头单位 (主责单位) lead, of 配合单位 (协办, 参与)
cooperate, of 责任单位 answer for the task; a unit marked （牵头） inside a 责任单位 cell leads,
as in running text (loaders.extract.tasks.roles), and the first unit of a 责任单位 cell leads
when the document says 排在第一位的为牵头单位 (loaders.extract.tasks.plan). A 牵头领导 column
names people, not bodies: it is read so that the header is known, and gives no role. Only the
names of bodies count: a cell that is not a list of bodies (`详见附件`) gives none. The column
names are in ontology/lexicon/roles.yaml (`table_columns_pattern`); a column of a short name
they do not know (类别, 备注) is read by no one, beside at least as many known ones. A row a web
copy wrote under a merged cell, without it, is read with the merged cell of the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.extract.tasks.roles import Roles, parse_roles
from loaders.extract.tasks.units import Named
from loaders.lexicon import lexicon
from loaders.structure.tables import Span, Table, find_tables

_LEX = lexicon()
# (pattern on a column's name, kind of column), in the order they are tried.
COLUMNS = [(re.compile(pattern), kind) for pattern, kind in _LEX.table("roles.table_columns_pattern").items()]
ROLE_COLUMNS = ("lead", "cooperate", "responsible")
_NEEDED = {"lead", "responsible"}
# A task table's header holds one of these: a label of a lead or responsible column.
MARKS = tuple(label for label, role in _LEX.table("roles.labels").items() if role in _NEEDED) + tuple(
    _LEX.words("roles.table_header_words"))


@dataclass
class TaskRow:
    item: str  # the row's number, or its place in the table
    text: list[Span]  # the task cell: its first line's piece, then the pieces wrapped below
    roles: Roles
    span: Span  # the row's lines


def cell_roles(body: str, kind: str, pieces: list[Span], roles: Roles) -> bool:
    """The units of a cell of a kind of column added to roles; False when it names none."""
    found = parse_pieces(body, pieces)
    if found is None or found.empty():
        return False
    if kind == "responsible":  # a 责任单位 cell keeps what its own words say
        for role in ROLE_COLUMNS:
            roles.add(role, getattr(found, role))
        roles.listed, roles.marked = found.listed, found.marked
        return True
    units = found.lead + found.cooperate + found.responsible
    roles.add(kind, sorted(units, key=_offset))
    return True


def _offset(span: Span | tuple[Span, ...]) -> int:
    return span[0] if isinstance(span[0], int) else span[0][0]


def parse_pieces(body: str, pieces: list[Span]) -> Roles | None:
    """The roles of a cell wrapped over lines, read as the pieces joined (`市生态环境局、天台县人民`
    + `政府`); a name cut by the wrap is kept as its pieces."""
    if len(pieces) == 1:
        return parse_roles(body, *pieces[0])
    joined, starts = "", []
    for a, b in pieces:
        starts.append(len(joined))
        joined += body[a:b]
    found = parse_roles(joined, 0, len(joined))
    if found is not None:
        for role in ROLE_COLUMNS:
            setattr(found, role, [_in_body(span, pieces, starts) for span in getattr(found, role)])
    return found


def _in_body(unit: Named, pieces: list[Span], starts: list[int]) -> Named:
    """A unit of the joined pieces as a span of the body, or as its parts when a wrap cuts it
    (or when the unit is already in parts: `浉河区` + `人民政府`)."""
    spans = unit if isinstance(unit[0], tuple) else (unit,)
    parts = []
    for span in spans:
        for (a, b), at in zip(pieces, starts):
            lo, hi = max(span[0], at), min(span[1], at + b - a)
            if lo < hi:
                parts.append((a + lo - at, a + hi - at))
    return parts[0] if len(parts) == 1 else tuple(parts)


def task_rows(body: str) -> list[TaskRow]:
    """The tasks of the task tables in body (a document's normalised body)."""
    rows = []
    for table in find_tables(body, COLUMNS, _NEEDED, MARKS, other="other"):
        for i in range(len(table.spans)):
            row = _task_row(body, table, i) or _task_row(body, _merged_left(table, i), i)
            if row is not None:
                rows.append(row)
    return rows


def _task_row(body: str, table: Table | None, i: int) -> TaskRow | None:
    if table is None or not (text := table.pieces(i, "task")):
        return None
    roles = Roles()
    for kind in ROLE_COLUMNS:
        pieces = table.pieces(i, kind)
        if pieces:
            cell_roles(body, kind, pieces, roles)
    deadline = table.pieces(i, "deadline")  # 2025年6 / 月底前: one deadline wrapped
    roles.deadline = (deadline[0] if len(deadline) == 1 else tuple(deadline)) if deadline else None
    number = table.cell(i, "number")
    item = body[number[0]:number[1]] if number else str(i + 1)
    return None if roles.empty() else TaskRow(item, text, roles, table.spans[i])


def _merged_left(table: Table, i: int) -> Table | None:
    """The table with row i read as a web copy writes a row under a merged cell: the merged
    cells are left out, so the row's cells stand left of their columns and its last ones are
    empty (`3.及时反馈… | 各科室 | |` under `一、做好… | 2.及时更新… | 办公室 |`). Its cells are moved
    right, the merged ones taken from the row above; None when the row ends in no empty cell."""
    cells = table.rows[i]
    filled = next((n for n in range(len(cells), 0, -1) if cells[n - 1][1] > cells[n - 1][0]), 0)
    empty = len(cells) - filled  # the row's last cells, empty
    if i == 0 or not empty or not filled:
        return None
    moved = table.rows[i - 1][:empty] + cells[:-empty]
    return replace(table, rows=table.rows[:i] + [moved] + table.rows[i + 1:], wrapped={})
