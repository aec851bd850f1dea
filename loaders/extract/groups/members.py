"""Member lists of leadership groups: where they start and end, and their rows in order.

A list is a run of lines opened by a role label (`组长：王明厚 副市长`, then `副组长：`, `成员：`);
a line with no label continues the last role. Each line is read by loaders.extract.groups.rows
(a label and a run of entries), a line with tabs by loaders.extract.groups.tables (columns);
this module adds what spans lines:
- A table printed one cell a line (`指挥长` / `王强` / `市长`): a role alone on its line sets
  the role, and a post alone on its line is the title of the name alone next to it, before or
  after (groups/one-cell-a-line).
- A title broken onto the next line (`市农业农村局二级调` / `研员`) is joined to its row.
The lines about the group's office that follow a list are kept for loaders.extract.groups.office.
Page numbers, running heads and lines with no Chinese where a list goes on
(loaders.extract.groups.lines) are passed over. The role labels, the office words and the
numbering are taken from ontology/lexicon/groups.yaml and numbering.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.extract.groups.lines import (about_office, collective, furniture, garbled, lines_of, opens_block,
                                          passed_over)
from loaders.extract.groups.parts import parts
from loaders.extract.groups.readings import read
from loaders.extract.groups.rows import (LABEL, ROLE_OF, Row, Span, labelled_runs, line_rows, titled_by_label,
                                         titling_label)
from loaders.extract.groups.tables import Columns
from loaders.lexicon import lexicon
from loaders.spans.agency import is_agency
from loaders.text.script import to_simplified

# A table printed one cell a line: a post's cell beside a name's.
ONE_CELL = "groups/one-cell-a-line"
_MEMBERSHIP = tuple(lexicon().words("groups.membership_words"))  # 成员, 委员: a section's heading word


@dataclass
class Block:
    """One member list: its rows in reading order and the spans about the group's office."""

    start: int
    end: int
    rows: list[Row] = field(default_factory=list)
    office: list[Span] = field(default_factory=list)  # prose spans about the office


class _Reader(Columns):
    """Reads the rows of one block line by line, keeping a role per column."""

    def __init__(self, body: str, start: int):
        super().__init__(body)
        self.start = start
        self.bare: Row | None = None  # a name alone on the line just read, its post perhaps below
        self.post: Span | None = None  # a post alone on the line just read, its name perhaps below
        self.titling: Span | None = None  # a label alone above that titles its people (非官方成员)

    def line(self, start: int, end: int) -> bool:
        body = self.body
        label = LABEL.match(body, start, end)
        if label and not body[label.end():end].strip():  # `委员：` alone, its entries below
            self.role = ROLE_OF[label.group(1)]
            self.titling = titling_label(body, start, end)  # `非官方成员` alone: the title of those below
            return True
        if "\t" in body[start:end]:
            return self.table(start, end)
        runs = labelled_runs(body, start, end)
        if len(runs) > 1:
            return all([self.line(a, b) for a, b in runs])
        rows = line_rows(body, start, end, self.role)
        if label:
            self.titling = None
        elif self.titling:
            for row in rows:
                titled_by_label(body, row, self.titling)
        bare, self.bare = self.bare, None
        if rows:
            if self.post and len(rows) == 1 and not rows[0].title_spans:  # `市长` / `张三`
                rows[0].title_spans, rows[0].start, rows[0].rule = [self.post], self.post[0], ONE_CELL
            elif len(rows) == 1 and not rows[0].title_spans:
                self.bare = rows[0]
            self.post = None
            if not self.titling:  # 陈建强医生(主席) under 非官方成员: his role, not the lines' after him
                self.role = rows[-1].role
            self.left += rows
            return True
        if label and collective(body, label.end(), end):  # `成员：各县（区）长`: the role goes on
            self.role = ROLE_OF[label.group(1)]
            return True
        return self._title_continued(start, end) or self._post_cell(start, end, bare) or collective(body, start, end)

    def _post_cell(self, start: int, end: int, bare: Row | None) -> bool:
        """A table printed one cell a line: a post alone on its line is the title of the name
        alone on the line before it (`张三` / `市长`), or of the name on the line after it; a
        section's heading (`官方成员`) is read over."""
        found = parts(self.body, start, end)
        if len(found) != 1 or not read(cell := self.body[found[0].start:found[0].end]).title:
            return False
        if _section(cell):
            return True  # the list goes on under its next section
        post = (found[0].start, found[0].end)
        if bare is not None:
            bare.title_spans, bare.end, bare.rule = [post], post[1], ONE_CELL
        else:
            self.post = post
        return True

    def _title_continued(self, start: int, end: int) -> bool:
        """A short line that is no row ends the unfinished title above it (二级调 / 研员)."""
        body, last = self.body, (self.right or self.left or [None])[-1]
        token = body[start:end].strip()
        if last and not last.complete(body) and 0 < len(token) <= 10 and " " not in token:
            line = body[start:end]
            a, b = end - len(line.lstrip()), start + len(line.rstrip())
            if body[b - 1] in ")）" and body[last.title_spans[0][0] - 1] in "(（":
                b -= 1  # 李四（县教 / 育局局长）: the bracket the title was in closes
            last.title_spans.append((a, b))
            last.end = end
            return True
        return False

    def finish(self, end: int, office: list[Span]) -> Block:
        return Block(self.start, end, self.rows(), self.office + office)


def _section(cell: str) -> bool:
    """官方成员, 非官方成员: the heading of a section of members, no post: a membership word whose
    words before it name no body."""
    cell = to_simplified("".join(cell.split()))
    role = next((r for r in _MEMBERSHIP if cell.endswith(r)), None)
    return role is not None and not is_agency(cell[:-len(role)])


def member_blocks(body: str) -> list[Block]:
    """The member lists of body: runs of rows opened by a role label (组长:, 副组长:, 成员:)."""
    blocks, lines, i = [], lines_of(body), 0
    while i < len(lines):
        start, end = lines[i]
        if not opens_block(body, start, end):
            i += 1
            continue
        reader, taken, office = _Reader(body, start), [], []
        while i < len(lines):
            if not (taken and (furniture(body, *lines[i]) or passed_over(body, *lines[i]))):
                if reader.line(*lines[i]):
                    taken.append(i)
                elif not (taken and garbled(body, lines, i, reader.role)):
                    break
            i += 1
        block_end = lines[taken[-1]][1] if taken else end
        while i < len(lines) and ((passed := furniture(body, *lines[i])) or about_office(body, *lines[i])):
            if not passed:
                office.append(lines[i])
            i += 1
        block = reader.finish(block_end, office)
        if block.rows:
            blocks.append(block)
        i += 0 if block.rows and taken else 1  # a line read in part but not taken still moves the reader on
    return blocks
