"""A leadership group's office: where it sits and who runs it.

- `办公室设在X` (X a body: 市医疗保障局);
- `办公室主任：A（兼），办公室副主任：B（兼）、C（市卫健委医政医管科科长）`: the list label is the title
  of every name after it, and a bracket after a name is part of that name's title;
- `办公室主任由A兼任，副主任由B兼任` and `A同志兼任办公室主任` (or 任): the title is the words written (办公室主任,
  副主任); 兼任 is not written into it, since a member record has no field for a note and a
  title must stand in the text as reported.
- `市水务局副局长王立新兼任办公室副主任`: a name run on after a title starts where the title ends.
A bare 主任/副主任 counts only where the text has spoken of the office before it. The three
shapes name the rules groups/office:label, groups/office:held-by and groups/office:holds; their
words (办公室, 设在, 兼任 …) are in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re

from loaders.lexicon import alternation, lexicon
from loaders.spans.posts import GROUP_ROLES, is_person_name, surname_length, title_length
from loaders.extract.groups.entries import BRACKETS, read_entries
from loaders.extract.groups.names import words
from loaders.extract.groups.row import Row, Span

OFFICE_ROLE: dict[str, str] = lexicon().table("groups.office_roles")  # 主任 → office_director …
_OFFICE = words("office_words")
_OFFICE_WORD = re.compile(_OFFICE)
OFFICE_AT = re.compile(rf"{_OFFICE}{words('office_seat_verbs')}([^,。;:\n\t]{{2,30}}?)"
                       rf"(?=[,。;\n\t]|{words('office_duty_verbs')}|$)"
                       rf"|{_OFFICE}\({words('office_seat_verbs')}([^,。;:\n\t()]{{2,30}}?)\)")  # 下设办公室(设在市水务局)
# A minority name joined by · runs longer than others: 艾尔肯·吐尔逊.
_NAME = rf"([\u4e00-\u9fff]{{1,8}}·[\u4e00-\u9fff]{{1,8}}?|[\u4e00-\u9fff·]{{2,4}}?){words('honorifics')}?"
# Staff named one by one (主任由A兼任, A兼任办公室副主任) run the office; its members come in lists.
_RUNS_IT = alternation(label for label, role in OFFICE_ROLE.items() if role != "office_member")
_ROLE = rf"({_OFFICE}?({_RUNS_IT}))"
# 领导小组办公室副主任: the title as written, the owner of the office too.
_OWNED_ROLE = rf"((?:{words('office_owners')}{_OFFICE}|{_OFFICE})?({_RUNS_IT}))"
STAFF_LIST = re.compile(rf"({_OFFICE}?({words('office_roles')}))[ \t]*{words('office_list_marks')}[ \t]*")
_CLAUSE_END = re.compile(r"[;。\n]")
# `副主任由B兼任`, `副主任由市水务局副局长牛建平同志担任`: the name ends the words after 由 (names apart by 、 or ,)
STAFF_BY = re.compile(rf"{_OWNED_ROLE}{words('office_by')}([\u4e00-\u9fff·、,]{{2,200}}?){words('honorifics')}?"
                      rf"{words('office_held_verbs')}")
# `由闵成兼任办公室主任`, `黄国范、王央杰兼任领导小组办公室副主任`: the 由 before the names is none of them.
_ONE_NAME = _NAME.replace("(", "(?:", 1)
_HONORIFIC_END = re.compile(rf"{words('honorifics')}?$")
STAFF_CONCURRENT = re.compile(rf"{words('office_by')}?((?:{_ONE_NAME}、)*{_ONE_NAME}){words('office_holds_verbs')}"
                              rf"{_OWNED_ROLE}")
_COLLECTIVE_HEADS = tuple(lexicon().words("groups.collective_heads"))
# The rule each shape names in the evidence of the staff it reads.
LISTED, HELD_BY, HOLDS = "groups/office:label", "groups/office:held-by", "groups/office:holds"


def office_at(body: str, start: int, end: int) -> Span | None:
    m = OFFICE_AT.search(body, start, end)
    return (m.span(1) if m.group(1) else m.span(2)) if m else None


def office_lines(body: str, start: int, end: int) -> list[Span]:
    """The lines of body[start:end] that speak of an office (办公室), each once."""
    lines: list[Span] = []
    for m in _OFFICE_WORD.finditer(body, start, end):
        if lines and m.start() < lines[-1][1]:
            continue
        a, b = body.rfind("\n", 0, m.start()) + 1, body.find("\n", m.end())
        lines.append((max(a, start), min(end, len(body) if b < 0 else b)))
    return lines


def _staff_lists(body: str, start: int, end: int) -> list[Row]:
    """`办公室主任：A（兼），办公室副主任：B（兼）、C（…）`, `办公室主任：市统计局局长张明`: a label,
    then a run of entries (loaders.extract.groups.entries) up to the next label or the clause's
    end. The label is each person's title, and a bracket after a name is part of it."""
    rows: list[Row] = []
    labels = [m for m in STAFF_LIST.finditer(body, start, end) if _OFFICE_WORD.search(body, start, m.end())]
    for m, following in zip(labels, [n.start() for n in labels[1:]] + [end]):
        clause = _CLAUSE_END.search(body, m.end(), following)
        stop = clause.start() if clause else following
        comma = body.find(",", m.end(), stop)
        entries = read_entries(body, m.end(), stop) or (read_entries(body, m.end(), comma) if comma > 0 else None)
        for e in entries or ():
            note = [(e.title[0] - 1, e.title[1] + 1)] if e.rule == BRACKETS else []
            end_at = note[0][1] if note else e.end
            rows.append(Row(e.name, [m.span(1)] + note, OFFICE_ROLE[m.group(2)], m.start(), end_at, LISTED))
    return rows


