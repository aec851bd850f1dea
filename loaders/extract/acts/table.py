"""Personnel acts laid out as a table: `序号 姓名 任职 免职`, one row per person.

A 任免 notice may attach its acts as a 任免名单 table instead of sentences. The 任职 column
(拟任职务, 任命职务, 新任职务) holds the posts a person is appointed to, the 免职 column
(拟免职务, 免去职务) the posts they leave; either may be empty, and a cell may hold several
posts (`区交通运输局局长、区港航事业发展中心主任`) with notes in brackets (`（试用期一年）`).
A 备注 column holds notes of the row's appointments; a bracket after a name says who the
person is (`李娜（女，彝族）`), and is no part of the name. Columns that describe the person
(性别, 出生年月, 现任职务) are known so that the header is recognised, and not read. The column
names are in ontology/lexicon/acts.yaml (table_columns_pattern); every act of a row has the
row as its evidence and the rule `acts/table`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.acts.records import ActRecorder
from loaders.extract.acts.wording import APPOINT, DEFAULT_ACTS, REMOVE
from loaders.lexicon import lexicon
from loaders.spans.posts import Post, parse_posts, people_spans
from loaders.structure.tables import Span, find_tables

_LEX = lexicon()
COLUMNS = [(re.compile(pattern), kind) for pattern, kind in _LEX.table("acts.table_columns_pattern").items()]
_MARKS = _LEX.words("acts.table_marks")  # every personnel table has the column
RULE = "acts/table"


@dataclass
class ActRow:
    name: Span
    appoint: Span | None
    remove: Span | None
    note: Span | None
    span: Span  # the row's line


def act_rows(text: str) -> list[ActRow]:
    """The rows of the personnel tables of text (a document body, folded to simplified)."""
    rows = []
    for table in find_tables(text, COLUMNS, {"appoint", "remove"}, _MARKS):
        if "name" not in table.columns:
            continue
        for i, span in enumerate(table.spans):
            name = table.cell(i, "name")
            if name:
                rows.append(ActRow(_without_note(text, name), table.cell(i, "appoint"), table.cell(i, "remove"),
                                   table.cell(i, "note"), span))
    return rows


_PERSON_NOTE = re.compile(r"\s*\([^()]{1,12}\)\s*$")


def _without_note(text: str, name: Span) -> Span:
    """A name cell without what it says of the person in brackets (`李娜（女，彝族）`)."""
    note = _PERSON_NOTE.search(text, *name)
    return (name[0], note.start()) if note and note.start() > name[0] else name


def table_acts(recorder: ActRecorder) -> list[Span]:
    """Record the acts of the rows of 任免 tables, each row its evidence; the rows' spans."""
    rows = act_rows(recorder.text)
    for row in rows:
        people = people_spans(recorder.text, *row.name, strong=True)
        evidence = recorder.view.evidence(*row.span, RULE)
        note = recorder.note_of(*row.note) if row.note else None
        for kind, cell in ((APPOINT, row.appoint), (REMOVE, row.remove)):
            posts = [p for p in _cell_posts(recorder.text, *cell) if not recorder.is_bare_office(p)] if cell else []
            extra = note if kind == APPOINT else None
            recorder.add([recorder.make_act(kind, DEFAULT_ACTS[kind], extra, person, post, evidence)
                          for person in people for post in posts], row.span)
    return [row.span for row in rows]


def _cell_posts(text: str, a: int, b: int) -> list[Post]:
    """The posts of a table cell: apart by 、, or each on a line of the cell (a web page's
    <br>, read as a space), when every piece is a post of its own."""
    pieces = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
    if len(pieces) > 1:
        apart = [parse_posts(text, x, y) for x, y in pieces]
        if all(apart):
            return [post for posts in apart for post in posts]
    return parse_posts(text, a, b)

