"""The line grammar of official documents: where a document's header (title + 文号) stands.

GB/T 9704 lays a document out as 发文机关标志, 发文字号, 标题, 主送机关, 正文, 附件说明,
发文机关署名, 成文日期 and (此件公开发布). Gazettes reprint it as title (issuer line + 关于…的通知
lines, often broken by spaces) then the 文号 line, or 文号 first under a `…文件` line. A header is
a line that is only a 文号 (or 第N号 under a `…令` line) with its title above or below it, or,
without 文号, a `…关于…的通知` title followed by 主送机关. The table of contents (lines ending in
page numbers) holds no header.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from loaders.text.dates import date_line
from loaders.text.docnumber import number_line, order_line
from loaders.lexicon import lexicon
from loaders.text.script import to_simplified

_LEX = lexicon()
_CN = _LEX["numbering.cn_digits"]
TITLE_VERB = re.compile(_LEX.alternation("documents.title_verbs"))
_TYPE_WORD = re.compile(_LEX.alternation("documents.doc_types"))
# A document's kind closing its title (…的通知, …意见(试行)).
DOCTYPE = re.compile(rf"({_LEX.alternation('documents.doc_types')})(\([^()]{{1,8}}\))*$")
_AGENCY_END = f"({_LEX.alternation('documents.issuer_ends')})"
_PARTY = _LEX["documents.party_prefix"]
_ISSUER_HEAD = re.compile(rf"^({_PARTY})?[\u4e00-\u9fff()]{{1,30}}?{_AGENCY_END}")
_ORDER_TITLE = re.compile(f"{_LEX.alternation('documents.numbered_types')}$")  # 第N号 on the next line
_TOC_HEADING = re.compile(_LEX.alternation("documents.contents_words"))
MASTHEAD, ABOUT, APPENDIX = (_LEX[f"documents.{w}"] for w in ("masthead_word", "about_word", "appendix_word"))
ISSUER = re.compile(rf"^({_PARTY})?[\u4e00-\u9fff()]{{1,30}}?{_AGENCY_END}({MASTHEAD})?$")
_ENUM = re.compile(rf"^(?:[{_CN}]+、|\d+[.、]|\(\s*[{_CN}\d]+\s*\)|"
                   rf"第[{_CN}\d]+[{_LEX['documents.article_units']}]|[-•·])")
_END_PUNCT = tuple("。;；:：,，!！?？、")
_BRACKETED = re.compile(r"^\(.*\)$|^【.*】$")
_ADDRESSEE = re.compile(r"^[^。;；]{2,120}[:：]$")
_NOT_ADDRESSEE = re.compile(_LEX["documents.not_addressee_pattern"])
_LINE = re.compile(r"[^\n\f]+")
_ENDS_WITH_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")
# A web page's line between a notice's title and its 文号: 发布时间, 来源, 【字体：大 中 小】, 浏览次数;
# or a line of a portal's metadata block above the title (索引号, 成文日期, 名称, 主题词); or the
# 签发人 a 红头 document prints beside or under its 文号.
_PAGE_META = re.compile(_LEX["documents.page_meta_pattern"])
_TOC_ENTRY = re.compile(r"(?:\.{2,}|…+|·{3,}|\s)\s*\(?\s*\d{1,4}\s*\)?$")


@dataclass(frozen=True)
class Line:
    start: int  # span of the stripped line in the normalised text
    end: int
    text: str  # the line folded to simplified characters, for matching (same length as raw)
    raw: str  # the line as normalised


@dataclass(frozen=True)
class Header:
    first: int  # index of the header's first line (title or 文号)
    last: int  # index of its last line
    title: tuple[int, ...]  # indices of the title lines
    number: str | None


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` (split at line and page breaks), stripped, with their spans;
    a title and its 文号 joined on one line are two lines."""
    lines = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + len(raw) - len(raw.lstrip())
            folded = to_simplified(stripped)
            cut = _number_after_title(folded) if stripped[-1] in "号號" else None
            if cut:
                lines.append(Line(start, start + cut, folded[:cut], stripped[:cut]))
                start, folded, stripped = start + cut, folded[cut:], stripped[cut:]
            lines.append(Line(start, start + len(stripped), folded, stripped))
    return lines


def _number_after_title(line: str) -> int | None:
    """Where the 文号 begins on a line that is a title and then its number, joined by a crawl
    (`国务院办公厅关于…的实施意见国办发〔2020〕24号`): after a document type ending a 关于…的 title."""
    if TITLE_VERB.search(line) is None:
        return None
    for m in _TYPE_WORD.finditer(line):
        if m.end() < len(line) and number_line(line[m.end():]) and is_title_line(line[:m.end()]):
            return m.end()
    return None