def _after_title(body: str, a: int, b: int) -> Span:
    """The name of `…副局长王立新`: the regex takes the earliest run before 兼任 (长王立新), but a
    name that follows a title without a break starts where the title ends. Four characters
    with no compound surname (理戴柏华 of `部长助理戴柏华`) are the last three."""
    for cut in range(a, b - 1):
        before = body[max(cut - 8, 0):cut]
        if (title_length(before) >= 2 or before.endswith(GROUP_ROLES)) and is_person_name(body[cut:b]):
            return cut, b  # 副局长王立新, 领导小组副组长谢牧人
    run = body[a:b]
    if len(run) == 4 and "·" not in run and surname_length(run) < 2 and is_person_name(run[1:]):
        return a + 1, b
    return a, b


def _held_by(body: str, a: int, b: int) -> list[Span]:
    """The people of `由市水务局副局长牛建平、市财政局副局长李明兼任`: each part apart by 、 (or by
    commas, where the parts' posts hold 、) a name, perhaps after its title; none if any part is not."""
    names, left = [], a
    mark = "," if "," in body[a:b] else "、"  # people apart by commas, their posts by 、 (A副主席、书记处书记B)
    for cut in [a + i for i, ch in enumerate(body[a:b]) if ch == mark] + [b]:
        name = _after_title(body, left, cut)
        if not is_person_name(body[slice(*name)], strong=True):
            return []
        names.append(name)
        left = cut + 1
    return names


def _holders(body: str, a: int, b: int) -> list[Span]:
    """The people of `A、B兼任办公室副主任` (the last perhaps after its title); none where a post holds
    it and no one is named (水务局局长兼任办公室主任, 分管领导同志兼任…)."""
    parts = [(start, end - len(_HONORIFIC_END.search(body, start, end)[0])) for start, end in _parts(body, a, b)]
    names = [_after_title(body, *part) for part in parts]
    if any(title_length(body[slice(*name)]) or body[slice(*name)].endswith(_COLLECTIVE_HEADS) for name in names):
        return []
    return names if len(names) == 1 or all(is_person_name(body[slice(*name)]) for name in names) else []


def _parts(body: str, a: int, b: int) -> list[Span]:
    cuts = [a + i for i, ch in enumerate(body[a:b]) if ch == "、"]
    return list(zip([a] + [c + 1 for c in cuts], cuts + [b]))


def office_staff(body: str, spans: list[Span]) -> list[Row]:
    """The office's director, deputies and members named in the prose spans."""
    rows: list[Row] = []
    for start, end in spans:
        rows += _staff_lists(body, start, end)
        for m in STAFF_BY.finditer(body, start, end):
            for name in _held_by(body, *m.span(3)):
                rows.append(Row(name, [m.span(1)], OFFICE_ROLE[m.group(2)], m.start(), m.end(), HELD_BY))
        for m in STAFF_CONCURRENT.finditer(body, start, end):
            if not _OFFICE_WORD.search(body, start, m.end()):
                continue  # 刘振邦任主任，…徐明高兼任办公室主任: a 主任 before the office is the group's
            for name in _holders(body, *m.span(1)):
                rows.append(Row(name, [m.span(2)], OFFICE_ROLE[m.group(3)], name[0], m.end(), HOLDS))
    return rows
