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
  it (`glued_rows`).
A role label (组长:, 副组长:, 成员: — groups.roles in ontology/lexicon/groups.yaml, with the
role each gives) may open the line; without one the line keeps the role it is given, the last
one seen. Spans, not strings, so evidence points into the text; each row names the rule of its
reader (groups/label-line, …:brackets, …:pairs, …:glued).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, title_length

Span = tuple[int, int]
_LEX = lexicon()
ROLE_OF: dict[str, str] = _LEX.table("groups.roles")  # 组长 → leader, 副组长 → deputy …
LABEL = re.compile(rf"[ \t]*({_LEX.alternation('groups.roles')})(?:[ \t]*:[ \t]*|[ \t]+)")
# A name of two to five characters, or one joined by · (阿布都热依木·买买提), each part up to eight.
PERSON = re.compile(r"[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff·]{2,5}")
_NAME_IN_BRACKETS = re.compile(r"([\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,3})\(([^()\n]{2,40})\)[、,;，；。]?[ \t]*")
# A note on the person may follow the name: `马秀兰（女，回族）　市人民政府副秘书长`.
_NAME_TITLE = re.compile(r"[ \t]*(\S+?)(?:\([^()\s]{1,12}\))?[ \t]+(\S.*?)[ \t]*$")
_TITLE_END = set(_LEX["groups.title_last_chars"])
_WORD = re.compile(r"[^ \t]+")

# The rule each reader names in the evidence of its rows.
SPACED, BRACKETS, PAIRS, GLUED = ("groups/label-line", "groups/label-line:brackets",
                                  "groups/label-line:pairs", "groups/label-line:glued")


@dataclass
class Row:
    name: Span
    title_spans: list[Span]
    role: str
    start: int
    end: int
    rule: str  # the reader's rule, named in the row's evidence

    def complete(self, body: str) -> bool:
        """Whether the title ends as titles do (局长, 委员); if not, the next line may finish it."""
        return bool(self.title_spans) and body[self.title_spans[-1][1] - 1] in _TITLE_END


def _after_label(body: str, start: int, end: int, role: str) -> tuple[int, str]:
    """Where the entries begin and their role: a label at the start of the line sets both."""
    label = LABEL.match(body, start, end)
    return (label.end(), ROLE_OF[label.group(1)]) if label else (start, role)


def spaced_row(body: str, start: int, end: int, role: str) -> Row | None:
    """`组长:雷健坤 市长` or `刘鹏 市委宣传部副部长`: a name, spaces, a title."""
    a, role = _after_label(body, start, end, role)
    m = _NAME_TITLE.match(body, a, end)
    if not m or not PERSON.fullmatch(m.group(1)):
        return None
    return Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2), SPACED)


def bracketed_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`副组长：张三（市政府副秘书长）、李四（市发改委主任）`: names with their titles in brackets."""
    pos, role = _after_label(body, start, end, role)
    while pos < end and body[pos] in " \t":
        pos += 1
    rows = []
    for m in _NAME_IN_BRACKETS.finditer(body, pos, end):
        if m.start() != pos:
            return []
        rows.append(Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2), BRACKETS))
        pos = m.end()
    return rows if rows and not body[pos:end].strip() else []


def paired_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`市人民政府市长 张宏伟`, `杨帆 市委宣传部副部长 何建平 市发改委主任`: the words of a line taken
    two by two, each pair a name (a person's) and a title (ending in a known title), in either
    order. Any word left over or unclassified means the line is no such row."""
    pos, role = _after_label(body, start, end, role)
    words = [piece for m in _WORD.finditer(body, pos, end) for piece in _split_entries(body, *m.span())]
    if not words or len(words) % 2:
        return []
    rows = []
    for first, second in zip(words[::2], words[1::2]):
        if _is_name(body, *first) and _is_title(body, *second):
            name, title = first, second
        elif _is_title(body, *first) and _is_name(body, *second):
            name, title = second, first
        else:
            return []
        rows.append(Row(name, [title], role, first[0], second[1], PAIRS))
    return rows


def _split_entries(body: str, a: int, b: int) -> list[Span]:
    """A word holding the end of one entry and the start of the next, apart by 、
    (`县人大常委会副主任、罗斌` of `杨启明 县人大常委会副主任、罗斌 县政协副主席`): two words."""
    cut = body.rfind("、", a, b)
    if cut > a and _is_title(body, a, cut) and _is_name(body, cut + 1, b):
        return [(a, cut), (cut + 1, b)]
    return [(a, b)]


def _is_name(body: str, a: int, b: int) -> bool:
    return PERSON.fullmatch(body, a, b) is not None and is_person_name(body[a:b])


def _is_title(body: str, a: int, b: int) -> bool:
    return title_length(body[a:b]) >= 2 and not is_person_name(body[a:b])


def glued_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`成员：县应急管理局局长杨正清、县气象局局长石秀英。`: a title written against the name
    after it, entries apart by 、. The name is the shortest ending after a known title."""
    pos, role = _after_label(body, start, end, role)
    while end > pos and body[end - 1] in " \t。.":
        end -= 1
    rows = []
    for m in re.finditer(r"[^、,]+", body[pos:end]):
        a, b = pos + m.start(), pos + m.end()
        cut = next((b - n for n in (2, 3, 4) if b - n - a >= 3 and title_length(body[a:b - n]) >= 2
                    and _is_name(body, b - n, b)), None)
        if cut is None:
            return []
        rows.append(Row((cut, b), [(a, cut)], role, a, b, GLUED))
    return rows


def line_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """The rows of one line of a list, by the first reader whose shape it has; none if none."""
    rows = (bracketed_rows(body, start, end, role) or paired_rows(body, start, end, role)
            or glued_rows(body, start, end, role))
    if rows:
        return rows
    row = spaced_row(body, start, end, role)
    return [row] if row else []


def labelled_runs(body: str, start: int, end: int) -> list[Span]:
    """`指挥长：A（…）；副指挥长：B（…）；成员：…`: a line holding several labelled runs."""
    cuts = [m.end() for m in re.finditer(r";", body[start:end]) if LABEL.match(body, start + m.end())]
    bounds = [start] + [start + c for c in cuts] + [end + 1]
    return [(a, b - 1) for a, b in zip(bounds, bounds[1:])]