def key(text: str) -> str:
    return "".join(text.split())


def is_issuer(text: str) -> bool:
    return all(ISSUER.match(part) for part in text.split())


def is_title_line(text: str) -> bool:
    return (len(text) <= 100 and not text.endswith(_END_PUNCT) and not _ENUM.match(text)
            and not _BRACKETED.match(text) and not text.startswith(APPENDIX)
            and date_line(text) is None and number_line(text) is None)


def _toc_span(lines: list[Line]) -> tuple[int, int]:
    """[first, last] line indices of the table of contents, or (-1, -1)."""
    starts = [i for i, ln in enumerate(lines[:400])
              if _TOC_HEADING.search(key(ln.text)) and len(key(ln.text)) <= 6]
    if not starts:
        return -1, -1
    last = starts[0]
    for i in range(starts[0] + 1, len(lines)):
        if i - last > 4:
            break
        if _TOC_ENTRY.search(lines[i].text):
            last = i
    return starts[0], last


def _is_title(lines: list[Line], picked: list[int]) -> bool:
    return bool(picked) and bool(DOCTYPE.search(key("".join(lines[i].text for i in picked))))


def _title_above(lines: list[Line], i: int, floor: int) -> list[int]:
    """Title lines just above line i: back to the line holding 关于/印发…, plus the issuer line.
    A web page's publishing line (发布时间：… 【字体：大 中 小】) may stand between them."""
    picked: list[int] = []
    j = i - 1
    while j > floor and _PAGE_META.search(lines[j].text):
        j -= 1
    while j > floor and len(picked) < 4 and is_title_line(lines[j].text):
        picked.append(j)
        text = lines[j].text
        if TITLE_VERB.search(text):
            if TITLE_VERB.match(text):  # the issuers above 关于…, one a line when several issue it
                picked += _issuers_above(lines, j, floor)
            break
        if is_issuer(text) and len(picked) > 1:
            break
        j -= 1
    picked.reverse()
    if picked and not TITLE_VERB.search(key("".join(lines[k].text for k in picked))):
        # No 关于: the title starts at the nearest line that starts with an issuer (…人民政府通告).
        top = next((n for n in range(len(picked) - 1, -1, -1) if _ISSUER_HEAD.match(lines[picked[n]].text)),
                   len(picked) - 1)
        picked = picked[top:]
    return picked if _is_title(lines, picked) else []


def _issuers_above(lines: list[Line], i: int, floor: int) -> list[int]:
    """The issuer lines right above line i, nearest first: one, or a joint document's few
    (中共XX县委办公室 / XX县人民政府办公室 / 关于…); never a `…文件` masthead."""
    found: list[int] = []
    j = i - 1
    while j > floor and len(found) < 4 and is_issuer(lines[j].text) and not key(lines[j].text).endswith(MASTHEAD):
        found.append(j)
        j -= 1
    return found


def _title_below(lines: list[Line], i: int, stop: int) -> list[int]:
    """Title lines under a 文号 (红头 layout: 发文机关标志, 文号, then the title; a portal's
    metadata block may go on between them)."""
    picked: list[int] = []
    while i + 1 < stop and _PAGE_META.search(lines[i + 1].text):
        i += 1
    for j in range(i + 1, min(i + 4, stop)):
        if not is_title_line(lines[j].text):
            break
        picked.append(j)
        if _is_title(lines, picked):
            return picked
    return []


def _own_title_below(lines: list[Line], i: int, above: list[int]) -> list[int]:
    """Under a series' masthead (`邢台市人民政府常务会议纪要`, the 文号, `邢台市人民政府办公室
    2019年6月14日`), the document's own title of the same kind (`市政府第二十三次常务会议纪要`)."""
    masthead = key("".join(lines[k].text for k in above))
    kind = DOCTYPE.search(masthead)
    if kind is None or TITLE_VERB.search(masthead):
        return []
    j = i + 1
    if j < len(lines) and _ENDS_WITH_DATE.search(lines[j].text):  # the issuing office and date between
        j += 1
    if j < len(lines) and is_title_line(lines[j].text) and key(lines[j].text) != masthead:
        own = DOCTYPE.search(key(lines[j].text))
        if own and own.group(1) == kind.group(1):
            return [j]
    return []


def _says_about(lines: list[Line], picked: list[int]) -> bool:
    return bool(picked) and TITLE_VERB.search(key("".join(lines[k].text for k in picked))) is not None


