"""One line of a member list read as rows: who, with which title, in which role.

A leadership group's list writes each person on a line in one of a few shapes, and every
reader here takes one line (start..end of the body) and returns its rows, or none when the
line is not of its shape, so that loaders.extract.groups.members can try them in turn:

- `组长:雷健坤 市长`, `刘鹏 市委宣传部副部长`: a name, spaces, a title (`spaced_row`);
- `副组长：张三（市政府副秘书长）、李四（…）`: names with their titles in brackets (`bracketed_rows`);
- `市人民政府市长 张宏伟`, `市财政局局长 孙莉    市水务局局长 韩志勇`: the words of the line read
  two by two, each pair a name and a title in either order, entries apart by spaces or by 、
  (`杨启明 县人大常委会副主任、罗斌 县政协副主席`) (`paired_rows`);
- `成员：县应急管理局局长杨正清、县气象局局长石秀英。`: a title written against the name after
  it (`glued_rows`);
- `组长:陈芸副省长`, `张力民政厅副厅长`: a name written against the title after it, parted by
  loaders.extract.groups.glued (`name_glued_row`);
- `副组长:王晓剑 谭志新`, `副组长：裘东耀、赵树梅`: names alone, no titles (`named_rows`).
A role label (loaders.extract.groups.row) may open the line; each row names the rule of its
reader (groups/label-line, …:brackets, …:pairs, …:glued, …:name-glued, …:names).
"""

from __future__ import annotations

import re

from loaders.spans.posts import is_person_name, title_length
from loaders.extract.groups.glued import name_glued_row, named_rows
from loaders.extract.groups.row import LABEL, PERSON, ROLE_OF, Row, Span, after_label, is_name

__all__ = ["LABEL", "PERSON", "ROLE_OF", "Row", "Span", "line_rows", "labelled_runs", "spaced_row",
           "bracketed_rows", "paired_rows", "glued_rows", "is_member_row"]
_NAME_IN_BRACKETS = re.compile(r"([\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,3})\(([^()\n]{2,40})\)[、,;，；。]?[ \t]*")
# The last entry of a text that stops inside its bracket: `胡晓剑（市交通运输局`.
_CUT_OFF = re.compile(r"([\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4})"
                      r"\(([^()\n]{2,40}?)[ \t]*")
# A note on the person may follow the name: `马秀兰（女，回族）　市人民政府副秘书长`.
_NAME_TITLE = re.compile(r"[ \t]*([^\s,]+?)(?:\([^()\s]{1,12}\))?([ \t]+|[ \t]*,[ \t]*)(\S.*?)[ \t]*$")
_WORD = re.compile(r"[^ \t]+")
# Where a line's labelled runs part: a ;, or spaces before a label that a colon closes.
_RUN_BREAK = re.compile(rf";|[ \t]+(?=(?:{'|'.join(map(re.escape, ROLE_OF))})[ \t]*:)")

# The rule each reader names in the evidence of its rows.
SPACED, BRACKETS, PAIRS, GLUED = ("groups/label-line", "groups/label-line:brackets",
                                  "groups/label-line:pairs", "groups/label-line:glued")


def spaced_row(body: str, start: int, end: int, role: str) -> Row | None:
    """`组长:雷健坤 市长` or `刘鹏 市委宣传部副部长`: a name, spaces (or a comma), a title."""
    a, role = after_label(body, start, end, role)
    m = _NAME_TITLE.match(body, a, end)
    if not m or not PERSON.fullmatch(m.group(1)):
        return None
    title = m.group(3).rstrip(";。")
    if "," in m.group(2) and (title_length(title) < 2 or re.search("[,;]", title)):
        return None  # after a comma, one known title and nothing more: no sentence, no second entry
    return Row(m.span(1), [m.span(3)], role, m.start(1), m.end(3), SPACED)


def bracketed_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`副组长：张三（市政府副秘书长）、李四（市发改委主任）`: names with their titles in brackets."""
    pos, role = after_label(body, start, end, role)
    while pos < end and body[pos] in " \t":
        pos += 1
    rows = []
    for m in _NAME_IN_BRACKETS.finditer(body, pos, end):
        if m.start() != pos:
            return []
        rows.append(Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2), BRACKETS))
        pos = m.end()
    cut = _CUT_OFF.fullmatch(body, pos, end) if not body[end:].strip() else None
    if cut and is_person_name(cut.group(1)):  # the text stops in the bracket: the title as far as it goes
        rows.append(Row(cut.span(1), [cut.span(2)], role, cut.start(1), cut.end(2), BRACKETS))
        pos = end
    return rows if rows and not body[pos:end].strip() else []


def is_member_row(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is a line of a member list with the posts or bodies of people in
    brackets (`副组长：李四（市纪委）、赵六（市委宣传部）`): every bracket follows a person's name,
    so none is a task's clause naming units (loaders.extract.tasks)."""
    rows = bracketed_rows(body, start, end, "")
    return bool(rows) and all(is_person_name("".join(body[slice(*r.name)].split())) for r in rows)


