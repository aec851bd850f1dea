"""What a clause in brackets states, however the layout wrote it.

A bracket after a task (`（省发展改革委牵头，省财政厅配合）`) holds a clause (its grammar is
loaders.extract.tasks.roles), perhaps with a note after it that is no part of it
(`〔责任单位：…。以下均需各市、县（区）人民政府落实，不再列出〕`, `（…负责。列第一位者为牵头单位，下同）`):
the document's rule is read from the whole text (loaders.extract.tasks.plan), and units a note
says fall on every later item are not listed again for them (as the gold files keep them).
A bracket the layout wrapped over lines, even inside a word (`（省发展改革委牵` / `头，省财政厅
配合）`, a PDF's or a web copy's line width), reads as its lines joined; a name the wrap cut is
kept as its pieces (loaders.extract.tasks.table `parse_pieces`).
"""

from __future__ import annotations

import re

from loaders.extract.tasks.roles import Roles, parse_roles
from loaders.extract.tasks.table import parse_pieces
from loaders.lexicon import lexicon

# Words that make a bracket worth reading as a clause: a role verb, 单位, 部门, 实施.
ROLE_HINT = re.compile(lexicon().alternation("roles.verbs", "roles.hint_words"))

Span = tuple[int, int]


def bracket_roles(text: str, start: int, end: int) -> Roles | None:
    """The roles the bracket's content text[start:end] states, a note after its clause left out."""
    roles = _joined_roles(text, start, end)
    stop = text.find("。", start, end)
    if roles is None and stop > start:
        roles = _joined_roles(text, start, stop)
    return roles


def wrapped_hint(text: str, start: int, end: int) -> bool:
    """Whether a role word stands in text[start:end] once its lines are joined (`牵` / `头`)."""
    if "\n" not in text[start:end]:
        return False
    return ROLE_HINT.search("".join(text[a:b] for a, b in _lines_in(text, start, end))) is not None


def _lines_in(text: str, start: int, end: int) -> list[Span]:
    """The pieces of text[start:end] on each line, without the break and the indent around it."""
    pieces, left = [], start
    while (cut := text.find("\n", left, end)) >= 0:
        pieces.append((left, cut))
        left = cut + 1
    pieces.append((left, end))
    trimmed = [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in pieces]
    return [(a, b) for a, b in trimmed if b > a]


def _joined_roles(text: str, start: int, end: int) -> Roles | None:
    if "\n" not in text[start:end]:
        return parse_roles(text, start, end)
    pieces = _lines_in(text, start, end)
    return parse_pieces(text, pieces) if pieces else None
