"""Personnel acts laid out as a table: `序号 姓名 任职 免职`, one row per person.

A 任免 notice may attach its acts as a 任免名单 table instead of sentences. The 任职 column
(拟任职务, 任命职务, 新任职务) holds the posts a person is appointed to, the 免职 column
(拟免职务, 免去职务) the posts they leave; either may be empty, and a cell may hold several
posts (`区交通运输局局长、区港航事业发展中心主任`) with notes in brackets (`（试用期一年）`).
A 备注 column holds notes of the row's appointments; a bracket after a name says who the
person is (`李娜（女，彝族）`), and is no part of the name. Columns that describe the person
(性别, 出生年月, 现任职务) are known so that the header is recognised, and not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.structure.tables import Span, find_tables

COLUMNS = [
    (re.compile(r"序号|编号"), "number"),
    (re.compile(r"姓名"), "name"),
    (re.compile(r"任职|(?:拟|新)?任(?:命)?(?:职务|职位)|任职职务"), "appoint"),
    (re.compile(r"免职|(?:拟)?免(?:去)?(?:职务|职位)|免职职务"), "remove"),
    (re.compile(r"备注"), "note"),
    (re.compile(r"性别|民族|出生年月|出生日期|年龄|学历|文化程度|政治面貌|现任职务|原任职务|职级|工作单位"), "other"),
]

_MARK = ("姓名",)  # every personnel table has the column


@dataclass
class ActRow:
    name: Span
    appoint: Span | None
    remove: Span | None
    note: Span | None
    span: Span  # the row's line


def act_rows(view: str) -> list[ActRow]:
    """The rows of the personnel tables of view (a document body, folded to simplified)."""
    rows = []
    for table in find_tables(view, COLUMNS, {"appoint", "remove"}, _MARK):
        if "name" not in table.columns:
            continue
        for i, span in enumerate(table.spans):
            name = table.cell(i, "name")
            if name:
                rows.append(ActRow(_without_note(view, name), table.cell(i, "appoint"), table.cell(i, "remove"),
                                   table.cell(i, "note"), span))
    return rows


_PERSON_NOTE = re.compile(r"\s*\([^()]{1,12}\)\s*$")


def _without_note(view: str, name: Span) -> Span:
    """A name cell without what it says of the person in brackets (`李娜（女，彝族）`)."""
    note = _PERSON_NOTE.search(view, *name)
    return (name[0], note.start()) if note and note.start() > name[0] else name
