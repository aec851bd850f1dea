"""HTML → text: the page body without scripts, styles and site navigation, one block per line.

Whitespace follows what a browser shows: runs of spaces and source line breaks collapse to
one space, except that a source line break between two CJK characters disappears (CSS Text
segment-break rule), so `人民\n政府` reads `人民政府`. Table cells are separated by tabs, the
way the tables of a gazette reach the extractors from other formats.
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from govkg.errors import InputError
from loaders.read.encoding import (BOMS, PLAUSIBLE, bad_bytes_note, chinese_score, decode, lenient,
                                   superset)

DROPPED = ["script", "style", "nav", "header", "footer", "noscript", "template", "iframe",
           "object", "svg"]
BLOCKS = ("p, div, li, tr, table, ul, ol, dl, dt, dd, h1, h2, h3, h4, h5, h6, section, "
          "article, main, aside, blockquote, pre, address, figure, figcaption, caption, hr, "
          "center, form, fieldset, title")
BLOCK, CELL = "\x1e", "\x1f"  # control characters HTML text cannot contain, as markers
IN_CELL = "\x1d"  # a block or line break inside a cell of data: a space the CJK rule keeps
DATA_CELL_CHARS = 600  # a task table's longest cells run to a few hundred characters; an article more
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_BREAK = re.compile(rf"(?<=[{CJK}])[ \t\r]*\n[ \t\r\n]*(?=[{CJK}])")
COLLAPSE = re.compile(r"[ \t\r\n\f]+")
LINE_BREAK = re.compile(rf"[ {CELL}]*{BLOCK}[ {BLOCK}{CELL}]*")
CELLS = re.compile(rf" *{CELL} *")  # one tab a cell: an empty cell keeps the columns after it in place
MAX_DEPTH = 512  # element nesting; real pages stay under ~60, browsers stop at 512 (Blink)
TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(?P<self>/)?>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd"}  # void, or closed implicitly
# An error page says so in its title or first lines: an HTTP status with its words, or a
# portal's own phrasing. Short pages only: a document that mentions 404 is still a document.
ERROR_PAGE = re.compile(
    r"(?:\b(?:HTTP|Error|ERROR|错误)\s*[:：]?\s*[45]\d\d\b|^\s*[45]\d\d\s*(?:[-:：|]|$)|\b[45]\d\d\s+[A-Z][a-z]+"
    r"|Not Found|Forbidden|Internal Server Error|Bad Gateway|Service (?:Temporarily )?Unavailable"
    r"|页面不存在|页面未找到|网页不存在|找不到(?:该|此|您)?(?:页面|网页|文件|资源)|(?:页面|网页|文件|资源)(?:不存在|已删除|已被删除|已过期)"
    r"|访问(?:出错|被拒绝)|拒绝访问|无权访问|您访问的(?:页面|网页|内容))", re.I)
ERROR_PAGE_CHARS = 1500  # visible characters: an error page's message and the portal's links
ERROR_PAGE_LINES = 8


# Tags that set a page's text (not a mention of HTML in prose): a text file holding many of them is a
# page's markup copied into a text file (a crawler's database row, a saved source view).
TEXT_TAGS = re.compile(r"</?(?:p|span|br|div|td|tr|table|strong|b|font|li|h[1-6])(?:\s[^<>]{0,300})?/?>", re.I)
MARKUP_TAGS = 20  # fewer tags leave the text as it is: a stray <br> is the page's noise, kept as written
MARKUP_SHARE = 0.1  # of the text's characters inside tags
# A paragraph closed by its tag is set by markup whatever the share (a transcript's <p>…</p> under a
# Markdown heading, a page of long paragraphs): three of them are no stray tag.
CLOSED_PARAGRAPH = re.compile(r"</p\s*>", re.I)
MARKUP_PARAGRAPHS = 3


# A blank line between a text file's own lines (a crawler's title and byline above the page's
# markup) parts them as it does in the file; HTML would run them into one line.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def markup_of_text(text: str) -> str:
    """The markup a text file holds, its blank lines kept as line breaks."""
    return _BLANK_LINE.sub("<br>\n", text)


def carries_markup(text: str) -> bool:
    """Whether a text file is HTML markup in substance: many text tags, a tenth of its characters,
    or paragraphs closed by their tags."""
    tags = TEXT_TAGS.findall(text)
    return (len(tags) >= MARKUP_TAGS and sum(map(len, tags)) >= MARKUP_SHARE * len(text)
            or len(CLOSED_PARAGRAPH.findall(text)) >= MARKUP_PARAGRAPHS)


def html_text(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """The visible text of an HTML file, the codec it was decoded with, and notes."""
    markup, codec, notes = _decode(data, where)
    tree = _parse(markup, where)
    text = _visible(tree)
    error = error_page(tree, text)
    if error:
        raise InputError(f"an HTML error page ({error!r}), not a document", where=where,
                         hint="the download failed: fetch the document again")
    return text, codec, notes


def error_page(tree: LexborHTMLParser, text: str) -> str | None:
    """The line that shows a page to be a web server's or portal's error page (404, 页面不存在)
    rather than a document, if it is one: a short page whose title or first lines say so."""
    if len(text) > ERROR_PAGE_CHARS:
        return None
    title = tree.css_first("title")
    lines = ([title.text(strip=True)] if title else []) + text.split("\n")[:ERROR_PAGE_LINES]
    return next((line for line in lines if ERROR_PAGE.search(line)), None)


def _decode(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """A byte-order mark first, then the <meta> charset, then detection (as browsers do)."""
    declared = META_CHARSET.search(data[:4096])
    if declared is None or any(data.startswith(bom) for bom, _ in BOMS):
        text, codec, bad = decode(data, where)
        return text, codec, ([] if codec in ("utf-8", "utf-8-sig") else [f"decoded as {codec}"]) + bad
    label = declared.group(1).decode("ascii")
    codec = superset(label)
    try:
        decoded = lenient(data, codec)
    except LookupError:
        decoded = None
    if decoded is not None and chinese_score(decoded[0][:50_000]) >= PLAUSIBLE:
        text, count, first = decoded
        noted = [] if codec == "utf-8" else [f"decoded as {codec} (<meta> charset)"]
        return text, codec, noted + bad_bytes_note(count, first, codec)
    text, found, bad = decode(data, where)
    return text, found, [f"declared charset {label} does not fit the bytes; decoded as {found}"] + bad


def visible_text(markup: str) -> str:
    return _visible(_parse(markup, "<html>"))


def _parse(markup: str, where: str) -> LexborHTMLParser:
    """The parsed page, refused when its elements nest deeper than any real page does: a
    page of 200,000 nested <div>s took lexbor two minutes to parse."""
    depth = max_depth(markup)
    if depth > MAX_DEPTH:
        raise InputError(f"HTML elements nest {depth:,} deep, over the limit of {MAX_DEPTH}", where=where)
    return LexborHTMLParser(markup)


def max_depth(markup: str) -> int:
    """How deep the page's elements nest, from its tags alone, in one pass: void and
    implicitly closed elements do not nest, and a closing tag counts only when an element of
    its name is open (a stray `</p>` or `</span>` closes nothing in a browser either)."""
    open_by_name: Counter[str] = Counter()
    depth = deepest = 0
    for m in TAG.finditer(markup):
        name = m["name"].lower()
        if name in VOID:
            continue
        if m["close"]:
            if open_by_name[name]:
                open_by_name[name] -= 1
                depth -= 1
        elif not m["self"]:
            open_by_name[name] += 1
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _visible(tree: LexborHTMLParser) -> str:
    tree.strip_tags(DROPPED)
    body = tree.body
    if body is None:
        return ""
    data = _data_cells(body)
    for node in body.css(BLOCKS):
        mark = IN_CELL if _in_cell(node, data) else BLOCK  # a cell's paragraphs stay in its row
        node.insert_before(mark)
        node.insert_after(mark)
    for node in body.css("br"):  # in a table cell a line break goes on in the cell (two posts)
        node.insert_after(IN_CELL if _in_cell(node, data) else BLOCK)
    for node in body.css("td, th"):
        node.insert_after(CELL)
    text = COLLAPSE.sub(" ", CJK_BREAK.sub("", body.text()).replace(IN_CELL, " "))
    text = CELLS.sub("\t", LINE_BREAK.sub("\n", text))
    # an empty first cell stays: only the tabs after a row's last cell go
    return "\n".join(line.strip(" \xa0\u3000").rstrip("\t") for line in text.split("\n")).strip("\n")


def _data_cells(body) -> set[int]:
    """The cells that hold data, not a page's layout: old portals set a whole article in one
    cell, beside a menu or alone, and its paragraphs keep their lines. A cell holding a table of
    its own, or more text than a table's cell does, lays out a page."""
    return {cell.mem_id for cell in body.css("td, th")
            if cell.css_first("table") is None and len(cell.text(deep=True)) <= DATA_CELL_CHARS}


def _in_cell(node, data: set[int]) -> bool:
    """Whether a node stands in a cell of data."""
    parent = node.parent
    while parent is not None and parent.tag not in ("td", "th", "body"):
        parent = parent.parent
    return parent is not None and parent.mem_id in data
