"""Member lists of leadership groups as documents lay them out.

- Role labels open runs of members: `组长：王明厚 副市长`, then `副组长：`, `成员：`; a line with
  no label continues the last role.
- Two-column tables arrive flattened, one row per line with tabs: `杨瑞\t市医疗保障局副局长\t
  张小军\t市人社局副局长`. They are read column by column, as printed: the left column top to
  bottom, then the right one, which continues the left column's last role. A right cell that
  is not a name (`领导小组下设办公室，办公室设在…`) is prose about the office.
- A title broken onto the next line (`市农业农村局二级调` / `研员`) is joined to its row.
- The office: `办公室设在X`; `办公室主任：A（兼），办公室副主任：B（兼）、C（市卫健委…科长）`;
  `办公室主任由A兼任，副主任由B兼任`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]
ROLE_LABELS = (
    ("常务副组长", "deputy"), ("副组长", "deputy"), ("第一组长", "leader"), ("组长", "leader"),
    ("副总指挥", "deputy"), ("总指挥", "leader"), ("副指挥长", "deputy"), ("指挥长", "leader"),
    ("副召集人", "deputy"), ("召集人", "leader"), ("常务副主任", "deputy"), ("副主任", "deputy"),
    ("主任", "leader"), ("秘书长", "member"), ("成员", "member"), ("委员", "member"))
ROLE_OF = dict(ROLE_LABELS)
LABEL = re.compile(r"[ \t]*(" + "|".join(label for label, _ in ROLE_LABELS) + r")(?:[ \t]*:[ \t]*|[ \t]+)")
PERSON = re.compile(r"[\u4e00-\u9fff·]{2,5}")
_TITLE_END = set("长员任记席书官师理事导部督)）")
_NUMBERED = re.compile(r"[ \t]*(?:[一二三四五六七八九十]+、|\(|\d+[.、])")
OFFICE_AT = re.compile(r"办公室设在([^,。;:\n\t]{2,30}?)(?=[,。;\n\t]|负责|承担|$)")
_NAME = r"([\u4e00-\u9fff·]{2,4}?)(?:同志)?"
OFFICE_ROLE = {"主任": "office_director", "常务副主任": "office_deputy", "副主任": "office_deputy",
               "成员": "office_member"}
STAFF_LIST = re.compile(r"(办公室)?(常务副主任|副主任|主任|成员)[ \t]*[:为][ \t]*")
STAFF_ITEM = re.compile(_NAME + r"(?=\(|、|,|。|;|\t|\n|$)(\([^()\n]{1,30}\))?")
STAFF_BY = re.compile(r"(办公室)?(常务副主任|副主任|主任)(?:由|为)" + _NAME + r"(兼任|担任)")
STAFF_CONCURRENT = re.compile(_NAME + r"兼任(?:领导小组)?(办公室)(常务副主任|副主任|主任)")


@dataclass
class Row:
    name: Span
    title_spans: list[Span]
    role: str
    start: int
    end: int
    prefix: str = ""  # title text the document implies (办公室副主任 for 副主任由B兼任)
    note: str = ""  # (兼) when the document says 兼任

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
    m = re.compile(r"(\S+)[ \t]+(\S.*?)[ \t]*$").match(body, a, end)
    if not m or not PERSON.fullmatch(m.group(1)):
        return None
    return Row(m.span(1), [m.span(2)], role, m.start(1), m.end(2))


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
        row = _spaced(body, start, end, self.role)
        if row:
            self.role = row.role
            self.left.append(row)
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
        cells += [(end, end)] * (4 - len(cells))
        found = False
        left = _entry(self.body, cells[0], cells[1], self.role) if cells[0][1] > cells[0][0] else None
        if left:
            self.role = left.role
            self.left.append(left)
            found = True
        right = _entry(self.body, cells[2], cells[3], self.right_role)
        if right:
            self.right_role = right.role or None
            self.right.append(right)
            found = True
        elif cells[2][1] > cells[2][0]:
            self.block.office.append((cells[2][0], end))
        return found

    def finish(self, end: int) -> Block:
        for row in self.right:
            row.role = row.role or self.role
        self.block.rows = self.left + self.right
        self.block.end = end
        return self.block


def _lines(body: str) -> list[Span]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def member_blocks(body: str) -> list[Block]:
    """The member lists of body: runs of rows opened by a role label (组长:, 副组长:, 成员:)."""
    blocks, lines, i = [], _lines(body), 0
    while i < len(lines):
        start, end = lines[i]
        label = LABEL.match(body, start, end)
        if not label or label.group(1) in ("主任", "副主任") and "\t" not in body[start:end] \
                and not _spaced(body, start, end, ""):
            i += 1
            continue
        reader = _Reader(body, start)
        while i < len(lines) and reader.line(*lines[i]):
            i += 1
        block_end = lines[i - 1][1] if i else end
        while i < len(lines) and "办公室" in body[lines[i][0]:lines[i][1]] \
                and not _NUMBERED.match(body, lines[i][0]):
            reader.block.office.append(lines[i])
            i += 1
        block = reader.finish(block_end)
        if block.rows:
            blocks.append(block)
        i += 0 if block.rows else 1
    return blocks


def office_at(body: str, start: int, end: int) -> Span | None:
    m = OFFICE_AT.search(body, start, end)
    return m.span(1) if m else None


def _staff_lists(body: str, start: int, end: int) -> list[Row]:
    rows, pos = [], start
    for m in STAFF_LIST.finditer(body, start, end):
        if m.start() < pos or "办公室" not in body[start:m.end()]:
            continue
        label, pos = m.group(2), m.end()
        for item in STAFF_ITEM.finditer(body, pos, end):
            if item.start() != pos:
                break
            note = [item.span(2)] if item.group(2) else []
            rows.append(Row(item.span(1), note, OFFICE_ROLE[label], m.start(), item.end(),
                            prefix="办公室" + label))
            pos = item.end() + (1 if body[item.end():item.end() + 1] == "、" else 0)
    return rows


def office_staff(body: str, spans: list[Span]) -> list[Row]:
    """The office's director, deputies and members named in the prose spans."""
    rows: list[Row] = []
    for start, end in spans:
        rows += _staff_lists(body, start, end)
        for m in STAFF_BY.finditer(body, start, end):
            note = "（兼）" if m.group(4) == "兼任" else ""
            rows.append(Row(m.span(3), [], OFFICE_ROLE[m.group(2)], m.start(), m.end(),
                            prefix="办公室" + m.group(2), note=note))
        for m in STAFF_CONCURRENT.finditer(body, start, end):
            rows.append(Row(m.span(1), [], OFFICE_ROLE[m.group(3)], m.start(), m.end(),
                            prefix="办公室" + m.group(3), note="（兼）"))
    return rows
