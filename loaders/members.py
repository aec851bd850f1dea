"""Member lists of leadership groups as documents lay them out.

- Role labels open runs of members: `组长：王明厚 副市长`, then `副组长：`, `成员：`; a line with
  no label continues the last role.
- Two-column tables arrive flattened, one row per line with tabs: `杨瑞\t市医疗保障局副局长\t
  张小军\t市人社局副局长`. They are read column by column, as printed: the left column top to
  bottom, then the right one, which continues the left column's last role. A right cell that
  is not a name (`领导小组下设办公室，办公室设在…`) is prose about the office.
- A title broken onto the next line (`市农业农村局二级调` / `研员`), or into the next row's cell
  under an empty name, is joined to its row.
- `副组长：张三（市政府副秘书长）、李四（…）`: names with their titles in brackets.
- `组　长：市人民政府市长　张宏伟`: the title may stand before the name, and a table flattened
  with spaces puts two such entries on one line (`市财政局局长 孙莉    市水务局局长 韩志勇`):
  the words of the line are read two by two, each pair a person's name and a title.
The lines about the group's office that follow a list are kept for loaders.office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.extract.posts import is_person_name, title_length

Span = tuple[int, int]
ROLE_LABELS = (
    ("常务副组长", "deputy"), ("副组长", "deputy"), ("第一组长", "leader"), ("组长", "leader"),
    ("副总指挥", "deputy"), ("总指挥", "leader"), ("副指挥长", "deputy"), ("指挥长", "leader"),
    ("副召集人", "deputy"), ("召集人", "leader"), ("常务副主任", "deputy"), ("副主任", "deputy"),
    ("主任", "leader"), ("秘书长", "member"), ("成员", "member"), ("委员", "member"))
ROLE_OF = dict(ROLE_LABELS)
_LABELS = "|".join(label for label, _ in ROLE_LABELS)
LABEL = re.compile(rf"[ \t]*({_LABELS})(?:[ \t]*:[ \t]*|[ \t]+)")
PERSON = re.compile(r"[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff·]{2,5}")
_NAME_IN_BRACKETS = re.compile(r"([\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,3})\(([^()\n]{2,40})\)[、,;，；。]?[ \t]*")
# A note on the person may follow the name: `马秀兰（女，回族）　市人民政府副秘书长`.
_NAME_TITLE = re.compile(r"[ \t]*(\S+?)(?:\([^()\s]{1,12}\))?[ \t]+(\S.*?)[ \t]*$")
_TITLE_END = set("长员任记席书官师理事导部督)）")
_WORD = re.compile(r"[^ \t]+")
_NUMBERED = re.compile(r"[ \t]*(?:[一二三四五六七八九十]+、|\(|\d+[.、])")


@dataclass
class Row:
    name: Span
    title_spans: list[Span]
    role: str
    start: int
    end: int

    def complete(self, body: str) -> bool:
        return bool(self.title_spans) and body[self.title_spans[-1][1] - 1] in _TITLE_END


@dataclass
class Block:
    start: int
    end: int
    rows: list[Row] = field(default_factory=list)
    office: list[Span] = field(default_factory=list)  # prose spans about the office


def _cells(body: str, start: int, end: int) -> list[Span]:
    cells, left = [], start
    for i in range(start, end + 1):
        if i == end or body[i] == "\t":
            a, b = left, i
            while a < b and body[a] == " ":
                a += 1
            while b > a and body[b - 1] == " ":
                b -= 1
            cells.append((a, b))
            left = i + 1
    return cells


def _filled(cell: Span) -> bool:
    return cell[1] > cell[0]


def _entry(body: str, name: Span, title: Span, role: str | None) -> Row | None:
    a, b = name
    label = LABEL.match(body, a, b)
    if label:
        role, a = ROLE_OF[label.group(1)], label.end()
    if not PERSON.fullmatch(body, a, b) or title[1] <= title[0]:
        return None
    return Row((a, b), [title], role or "", a, title[1])


def _spaced(body: str, start: int, end: int, role: str) -> Row | None:
    """`组长:雷健坤 市长` or `刘鹏 市委宣传部副部长`: a name, spaces, a title."""
    label = LABEL.match(body, start, end)
    a = label.end() if label else start
    role = ROLE_OF[label.group(1)] if label else role
    m = _NAME_TITLE.match(body, a, end)
    if not m or not PERSON.fullmatch(m.group(1)):
        return None
    return Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2))


def _bracketed(body: str, start: int, end: int, role: str) -> list[Row]:
    """`副组长：张三（市政府副秘书长）、李四（市发改委主任）`: names with their titles in brackets."""
    label = LABEL.match(body, start, end)
    pos = label.end() if label else start
    role = ROLE_OF[label.group(1)] if label else role
    while pos < end and body[pos] in " \t":
        pos += 1
    rows = []
    for m in _NAME_IN_BRACKETS.finditer(body, pos, end):
        if m.start() != pos:
            return []
        rows.append(Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2)))
        pos = m.end()
    return rows if rows and not body[pos:end].strip() else []


def _paired(body: str, start: int, end: int, role: str) -> list[Row]:
    """`市人民政府市长 张宏伟`, `杨帆 市委宣传部副部长 何建平 市发改委主任`: the words of a line taken
    two by two, each pair a name (a person's) and a title (ending in a known title), in either
    order. Any word left over or unclassified means the line is no such row."""
    label = LABEL.match(body, start, end)
    pos = label.end() if label else start
    role = ROLE_OF[label.group(1)] if label else role
    words = [m.span() for m in _WORD.finditer(body, pos, end)]
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
        rows.append(Row(name, [title], role, first[0], second[1]))
    return rows


def _is_name(body: str, a: int, b: int) -> bool:
    return PERSON.fullmatch(body, a, b) is not None and is_person_name(body[a:b])


def _is_title(body: str, a: int, b: int) -> bool:
    return title_length(body[a:b]) >= 2 and not is_person_name(body[a:b])


def _glued(body: str, start: int, end: int, role: str) -> list[Row]:
    """`成员：县应急管理局局长杨正清、县气象局局长石秀英。`: a title written against the name
    after it, entries apart by 、. The name is the shortest ending after a known title."""
    label = LABEL.match(body, start, end)
    pos = label.end() if label else start
    role = ROLE_OF[label.group(1)] if label else role
    while end > pos and body[end - 1] in " \t。.":
        end -= 1
    rows = []
    for m in re.finditer(r"[^、,]+", body[pos:end]):
        a, b = pos + m.start(), pos + m.end()
        cut = next((b - n for n in (2, 3, 4) if b - n - a >= 3 and title_length(body[a:b - n]) >= 2
                    and _is_name(body, b - n, b)), None)
        if cut is None:
            return []
        rows.append(Row((cut, b), [(a, cut)], role, a, b))
    return rows


def _segments(body: str, start: int, end: int) -> list[Span]:
    """`指挥长：A（…）；副指挥长：B（…）；成员：…`: a line holding several labelled runs."""
    cuts = [m.end() for m in re.finditer(r";", body[start:end]) if LABEL.match(body, start + m.end())]
    bounds = [start] + [start + c for c in cuts] + [end + 1]
    return [(a, b - 1) for a, b in zip(bounds, bounds[1:])]


class _Reader:
    """Reads the rows of one block line by line, keeping a role per column."""

    def __init__(self, body: str, start: int):
        self.body, self.block = body, Block(start, start)
        self.left: list[Row] = []
        self.right: list[Row] = []
        self.role, self.right_role = "", None

    def line(self, start: int, end: int) -> bool:
        body = self.body
        if "\t" in body[start:end]:
            return self._table(start, end)
        segments = _segments(body, start, end)
        if len(segments) > 1:
            return all([self.line(a, b) for a, b in segments])
        rows = (_bracketed(body, start, end, self.role) or _paired(body, start, end, self.role)
                or _glued(body, start, end, self.role) or [_spaced(body, start, end, self.role)])
        if rows[0]:
            self.role = rows[-1].role
            self.left += rows
            return True
        last = (self.right or self.left or [None])[-1]
        token = body[start:end].strip()
        if last and not last.complete(body) and 0 < len(token) <= 10 and " " not in token:
            last.title_spans.append((end - len(body[start:end].lstrip()), end))
            last.end = end
            return True
        return False

    def _table(self, start: int, end: int) -> bool:
        cells = _cells(self.body, start, end)
        filled = [i for i, (a, b) in enumerate(cells) if b > a]
        if len(filled) == 2 and filled[0] == 1:  # one tab of indent, not an empty left column
            cells = cells[1:]
        cells += [(end, end)] * (4 - len(cells))
        found = self._wrapped(self.left, cells[0], cells[1])
        found |= self._wrapped(self.right, cells[2], cells[3])
        left = _entry(self.body, cells[0], cells[1], self.role) if _filled(cells[0]) else None
        if left:
            self.role = left.role
            self.left.append(left)
            found = True
        right = _entry(self.body, cells[2], cells[3], self.right_role)
        if right:
            self.right_role = right.role or None
            self.right.append(right)
            found = True
        elif _filled(cells[2]):
            self.block.office.append((cells[2][0], end))
        return found

    def _wrapped(self, column: list[Row], name: Span, title: Span) -> bool:
        """A title cell under an empty name cell ends the title above it (副局 / 长)."""
        if _filled(name) or not _filled(title) or not column or column[-1].complete(self.body):
            return False
        column[-1].title_spans.append(title)
        column[-1].end = title[1]
        return True

    def finish(self, end: int) -> Block:
        for row in self.right:
            row.role = row.role or self.role
        self.block.rows = self.left + self.right
        self.block.end = end
        return self.block


def _lines(body: str) -> list[Span]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def _opens_block(body: str, start: int, end: int) -> bool:
    """A line with a role label; 主任/副主任 (common words in prose) only before a person."""
    label = LABEL.match(body, start, end)
    if not label:
        return False
    if label.group(1) not in ("主任", "副主任") or "\t" in body[start:end]:
        return True
    return bool(_spaced(body, start, end, "") or _bracketed(body, start, end, ""))


def _about_office(body: str, start: int, end: int) -> bool:
    """A line after a list that is about the group's office; a 成员单位 line between them too."""
    if _NUMBERED.match(body, start):
        return False
    return "办公室" in body[start:end] or body[start:end].lstrip().startswith("成员单位")


def member_blocks(body: str) -> list[Block]:
    """The member lists of body: runs of rows opened by a role label (组长:, 副组长:, 成员:)."""
    blocks, lines, i = [], _lines(body), 0
    while i < len(lines):
        start, end = lines[i]
        if not _opens_block(body, start, end):
            i += 1
            continue
        reader = _Reader(body, start)
        while i < len(lines) and reader.line(*lines[i]):
            i += 1
        block_end = lines[i - 1][1] if i else end
        while i < len(lines) and _about_office(body, *lines[i]):
            reader.block.office.append(lines[i])
            i += 1
        block = reader.finish(block_end)
        if block.rows:
            blocks.append(block)
        i += 0 if block.rows else 1
    return blocks
