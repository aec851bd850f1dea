"""The pages of one file read together: running heads and page numbers dropped, wrapped lines
joined into paragraphs, a paragraph or a table row that goes on over a page break joined.

- Furniture: a margin line (loaders.read.pages) is dropped when, digits aside, the same line
  stands in the same margin of another page, or when it reads as a page number or a gazette's
  running head (loaders.structure.furniture). Any other margin line is text.
- Paragraphs: a line that reaches the right edge of its column is continued by the next line
  when that starts at the column's left edge, in the same size: the break was the typesetter's,
  not the author's (an indented line starts a paragraph). Title lines, larger than the body and
  centred, are joined the same way. This holds over a column and over a page break: the text
  of the next page that ends the paragraph moves up to it.
- Tables: a table that ends one page and starts the next with the same columns is one table,
  its rows moved up to the page it began on (a name table is then read column by column over
  all of them); a ruled table's header row repeated overleaf is dropped, and a first row
  without a number (序号) is the rest of the row the break cut.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.read.pages import PageLayout, Part
from loaders.read.tables import join_wrapped, same_columns, table_lines
from loaders.structure.furniture import is_furniture

JOIN_EMS = 2.0  # a line ends this close to its column's right edge to be continued (a word or a
# punctuation mark carried over leaves up to two ems free)
INDENT_EMS = 0.5  # a line starting further right than this is indented: a new paragraph
MEASURE_EMS = 16  # narrower columns are lists, not paragraphs: their lines are never joined
TITLE_SIZE = 1.25  # lines this much larger than the body are title lines
BODY_SHARE = 0.1  # the body's size holds at least this share of the characters
SAME_SIZE = 0.15  # heights this close are one size
LEADING_EMS = 2.5  # lines of one paragraph stand at most this far apart
_DIGITS = re.compile(r"\d+")


def page_texts(pages: list[PageLayout]) -> list[list[Part]]:
    """Each page's parts with furniture dropped and wrapped lines joined."""
    repeated = _repeated(pages)
    bodies = [[p for p in page.head if not _furniture(p, "head", repeated)] + page.body
              + [p for p in page.foot if not _furniture(p, "foot", repeated)] for page in pages]
    body_em = _body_em(bodies)
    bodies = [_joined(parts, body_em) for parts in bodies]
    for before, after in zip(bodies, bodies[1:]):
        _over_the_break(before, after, body_em)
    return bodies


def _mask(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def _repeated(pages: list[PageLayout]) -> set[tuple[str, str]]:
    counts = Counter((zone, _mask(p.text)) for page in pages for zone in ("head", "foot")
                     for p in getattr(page, zone))
    return {key for key, n in counts.items() if n >= 2}


def _furniture(part: Part, zone: str, repeated: set) -> bool:
    return (zone, _mask(part.text)) in repeated or is_furniture(part.text)


def _body_em(bodies: list[list[Part]]) -> float:
    """The size the body is set in: of the sizes (heights within SAME_SIZE of each other are
    one size), the smallest that holds a tenth of the characters — a title is larger, and in a
    short notice may hold most of them."""
    lines = sorted((p.em, len(p.text)) for parts in bodies for p in parts if p.kind == "line")
    total = sum(n for _, n in lines)
    size, held = None, 0
    for em, n in lines:
        if size is None or em > size * (1 + SAME_SIZE):
            if size is not None and held >= BODY_SHARE * total:
                return size
            size, held = em, 0
        held += n
    return size or 0.0


def continues(p: Part, q: Part, body_em: float, overleaf: bool = False) -> bool:
    """Whether line q goes on with the paragraph that line p ends (q `overleaf`: on the next
    page)."""
    return _goes_on(p, q, p.em, p.axis, body_em, overleaf)


def _goes_on(p: Part, q: Part, em: float, axis: float, body_em: float, overleaf: bool) -> bool:
    """`continues`, for a paragraph whose last line is p, set in size `em` (its first line's)
    and centred on `axis` (its last line's)."""
    if p.kind != "line" or q.kind != "line" or abs(q.em - em) > SAME_SIZE * em:
        return False
    if em >= TITLE_SIZE * body_em > 0:  # a title's lines, each centred on one axis
        return abs(q.axis - axis) <= 1.5 * em and (overleaf or 0 < q.top - p.top <= 2.2 * em)
    below = q.top - p.top
    if 0 < below and (q.left, q.right) == (p.left, p.right) and below > LEADING_EMS * em:
        return False  # a blank line's space between: a new paragraph
    # q starts at its column's left edge; where q stands in a column placed as p's (overleaf,
    # the left edge found on a page of indented lines alone is their indent), at p's too
    left = min(q.left, p.left) if abs(q.left - p.left) <= 2 * em else q.left
    return (p.right - p.left >= MEASURE_EMS * em and p.x1 >= p.right - JOIN_EMS * em
            and q.x0 <= left + INDENT_EMS * q.em)


def _join(p: Part, q: Part) -> Part:
    return _paragraph([p, q])


def _paragraph(lines: list[Part]) -> Part:
    """Lines that go on one from another as one part: the first line's size and start, the
    last line's end, top, column and axis (its centre when it has none, as from the first
    line's start), the least confidence known."""
    if len(lines) == 1:
        return lines[0]
    first, last = lines[0], lines[-1]
    known = [p.confidence for p in lines if p.confidence is not None]
    return Part(join_wrapped([p.text for p in lines]), "line", first.x0, last.x1, last.top, first.em, last.left,
                last.right, confidence=min(known) if known else None, axis=last.axis)


def _joined(parts: list[Part], body_em: float) -> list[Part]:
    """The parts with the lines of each paragraph joined: gathered first and joined once (a
    part made per line joined, and the text copied each time, cost more than the test)."""
    out: list[Part] = []
    lines: list[Part] = []  # the paragraph being gathered
    for part in parts:
        if lines:
            first, last = lines[0], lines[-1]
            axis = last.axis or (first.x0 + last.x1) / 2  # as the part joined so far would have it
            if _goes_on(last, part, first.em, axis, body_em, False):
                lines.append(part)
                continue
            out.append(_paragraph(lines))
        lines = [part]
    if lines:
        out.append(_paragraph(lines))
    return out


def _over_the_break(before: list[Part], after: list[Part], body_em: float) -> None:
    """Join what a page break cut: a paragraph, or a table."""
    if not before or not after:
        return
    p, q = before[-1], after[0]
    if p.kind == "line" and continues(p, q, body_em, overleaf=True):
        before[-1] = _join(p, q)
        del after[0]
    elif p.table is not None and q.table is not None and same_columns(p.table, q.table):
        rows = _rows_overleaf(p, q) if p.table.ruled else q.table.rows
        p.table = p.table._replace(rows=p.table.rows + rows)
        p.text = "\n".join(table_lines(p.table))
        del after[0]


def _rows_overleaf(p: Part, q: Part) -> list[list[str]]:
    """The rows of a ruled table overleaf that go on with it: its header row repeated there
    dropped, and a first row without a number (序号) joined to the row the break cut."""
    rows = list(q.table.rows)
    if rows and rows[0] == p.table.header:
        rows = rows[1:]
    last = p.table.rows[-1] if p.table.rows else None
    if rows and last and not rows[0][0] and len(rows[0]) == len(last):
        p.table.rows[-1] = [join_wrapped([a, b]) for a, b in zip(last, rows[0])]
        rows = rows[1:]
    return rows
