"""Member lists of leadership groups: where they start and end, and their rows in order.

A list is a run of lines opened by a role label (`组长：王明厚 副市长`, then `副组长：`, `成员：`);
a line with no label continues the last role. Each line is read by the one-line readers of
loaders.extract.groups.rows; this module adds what spans lines:
- Two-column tables arrive flattened, one row per line with tabs: `杨瑞\t市医疗保障局副局长\t
  张小军\t市人社局副局长`. They are read column by column, as printed: the left column top to
  bottom, then the right one, which continues the left column's last role. A right cell that
  is not a name (`领导小组下设办公室，办公室设在…`) is prose about the office.
- A title broken onto the next line (`市农业农村局二级调` / `研员`), or into the next row's cell
  under an empty name, is joined to its row.
The lines about the group's office that follow a list are kept for loaders.extract.groups.office.
Page numbers and running heads where a list goes on over a page break (loaders.structure.furniture)
are passed over. Rows of a table name groups/two-columns (name and title in cells of their own)
or groups/two-columns:cells (a title and a name in one cell); the role labels, the office
words and the numbering are taken from ontology/lexicon/groups.yaml and numbering.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from loaders.extract.groups.lines import about_office, collective, furniture, garbled, lines_of, opens_block
from loaders.extract.groups.rows import (LABEL, PERSON, ROLE_OF, Row, Span, labelled_runs, line_rows,
                                         paired_rows)

# The rules of the two shapes of a two-column table.
TABLE, CELLS = "groups/two-columns", "groups/two-columns:cells"


@dataclass
class Block:
    """One member list: its rows in reading order and the spans about the group's office."""

    start: int
    end: int
    rows: list[Row] = field(default_factory=list)
    office: list[Span] = field(default_factory=list)  # prose spans about the office


def _tab_cells(body: str, start: int, end: int) -> list[Span]:
    """The cells of a flattened table row, split at tabs, spaces around them trimmed."""
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


def _table_entry(body: str, name: Span, title: Span, role: str | None) -> Row | None:
    """A name cell (perhaps opened by a role label) and the title cell beside it."""
    a, b = name
    label = LABEL.match(body, a, b)
    if label:
        role, a = ROLE_OF[label.group(1)], label.end()
    if not PERSON.fullmatch(body, a, b) or title[1] <= title[0]:
        return None
    return Row((a, b), [title], role or "", a, title[1], TABLE)


class _Reader:
    """Reads the rows of one block line by line, keeping a role per column."""

    def __init__(self, body: str, start: int):
        self.body, self.block = body, Block(start, start)
        self.left: list[Row] = []
        self.right: list[Row] = []
        self.role, self.right_role = "", None

    def line(self, start: int, end: int) -> bool:
        body = self.body
        label = LABEL.match(body, start, end)
        if label and not body[label.end():end].strip():  # `委员：` alone, its entries below
            self.role = ROLE_OF[label.group(1)]
            return True
        if "\t" in body[start:end]:
            return self._table(start, end) or self._paired_cells(start, end)
        runs = labelled_runs(body, start, end)
        if len(runs) > 1:
            return all([self.line(a, b) for a, b in runs])
        rows = line_rows(body, start, end, self.role)
        if rows:
            self.role = rows[-1].role
            self.left += rows
            return True
        if label and collective(body, label.end(), end):  # `成员：各县（区）长`: the role goes on
            self.role = ROLE_OF[label.group(1)]
            return True
        return self._title_continued(start, end) or collective(body, start, end)

    def _title_continued(self, start: int, end: int) -> bool:
        """A short line that is no row ends the unfinished title above it (二级调 / 研员)."""
        body, last = self.body, (self.right or self.left or [None])[-1]
        token = body[start:end].strip()
        if last and not last.complete(body) and 0 < len(token) <= 10 and " " not in token:
            last.title_spans.append((end - len(body[start:end].lstrip()), end))
            last.end = end
            return True
        return False

    def _table(self, start: int, end: int) -> bool:
        cells = self._role_column(_tab_cells(self.body, start, end))
        filled = [i for i, (a, b) in enumerate(cells) if b > a]
        if len(filled) == 2 and filled[0] == 1:  # one tab of indent, not an empty left column
            cells = cells[1:]
        cells += [(end, end)] * (4 - len(cells))
        found = self._wrapped(self.left, cells[0], cells[1])
        found |= self._wrapped(self.right, cells[2], cells[3])
        left = _table_entry(self.body, cells[0], cells[1], self.role) if _filled(cells[0]) else None
        if left:
            self.role = left.role
            self.left.append(left)
            found = True
        right = _table_entry(self.body, cells[2], cells[3], self.right_role)
        if right:
            self.right_role = right.role or None
            self.right.append(right)
            found = True
        elif _filled(cells[2]):
            self.block.office.append((cells[2][0], end))
        return found

    def _role_column(self, cells: list[Span]) -> list[Span]:
        """A table of three columns, role, name and title (`组长\t张三\t市长`, `\t赵六\t…` under
        it): the role cell sets the role, and the other two are read as a row of two."""
        first = cells[0] if cells else (0, 0)
        role = ROLE_OF.get(self.body[first[0]:first[1]])
        if len(cells) == 3 and (role or not _filled(first)) and _filled(cells[1]) and _filled(cells[2]):
            self.role = role or self.role
            return cells[1:]
        return cells

    def _paired_cells(self, start: int, end: int) -> bool:
        """Two columns whose cells each hold a title and a name (`市教育局局长 孙丽萍\t市水利局局长
        哈力克·托乎提`): the left one under the left column, the right one under the right; a
        cell naming no one (`各乡镇人民政府乡镇长`) is passed over."""
        cells = [c for c in _tab_cells(self.body, start, end) if _filled(c)]
        rows = [paired_rows(self.body, a, b, self.role) for a, b in cells]
        if len(cells) > 2 or not rows or not rows[0]:
            return False
        self.left += [replace(r, rule=CELLS) for r in rows[0]]
        if len(rows) > 1 and rows[1]:
            self.right += [replace(r, role=r.role or self.role, rule=CELLS) for r in rows[1]]
        return True

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


def member_blocks(body: str) -> list[Block]:
    """The member lists of body: runs of rows opened by a role label (组长:, 副组长:, 成员:)."""
    blocks, lines, i = [], lines_of(body), 0
    while i < len(lines):
        start, end = lines[i]
        if not opens_block(body, start, end):
            i += 1
            continue
        reader, read = _Reader(body, start), []
        while i < len(lines):
            if not (read and furniture(body, *lines[i])):
                if reader.line(*lines[i]):
                    read.append(i)
                elif not (read and garbled(body, lines, i, reader.role)):
                    break
            i += 1
        block_end = lines[read[-1]][1] if read else end
        while i < len(lines) and ((passed := furniture(body, *lines[i])) or about_office(body, *lines[i])):
            if not passed:
                reader.block.office.append(lines[i])
            i += 1
        block = reader.finish(block_end)
        if block.rows:
            blocks.append(block)
        i += 0 if block.rows else 1
    return blocks