def paired_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`市人民政府市长 张宏伟`, `杨帆 市委宣传部副部长 何建平 市发改委主任`: the words of a line taken
    two by two, each pair a name (a person's) and a title (ending in a known title), in either
    order. Any word left over or unclassified means the line is no such row."""
    pos, role = after_label(body, start, end, role)
    words = [piece for m in _WORD.finditer(body, pos, end) for piece in _split_entries(body, *m.span())]
    if not words or len(words) % 2:
        return []
    rows = []
    for first, second in zip(words[::2], words[1::2]):
        if is_name(body, *first) and _is_title(body, *second):
            name, title = first, second
        elif _is_title(body, *first) and is_name(body, *second):
            name, title = second, first
        else:
            return []
        rows.append(Row(name, [title], role, first[0], second[1], PAIRS))
    return rows


def _split_entries(body: str, a: int, b: int) -> list[Span]:
    """A word holding the end of one entry and the start of the next, apart by 、
    (`县人大常委会副主任、罗斌` of `杨启明 县人大常委会副主任、罗斌 县政协副主席`): two words."""
    cut = body.rfind("、", a, b)
    if cut > a and _is_title(body, a, cut) and is_name(body, cut + 1, b):
        return [(a, cut), (cut + 1, b)]
    return [(a, b)]


def _is_title(body: str, a: int, b: int) -> bool:
    return title_length(body[a:b]) >= 2 and not is_person_name(body[a:b])


def glued_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`成员：县应急管理局局长杨正清、县气象局局长石秀英。`: a title written against the name
    after it, entries apart by 、. The name is the shortest ending after a known title."""
    pos, role = after_label(body, start, end, role)
    while end > pos and body[end - 1] in " \t。.":
        end -= 1
    rows = []
    for m in re.finditer(r"[^、,]+", body[pos:end]):
        a, b = pos + m.start(), pos + m.end()
        cut = next((b - n for n in (2, 3, 4) if b - n - a >= 2 and title_length(body[a:b - n]) >= 2
                    and is_name(body, b - n, b)), None)
        if cut is None:
            return []
        rows.append(Row((cut, b), [(a, cut)], role, a, b, GLUED))
    return rows


def line_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """The rows of one line of a list, by the first reader whose shape it has; none if none.
    Names alone are tried before a name and spaces and words, which would take a second name
    for a title. Entries apart by ; (`张三,市发改委主任;李四,市财政局局长`) are read one by one."""
    entries = _entries(body, start, end)
    if len(entries) > 1:
        rows: list[Row] = []
        for a, b in entries:
            part = line_rows(body, a, b, role)
            if not part:
                return []
            rows, role = rows + part, part[-1].role
        return rows
    rows = (bracketed_rows(body, start, end, role) or paired_rows(body, start, end, role)
            or glued_rows(body, start, end, role))
    if rows:
        return rows
    row = name_glued_row(body, start, end, role)
    if row:
        return [row]
    rows = named_rows(body, start, end, role)
    if rows:
        return rows
    row = spaced_row(body, start, end, role)
    return [row] if row else []


def _entries(body: str, start: int, end: int) -> list[Span]:
    """The parts of a line apart by ;, a closing ; dropped."""
    cuts = [start + m.start() for m in re.finditer(";", body[start:end])]
    bounds = [(a + 1 if i else a, b) for i, (a, b) in enumerate(zip([start] + cuts, cuts + [end]))]
    return [(a, b) for a, b in bounds if body[a:b].strip()]


def labelled_runs(body: str, start: int, end: int) -> list[Span]:
    """`指挥长：A（…）；副指挥长：B（…）；成员：…`, `组长：王强 市长　　副组长：李军 副市长`: a line
    holding several labelled runs, apart by ; or by spaces before a label and its colon."""
    runs, left = [], start
    for m in _RUN_BREAK.finditer(body, start, end):
        if m.start() > left and LABEL.match(body, m.end(), end):
            runs.append((left, m.start()))
            left = m.end()
    return runs + [(left, end)]
