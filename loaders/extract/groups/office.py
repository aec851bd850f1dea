"""A leadership group's office: where it sits and who runs it.

- `办公室设在X` (X a body: 市医疗保障局);
- `办公室主任：A（兼），办公室副主任：B（兼）、C（市卫健委医政医管科科长）`: the list label is the title
  of every name after it, and a bracket after a name is part of that name's title;
- `办公室主任由A兼任，副主任由B兼任` and `A同志兼任办公室主任` (or 任): the title is the words written (办公室主任,
  副主任); 兼任 is not written into it, since a member record has no field for a note and a
  title must stand in the text as reported.
- `市水务局副局长王立新兼任办公室副主任`: a name run on after a title starts where the title ends.
A bare 主任/副主任 counts only where the text has spoken of the office before it.
"""

from __future__ import annotations

import re

from loaders.spans.posts import is_person_name, title_length
from loaders.extract.groups.rows import Row, Span

OFFICE_AT = re.compile(r"办公室设在([^,。;:\n\t]{2,30}?)(?=[,。;\n\t]|负责|承担|$)")
# A minority name joined by · runs longer than others: 艾尔肯·吐尔逊.
_NAME = r"([\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}?|[\u4e00-\u9fff·]{2,4}?)(?:同志)?"
_ROLE = r"((?:办公室)?(常务副主任|副主任|主任))"
OFFICE_ROLE = {"主任": "office_director", "常务副主任": "office_deputy", "副主任": "office_deputy",
               "成员": "office_member"}
STAFF_LIST = re.compile(r"((?:办公室)?(常务副主任|副主任|主任|成员))[ \t]*[:为][ \t]*")
STAFF_ITEM = re.compile(_NAME + r"(?=\(|、|,|。|;|\t|\n|$)(\([^()\n]{1,30}\))?")
# `副主任由B兼任`, `副主任由市水务局副局长牛建平同志担任`: the name ends the words after 由
STAFF_BY = re.compile(_ROLE + r"(?:由|为)([\u4e00-\u9fff·]{2,30}?)(?:同志)?(?:兼任|担任)")
STAFF_CONCURRENT = re.compile(_NAME + r"(?:兼任|担任|任)(?:领导小组)?" + _ROLE)


def office_at(body: str, start: int, end: int) -> Span | None:
    m = OFFICE_AT.search(body, start, end)
    return m.span(1) if m else None


def _staff_lists(body: str, start: int, end: int) -> list[Row]:
    """`办公室主任：A（兼），办公室副主任：B（兼）、C（…）`: label, then names with optional brackets."""
    rows, pos = [], start
    for m in STAFF_LIST.finditer(body, start, end):
        if m.start() < pos or "办公室" not in body[start:m.end()]:
            continue
        label, pos = m.group(2), m.end()
        for item in STAFF_ITEM.finditer(body, pos, end):
            if item.start() != pos:
                break
            title = [m.span(1)] + ([item.span(2)] if item.group(2) else [])
            rows.append(Row(item.span(1), title, OFFICE_ROLE[label], m.start(), item.end()))
            pos = item.end() + (1 if body[item.end():item.end() + 1] == "、" else 0)
    return rows


def _after_title(body: str, a: int, b: int) -> Span:
    """The name of `…副局长王立新`: the regex takes the earliest run before 兼任 (长王立新), but a
    name that follows a title without a break starts where the title ends."""
    for cut in range(a, b - 1):
        if title_length(body[max(cut - 8, 0):cut]) >= 2 and is_person_name(body[cut:b]):
            return cut, b
    return a, b


def office_staff(body: str, spans: list[Span]) -> list[Row]:
    """The office's director, deputies and members named in the prose spans."""
    rows: list[Row] = []
    for start, end in spans:
        rows += _staff_lists(body, start, end)
        for m in STAFF_BY.finditer(body, start, end):
            name = _after_title(body, *m.span(3))
            if is_person_name(body[slice(*name)], strong=True):
                rows.append(Row(name, [m.span(1)], OFFICE_ROLE[m.group(2)], m.start(), m.end()))
        for m in STAFF_CONCURRENT.finditer(body, start, end):
            name = _after_title(body, *m.span(1))
            rows.append(Row(name, [m.span(2)], OFFICE_ROLE[m.group(3)], name[0], m.end()))
    return rows