def _numbered_headers(lines: list[Line], skip: tuple[int, int]) -> list[Header]:
    headers: list[Header] = []
    for i, line in enumerate(lines):
        if skip[0] <= i <= skip[1]:
            continue
        number = number_line(line.raw) or number_line(line.text)
        if number is None and (order := order_line(line.text)) and i and _ORDER_TITLE.search(lines[i - 1].text):
            number = key(lines[i - 1].raw) + order
        if number is None:
            continue
        floor = max(headers[-1].last if headers else -1, skip[1])
        title = _title_above(lines, i, floor)
        below = _title_below(lines, i, len(lines))
        if not title or (_says_about(lines, below) and not _says_about(lines, title)):
            title = below  # a reprint's plan heading above, the notice issuing it under the 文号
        else:
            title = _own_title_below(lines, i, title) or title
        first = min(title + [i])
        if first - 1 > floor and lines[first - 1].text.endswith(MASTHEAD) and is_issuer(lines[first - 1].text):
            first -= 1  # the 发文机关标志 of a 红头 document
        headers.append(Header(first, max(title + [i]), tuple(title), number))
    return headers


def _unnumbered_headers(lines: list[Line], skip: tuple[int, int], numbered: list[Header]) -> list[Header]:
    """`…关于…的通知` titles followed by 主送机关, after the previous document has been dated."""
    taken = {i for h in numbered for i in range(h.first, h.last + 1)}
    dated = [i for i, ln in enumerate(lines) if date_line(ln.text)]
    starts = sorted([h.first for h in numbered])
    found: list[Header] = []
    for j, line in enumerate(lines[:-1]):
        if j in taken or skip[0] <= j <= skip[1] or ABOUT not in line.text or not is_title_line(line.text):
            continue
        title = [j] if _is_title(lines, [j]) else ([j, j + 1] if _is_title(lines, [j, j + 1]) else [])
        if not title or title[-1] + 1 >= len(lines) or not is_addressee(lines[title[-1] + 1].text):
            continue
        if line.text.startswith(ABOUT) and j and is_issuer(lines[j - 1].text):
            title.insert(0, j - 1)
        before = [s for s in starts + [h.first for h in found] if s < title[0]]
        previous = max(before, default=-1)
        if previous >= 0 and not (bisect_left(dated, title[0]) - bisect_left(dated, previous)):
            continue  # the document above has no 成文日期 yet: this title is inside it
        if any(lines[k].text.startswith(APPENDIX) for k in range(max(title[0] - 3, 0), title[0])):
            continue
        found.append(Header(title[0], title[-1], tuple(title), None))
    return found


# A notice to the public that has neither 文号 nor 主送机关 (干部任前公示, 宣城市人民政府关于…
# 禁止采砂的通告): its title alone on a line, then the body's opening words.
_NOTICE_KINDS = _LEX.words("documents.public_notice_types")
_NOTICE_TITLE = re.compile(rf"[\u4e00-\u9fff\d()]{{0,50}}{_LEX.alternation('documents.public_notice_types')}")
_OPENING = re.compile(_LEX["documents.notice_opening_pattern"])


def _notice_headers(lines: list[Line], skip: tuple[int, int], others: list[Header]) -> list[Header]:
    """Titles of public notices outside any other document: before every other header, or
    after the previous document has been dated."""
    candidates = [j for j, line in enumerate(lines[:-1]) if line.text.endswith(_NOTICE_KINDS)
                  and _NOTICE_TITLE.fullmatch(key(line.text)) and _OPENING.match(lines[j + 1].text)]
    if not candidates:
        return []
    dated = [i for i, ln in enumerate(lines) if date_line(ln.text)]
    starts = sorted(h.first for h in others)
    taken = {i for h in others for i in range(h.first, h.last + 1)}
    found = []
    for j in candidates:
        if j in taken or skip[0] <= j <= skip[1]:
            continue
        previous = max((s for s in starts if s < j), default=-1)
        following = min((s for s in starts if s > j), default=len(lines))
        dated_above = previous < 0 or bisect_left(dated, j) > bisect_left(dated, previous)
        if dated_above and bisect_left(dated, following) > bisect_left(dated, j):  # and dated itself
            found.append(Header(j, j, (j,), None))
    return found


def is_addressee(text: str) -> bool:
    """主送机关: `各县（区）人民政府，市直各单位：` — a list of bodies closed by a colon."""
    return bool(_ADDRESSEE.match(text)) and not _NOT_ADDRESSEE.search(text)


def find_headers(lines: list[Line]) -> list[Header]:
    """Every document header of a text, in order; the table of contents is skipped."""
    skip = _toc_span(lines)
    numbered = _numbered_headers(lines, skip)
    headers = numbered + _unnumbered_headers(lines, skip, numbered)
    return sorted(headers + _notice_headers(lines, skip, headers), key=lambda h: h.first)
