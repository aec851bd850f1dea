"""Member lists printed as tables and flattened into lines: the columns a list is read in.

- Two columns of name and title, one row per line with tabs (`杨瑞\t市医疗保障局副局长\t张小军\t
  市人社局副局长`), are read column by column, as printed: the left column top to bottom, then
  the right one, which continues the left column's last role (groups/two-columns). A title
  cell before its name cell (`市长\t张三`) is read as written. A right cell that is not a name
  (`领导小组下设办公室，办公室设在…`) is prose about the office.
- Three columns, role, name and title (`组长\t张三\t市长`, `\t赵六\t…` under it): the role cell
  sets the role.
- Two columns whose cells each hold a title and a name (`市教育局局长 孙丽萍\t市水利局局长 …`):
  each cell a run of entries (groups/two-columns:cells).
- A title cell under an empty name cell ends the title above it (副局 / 长).
"""

from __future__ import annotations

from dataclasses import replace

from loaders.extract.groups.readings import read
from loaders.extract.groups.rows import LABEL, ROLE_OF, Row, Span, line_rows

# The rules of the two shapes of a two-column table.
TABLE, CELLS = "groups/two-columns", "groups/two-columns:cells"


def tab_cells(body: str, start: int, end: int) -> list[Span]:
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


def _is_name(body: str, cell: Span) -> bool:
    return read(body[cell[0]:cell[1]]).name > 0


def table_entry(body: str, name: Span, title: Span, role: str | None) -> Row | None:
    """A name cell (perhaps opened by a role label) and the title cell beside it, the title as
    its cell holds it; a title cell before the name cell (`市长\t张三`) is read as written."""
    a, b = name
    label = LABEL.match(body, a, b)
    if label:
        role, a = ROLE_OF[label.group(1)], label.end()
    if title[1] <= title[0] or b <= a:
        return None
    if not _is_name(body, (a, b)):
        if not (_is_name(body, title) and read(body[a:b]).title):
            return None
        (a, b), title = title, (a, b)
    return Row((a, b), [title], role or "", min(a, title[0]), max(b, title[1]), TABLE)


class Columns:
    """The rows of a list in two columns, keeping a role per column; prose cells go to `office`."""

    def __init__(self, body: str):
        self.body = body
        self.left: list[Row] = []
        self.right: list[Row] = []
        self.role, self.right_role = "", None
        self.office: list[Span] = []

    def table(self, start: int, end: int) -> bool:
        """One line of a table with tabs: its rows, or False when it is none."""
        return self._named_cells(start, end) or self._paired_cells(start, end)

    def _named_cells(self, start: int, end: int) -> bool:
        cells = self._role_column(tab_cells(self.body, start, end))
        filled = [i for i, (a, b) in enumerate(cells) if b > a]
        if len(filled) == 2 and filled[0] == 1:  # one tab of indent, not an empty left column
            cells = cells[1:]
        cells += [(end, end)] * (4 - len(cells))
        found = self._wrapped(self.left, cells[0], cells[1])
        found |= self._wrapped(self.right, cells[2], cells[3])
        left = table_entry(self.body, cells[0], cells[1], self.role) if _filled(cells[0]) else None
        if left:
            self.role = left.role
            self.left.append(left)
            found = True
        right = table_entry(self.body, cells[2], cells[3], self.right_role)
        if right:
            self.right_role = right.role or None
            self.right.append(right)
            found = True
        elif _filled(cells[2]):
            self.office.append((cells[2][0], end))
        return found

    def _role_column(self, cells: list[Span]) -> list[Span]:
        """Three columns, role, name and title: the role cell sets the role, and the other two
        are read as a row of two."""
        first = cells[0] if cells else (0, 0)
        role = ROLE_OF.get(self.body[first[0]:first[1]])
        if len(cells) == 3 and (role or not _filled(first)) and _filled(cells[1]) and _filled(cells[2]):
            self.role = role or self.role
            return cells[1:]
        return cells

    def _paired_cells(self, start: int, end: int) -> bool:
        """Cells each holding a title and a name: the left one under the left column, the right
        one under the right; a cell naming no one (`各乡镇人民政府乡镇长`) is passed over."""
        cells = [c for c in tab_cells(self.body, start, end) if _filled(c)]
        rows = [line_rows(self.body, a, b, self.role) for a, b in cells]
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

    def rows(self) -> list[Row]:
        """The rows in reading order: the left column, then the right one, which goes on in the
        left column's last role."""
        for row in self.right:
            row.role = row.role or self.role
        return self.left + self.right
