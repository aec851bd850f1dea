"""Rivers of river-chief tables: the column vouches for its cells.

- `places/table:column`: a cell under a column named for rivers (河道名称, 河流(湖库)名称) of a
  table loaders.structure.tables reads, or a piece wrapped below it (a second river of the
  same village on the next line), a lake's of any suffix (乌梁素海, 白洋淀); the reach is no part of the name, in brackets
  (龙坑溪(霞川村段)) or written after it (清江河兴隆镇段).
- `places/table:first-column`: a table flattened with single spaces, which no column layout
  shows, whose header puts the rivers first after the number (`序号 河流(湖库)名称 流经乡镇 …`):
  the river opening each numbered row (`5坎市溪 坎市镇、培丰镇 29.8 副区长 熊晓东`).
- `places/table:cell-lines`: a table set one cell a line (blank lines between, as a page's
  table copies), whose header puts the rivers first after the number: the cell after each row's
  number, the rows numbered 1, 2, 3 … in order.
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, river_name, suffix_length
from loaders.spans.places.words import (CJK, FIRST_RIVER_COLUMN, NUMBER_COLUMN, PLAIN_REACH, REACH, RIVER_CLASS,
                                        RIVER_COLUMN, RIVER_TABLE_MARKS, TABLE_SUFFIXES)
from loaders.structure.tables import find_tables

COLUMN_RULE = "places/table:column"
FIRST_COLUMN_RULE = "places/table:first-column"
CELL_LINES_RULE = "places/table:cell-lines"

_COLUMNS = [
    (re.compile(NUMBER_COLUMN), "number"),
    (re.compile(RIVER_COLUMN), "river"),
    (re.compile(rf"[{CJK}]{{1,8}}"), "other"),  # 村名, 河长, 职务: read so that the header is known
]
_REACH = re.compile(rf"{REACH}$")
_PLAIN_REACH = re.compile(rf"(?P<river>[{CJK}]+{RIVER_CLASS}){PLAIN_REACH}")
_FIRST_COLUMN_HEADER = re.compile(rf"(?m)^[ \t]*{NUMBER_COLUMN}[ \t]+{FIRST_RIVER_COLUMN}\S*[ \t]+\S")
_NUMBERED_ROW = re.compile(rf"[ \t]*\d{{1,3}}[ \t.、]*([{CJK}]{{2,8}}?){REACH}?[ \t]")
_BLANKS = r"[ \t]*\n(?:[ \t]*\n)*[ \t]*"  # a line's end and the blank lines after it
_CELL_HEADER = re.compile(rf"(?m)^[ \t]*{NUMBER_COLUMN}{_BLANKS}{FIRST_RIVER_COLUMN}\S*[ \t]*$")
# a mark may stand before the name (▲梁子湖: a water body the table singles out)
_NUMBER_CELL = re.compile(rf"(?m)^[ \t]*(\d{{1,3}}){_BLANKS}[▲△★☆*]?([{CJK}]{{2,12}})[ \t]*$")


def table_rivers(text: str) -> list[Place]:
    return _column_rivers(text) + _first_column_rivers(text) + _cell_line_rivers(text)


def _column_rivers(text: str) -> list[Place]:
    """Rivers in the river column of a table, one a cell or a piece wrapped below, without
    their reach."""
    found = []
    for table in find_tables(text, _COLUMNS, {"river"}, RIVER_TABLE_MARKS):
        for row in range(len(table.rows)):
            for start, end in table.pieces(row, "river"):
                end = _without_reach(text, start, end)
                if suffix_length(text, start, end, TABLE_SUFFIXES) and river_name(text, start, end):
                    found.append(Place(start, end, "RIVER", COLUMN_RULE))
    return found


def _without_reach(text: str, start: int, end: int) -> int:
    """Where a cell's river ends: before its reach in brackets, or written after it."""
    reach = _REACH.search(text, start, end)
    end = reach.start() if reach else end
    plain = _PLAIN_REACH.fullmatch(text, start, end)
    return plain.end("river") if plain else end


def _first_column_rivers(text: str) -> list[Place]:
    """The river opening each numbered row under such a header, until a line that is no row."""
    found = []
    for header in _FIRST_COLUMN_HEADER.finditer(text):
        at = text.find("\n", header.end())
        while at >= 0:
            row = _NUMBERED_ROW.match(text, at + 1)
            if not row:
                break
            start, end = row.span(1)
            if text[end - 1] in TABLE_SUFFIXES and river_name(text, start, end):
                found.append(Place(start, end, "RIVER", FIRST_COLUMN_RULE))
            at = text.find("\n", row.end())
    return found


def _cell_line_rivers(text: str) -> list[Place]:
    """The cell after each row's number in a table set one cell a line, while the rows count on."""
    found = []
    for header in _CELL_HEADER.finditer(text):
        expected = 1
        for row in _NUMBER_CELL.finditer(text, header.end()):
            if int(row.group(1)) != expected:
                if int(row.group(1)) < expected:
                    continue  # a figure of the row before (长度 4), not a row's number
                break
            expected += 1
            start, end = row.span(2)
            end = _without_reach(text, start, end)
            if text[end - 1] in TABLE_SUFFIXES and river_name(text, start, end):
                found.append(Place(start, end, "RIVER", CELL_LINES_RULE))
    return found
