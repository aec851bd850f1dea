"""A text copied from a web page: its headline and the date of its byline.

News sites and portals print an article between furniture: breadcrumbs (`首页 > 新闻中心 >
正文`), navigation, buttons, and a byline under the headline (`2021-06-04 11:45 来源：山西日报`).
A text that holds no document header (no 文号, no `关于…的通知` title) is read as such a page:
its headline is the title-like line nearest above the first dated byline among the page's
first lines, and its date is the byline's. A text without such a byline is no web page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.text.dates import find_dates
from loaders.text.headers import Line, is_title_line

_LEX = lexicon()
_BYLINE = re.compile(_LEX.alternation("documents.byline_labels") + r"\s*[:：]|\d{1,2}:\d{2}")
_FURNITURE = re.compile(_LEX.alternation("documents.furniture_words") + r"|>|»|\|")
_CJK = re.compile(r"[\u4e00-\u9fff]")
HEAD_LINES = 15  # a page's headline and byline stand within its first lines
_SHORTEST, _LONGEST = 6, 60  # Chinese characters in a headline
_FEWEST = 4  # Chinese characters in a line that is text, not furniture (全文, 其他)
_PARAGRAPH = 80  # Chinese characters in a line that is a paragraph of the text, no headline


@dataclass(frozen=True)
class Page:
    headline: int | None  # index of the headline line
    date: str | None  # ISO date of the byline
    body: int  # index of the first line of the article


def _is_byline(line: Line) -> bool:
    return bool(_BYLINE.search(line.text)) and len(_CJK.findall(line.text)) < 40


def is_headline(line: Line) -> bool:
    """A line that may be an article's headline: title-like, not the page's furniture."""
    count = len(_CJK.findall(line.text))
    return (_SHORTEST <= count <= _LONGEST and is_title_line(line.text)
            and not _FURNITURE.search(line.text) and not _is_byline(line))


def is_words(line: Line) -> bool:
    """A line of the text itself: a few Chinese words, no furniture, no byline."""
    return len(_CJK.findall(line.text)) >= _FEWEST and not _FURNITURE.search(line.text) and not _is_byline(line)


def _is_paragraph(line: Line) -> bool:
    """A line of the article's own text: more Chinese characters than any headline holds, and
    none of a page's furniture (a spam banner of links runs as long)."""
    return len(_CJK.findall(line.text)) > _PARAGRAPH and is_words(line)


def _headline_above(lines: list[Line], byline: int) -> int | None:
    return next((i for i in range(byline - 1, max(byline - 4, -1), -1) if is_headline(lines[i])), None)


def read_page(lines: list[Line]) -> Page | None:
    """The headline and byline of a web page's text, or None when it shows neither. A byline
    below a paragraph of the text is a teaser's (相关新闻 under the article), not the page's."""
    for byline, line in enumerate(lines[:HEAD_LINES]):
        if _is_paragraph(line):
            return None
        date = next(find_dates(line.text), None) if _is_byline(line) else None
        headline = _headline_above(lines, byline) if date else None
        if headline is not None:
            return Page(headline, date.iso, byline + 1)
    return None
