"""HTML → text: the page body without scripts, styles and site navigation, one block per line.

Whitespace follows what a browser shows: runs of spaces and source line breaks collapse to
one space, except that a source line break between two CJK characters disappears (CSS Text
segment-break rule), so `人民\n政府` reads `人民政府`. Table cells are separated by tabs, the
way the tables of a gazette reach the extractors from other formats.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from loaders.read.encoding import BOMS, PLAUSIBLE, chinese_score, decode, superset

DROPPED = ["script", "style", "nav", "header", "footer", "noscript", "template", "iframe",
           "object", "svg"]
BLOCKS = ("p, div, li, tr, table, ul, ol, dl, dt, dd, h1, h2, h3, h4, h5, h6, section, "
          "article, main, aside, blockquote, pre, address, figure, figcaption, caption, hr, "
          "center, form, fieldset, title")
BLOCK, CELL = "\x1e", "\x1f"  # control characters HTML text cannot contain, as markers
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_BREAK = re.compile(rf"(?<=[{CJK}])[ \t\r]*\n[ \t\r\n]*(?=[{CJK}])")
COLLAPSE = re.compile(r"[ \t\r\n\f]+")
LINE_BREAK = re.compile(rf"[ {CELL}]*{BLOCK}[ {BLOCK}{CELL}]*")
CELLS = re.compile(rf" *{CELL} *")  # one tab a cell: an empty cell keeps the columns after it in place


def html_text(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """The visible text of an HTML file, the codec it was decoded with, and notes."""
    markup, codec, notes = _decode(data, where)
    return visible_text(markup), codec, notes


def _decode(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """A byte-order mark first, then the <meta> charset, then detection (as browsers do)."""
    declared = META_CHARSET.search(data[:4096])
    if declared is None or any(data.startswith(bom) for bom, _ in BOMS):
        text, codec = decode(data, where)
        return text, codec, [] if codec in ("utf-8", "utf-8-sig") else [f"decoded as {codec}"]
    label = declared.group(1).decode("ascii")
    codec = superset(label)
    try:
        text = data.decode(codec)
        if chinese_score(text[:50_000]) >= PLAUSIBLE:
            return text, codec, [] if codec == "utf-8" else [f"decoded as {codec} (<meta> charset)"]
    except (UnicodeDecodeError, LookupError):
        pass
    text, found = decode(data, where)
    return text, found, [f"declared charset {label} does not fit the bytes; decoded as {found}"]


def visible_text(markup: str) -> str:
    tree = LexborHTMLParser(markup)
    tree.strip_tags(DROPPED)
    body = tree.body
    if body is None:
        return ""
    for node in body.css(BLOCKS):
        node.insert_before(BLOCK)
        node.insert_after(BLOCK)
    for node in body.css("br"):  # in a table cell a line break goes on in the cell (two posts)
        node.insert_after(" " if _in_cell(node) else BLOCK)
    for node in body.css("td, th"):
        node.insert_after(CELL)
    text = COLLAPSE.sub(" ", CJK_BREAK.sub("", body.text()))
    text = CELLS.sub("\t", LINE_BREAK.sub("\n", text))
    # an empty first cell stays: only the tabs after a row's last cell go
    return "\n".join(line.strip(" \xa0\u3000").rstrip("\t") for line in text.split("\n")).strip("\n")


def _in_cell(node) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("td", "th", "body"):
        parent = parent.parent
    return parent is not None and parent.tag in ("td", "th")
