"""Hard-wrapped text: a copy of a printed page (a chronicle, a yearbook, a converter's output)
whose lines break at one width, in the middle of words and names (`副主任李延` / `平`).

Such a text has many lines of one display width (a Chinese character or full-width mark counts
two, an ASCII character one), and few longer: a page of paragraphs written one line each has
most of its lines longer than any width its shorter lines happen to share. A line of that width (less a character's) that ends without the
end of a sentence runs on into the next line when the next opens with no indent and no number:
the break between them goes from the normalised text, so that names and sentences read whole.
A law database's page sets its items with hanging indents (`  (一)参谋群组：…` / `        组及前进…`):
there a line runs on into the next indented as deep (the item's later lines), or deeper when the
line opens a numbered item, and the indent goes with the break.
The raw text keeps the breaks, and the source's notes say how many were joined. Paragraphs
written as one line each (web pages, official files) have no common width and are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from loaders.lexicon import lexicon
from loaders.records import Source

_SENTENCE_ENDS = "。！？；：!?;:"
_CN = lexicon()["numbering.cn_digits"]
_NUMBERED = re.compile(rf"[{_CN}]+、|[(（]|\d+[.、．]|第[{_CN}\d]+")  # a numbered line opens a part
_OPENS_RUN_ON = re.compile(r"[\u4e00-\u9fff0-9，、。）》”,)]")
_NARROWEST = 30  # columns: a width below this is a list's or a table's, not a page's
_FEWEST = 5  # lines of the common width that make a text hard-wrapped
_SLACK = 3  # columns a full line may fall short of the width (a word that did not fit)
_LONGER = 0.2  # share of a wrapped text's long lines that may pass its width (a title set wider)
_INDENT = " \u3000"
_INDENT_RUN = re.compile(f"[{_INDENT}]*")


def _width(line: str) -> int:
    """Columns: a character UTF-8 writes in three bytes (Chinese, full-width marks) counts two,
    an ASCII one one; found from the encoded length, with no pass over the characters."""
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


def _common_width(widths: list[int]) -> int | None:
    counts = Counter(w for w in widths if w >= _NARROWEST)
    if not counts:
        return None
    width, _ = max(counts.items(), key=lambda item: (sum(counts[w] for w in range(item[0] - _SLACK, item[0] + 1)),
                                                      item[0]))
    full = sum(counts[w] for w in range(width - _SLACK, width + 1))
    longer = sum(n for w, n in counts.items() if w > width + 1)
    return width if full >= _FEWEST and longer <= _LONGER * sum(counts.values()) else None


def wrapped_breaks(source: Source) -> list[int]:
    """Offsets in the raw text of the line breaks inside hard-wrapped paragraphs."""
    raw = source.text
    if raw.count("\n") < _FEWEST:
        return []
    lines = raw.split("\n")
    widths = [_width(line.rstrip("\r")) for line in lines]
    width = _common_width(widths)
    if width is None:
        return []
    breaks, at = [], 0
    for line, w, after in zip(lines, widths, lines[1:]):
        at += len(line)
        body, next_body = line.rstrip("\r \t"), after.lstrip(_INDENT)
        if (width - _SLACK <= w <= width and body and body[-1] not in _SENTENCE_ENDS and "\t" not in line
                and _OPENS_RUN_ON.match(next_body) and not _NUMBERED.match(next_body)
                and _hangs(body, len(after) - len(next_body))):
            breaks.append(at)
        at += 1
    return breaks


def _hangs(line: str, indent: int) -> bool:
    """Whether a line indented `indent` may go on the full `line` before it: flush lines run on,
    and indented ones under a line indented as deep, or deeper under a numbered item's first line."""
    own = len(line) - len(line.lstrip(_INDENT))
    return indent == 0 or indent == own or indent > own and bool(_NUMBERED.match(line, own))


def joined_breaks(source: Source, text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The spans of the normalised `text` (`offsets` map it to the raw) that are wrapped breaks,
    each with the next line's indent, with a note on the source when there are any."""
    spans = []
    for raw_at in wrapped_breaks(source):
        i = bisect_left(offsets, raw_at)
        if i < len(offsets) and offsets[i] == raw_at:
            spans.append((i, _INDENT_RUN.match(text, i + 1).end()))
    if spans:
        source.notes = (*source.notes, f"joined {len(spans)} lines wrapped at a fixed width")
    return spans
