"""One gazette issue (or one notice) → its documents.

A document runs from its header (see loaders.text.headers) to the next header, so its attachments
(附件) stay with it. Its metadata is read the way GB/T 9704 lays it out:
- title: the title lines with the spaces and line breaks of the layout removed; an order
  (…人民政府令 第N号) is titled by the text it publishes (《…办法》…现予公布);
- issuer: the title before 关于/印发/转发 (发文机关 in the title), else the 署名 line above the date;
- date: the first 成文日期 line after the header (`2020年3月4日`, `二〇二〇年三月四日`), else the
  题注 under the title of a decision or list (`（2022年5月20日…常务委员会第八次会议通过）`); a text
  without a header and no other date takes its news lead's day (`1月17日，…`) in the year of a
  full date written near it (loaders.text.dates.lead_date);
- jurisdiction: the place of the issuer (阳泉市人民政府办公室 → 阳泉市), which qualifies
  short agency names such as 市水利局.
A text with no header is one document titled by its first line.
"""

from __future__ import annotations

import re

from govkg.ids import content_hash, make_id
from loaders.lexicon import lexicon
from loaders.text.dates import MONTH_DAY, date_line, find_dates, lead_date
from loaders.text.headers import (DOCTYPE, ISSUER, TITLE_VERB, Header, Line, find_headers, is_addressee,
                             is_issuer, is_title_line, key, split_lines)
from loaders.text.marks import start_after_last
from loaders.text.normalize import normalize_key
from loaders.text.webpage import HEAD_LINES, Page, is_words, read_page
from loaders.records import Document, Text
from loaders.text.script import to_simplified

_LEX = lexicon()
_ORDER = _LEX["documents.order_type"]
_BARE_DOCTYPE = re.compile(f"{_LEX.alternation('documents.bare_types')}$")
# An order (…人民政府令 第12号) publishes a text, which is what it is about and so titles it:
# `《安顺市城市河道管理办法》已经…常务会议通过，现予公布，自…起施行。`
_PUBLISHES = re.compile(rf"《([^《》\n]{{4,60}})》{_LEX['documents.publishes_pattern']}")
_PUBLISHED_WITHIN = 3  # lines after the order's number where its 现予公布 sentence stands
# 题注: the date and meeting that adopted a text, in brackets under its title.
_CAPTION = re.compile(rf"^\(\s*(?P<date>[^()]{{6,20}}?日)[^()]{{0,60}}{_LEX.alternation('documents.caption_verbs')}\s*\)$")
_CAPTION_LINES = 3  # a 题注 stands within this many lines of the title
_SENTENCE_END = "。"
# …下发了《X的通知》, 《X.docx》由会员分享: a lead telling of the document it carries.
_QUOTED = re.compile(rf"{_LEX.alternation('documents.issuing_verbs')}[“\"]?《([^《》\n]{{4,80}})》"
                     rf"|^《([^《》\n]{{4,80}})》(?={_LEX.alternation('documents.shared_words')})")
_CELL_BARS = re.compile(r"\s[|｜]\s?|\t")  # the bars or tabs between a table row's cells
# Before a title: a label (标题：), or a forum's tag of its board in square brackets ([讨论],
# [中国新闻]); a tag in 【】 is a headline's own word as often as a site's (【河长制】…), and stays.
_TITLE_LABEL = re.compile(rf"^(?:{_LEX.alternation('documents.title_labels')}\s*[:：]|\[[^\]]{{1,8}}\])\s*")
# After a headline: a forum's button or a page's rule (…名单[复制链接], …全亮相******, …成员|).
_HEADLINE_TAIL = re.compile(rf"\s*(?:\[{_LEX.alternation('documents.headline_buttons')}\]|[*|]+)$")
_FILE_EXTENSION = re.compile(rf"\.{_LEX.alternation('documents.file_extensions')}$", re.I)
_SECTION = re.compile(r"^【[^】]{1,16}】$")  # gazette section headings between documents
# A portal's metadata label and its date: `成文日期: 2014年02月23日`, `【发布日期】2008-02-03`; with
# its colon, a label may follow the value before it with no space (OCR loses a metadata block's
# spaces: `发文机关:国务院办公厅成文日期:2014年02月23日`).
_LABELLED = {kind: re.compile(rf"(?:(?:^|(?<=[\s【|])){labels}\s*[】:：]?|{labels}\s*[:：])\s*")
             for kind in ("written", "published")
             for labels in [f"(?:{_LEX.alternation(f'documents.{kind}_date_labels')})"]}
_LABEL_TO_DATE = 2  # at most this many characters between a label and its date
_LABEL_TAILS = {word[-1] for kind in ("written", "published") for word in _LEX.words(f"documents.{kind}_date_labels")}
_PLACE_CHAR = rf"(?:(?![{_LEX['agencies.not_in_place_names']}])[\u4e00-\u9fff])"
_PLACE = re.compile(rf"^(?:{_LEX.alternation('agencies.party_prefixes')})?((?:{_PLACE_CHAR}{{1,7}}?"
                    rf"{_LEX.alternation('agencies.jurisdiction_suffixes')})+)")


def segment(text: Text) -> list[Document]:
    """The documents of a normalised text, in order."""
    lines = split_lines(text.text)
    if not lines:
        return []
    headers = find_headers(lines)
    if not headers:
        return [_plain(text, lines)]
    stops = [h.first for h in headers[1:]] + [len(lines)]
    begins = [0] + stops[:-1]  # a document's metadata may stand above its header, after the one before
    return [_document(text, lines, h, begin, stop) for h, begin, stop in zip(headers, begins, stops)]


def jurisdiction(name: str | None) -> str | None:
    """The place a body belongs to: 阳泉市人民政府办公室 → 阳泉市, 山西省阳泉市平定县… → 山西省阳泉市平定县."""
    if not name:
        return None
    written = key(name)
    m = _PLACE.match(to_simplified(written))
    return written[m.start(1):m.end(1)] if m else None


def _document(text: Text, lines: list[Line], header: Header, begin: int, stop: int) -> Document:
    body = header.last + 1
    if body < stop and is_addressee(lines[body].text):
        body += 1
    last = stop - 1
    while last > body and _SECTION.match(lines[last].text):
        last -= 1
    dated = _date_line(lines, header.last + 1, stop)
    if dated is None:  # dated between the 文号 and the title under it (`…办公室 2019年6月14日`)
        dated = next((i for i in range(header.first, header.last + 1)
                      if i not in header.title and _line_date(lines[i].text)), None)
    title = _title(text, lines, header)
    issuer = _title_issuer(title) or _signature(text, lines, dated, header.last)
    if key(title).endswith(_ORDER):
        title = _published(text, lines, header.last + 1, stop) or title
    date = (_labelled_date(lines, begin, stop, "written") or _line_date(lines[dated].text) if dated is not None
            else _caption_date(lines, header.last + 1, stop) or _labelled_date(lines, begin, stop))
    start, end = lines[header.first].start, lines[last].end
    doc_id = make_id("doc", header.number) if header.number else _content_id(text, start, end, title, date)
    return Document(
        id=doc_id, text=text, start=start, end=end, title=title,
        number=header.number, issuer=issuer, date=date, jurisdiction=jurisdiction(issuer or title),
        body_start=lines[body].start if body < stop else lines[header.last].end)


def _plain(text: Text, lines: list[Line]) -> Document:
    """A text without a document header: one document, a web page's article titled by its
    headline and dated by its byline, else titled by its first line."""
    page = read_page(lines)
    if page is not None:
        return _article(text, lines, page)
    first = _first_words(lines)  # the title, after any furniture; the body starts as before
    named = _headline(text, lines[first])
    title = named if _reads_as_title(lines[first].text) else _quoted_title(text, lines[first])
    headed = len(lines) > 1 and _reads_as_title(lines[0].text) and len(lines[0].text) <= 60
    dated = _date_line(lines, 0, len(lines))
    date = (_labelled_date(lines, 0, len(lines), "written") or _line_date(lines[dated].text) if dated is not None
            else _caption_date(lines, 1, len(lines)) or _labelled_date(lines, 0, len(lines))
            or lead_date(text.text[lines[first].start:lines[-1].end]))
    return Document(
        id=_content_id(text, lines[0].start, lines[-1].end, title, date), text=text, start=lines[0].start,
        end=lines[-1].end, title=title, date=date, jurisdiction=jurisdiction(named),
        body_start=lines[1].start if headed else lines[0].start)


def _quoted_title(text: Text, line: Line) -> str:
    """The document a lead sentence is about, in its quotes (…下发了《关于成立…领导小组的通知》,
    《XX县河长制湖长制工作要点.docx》由会员分享), without a file's extension; none where the lead
    quotes no document."""
    for m in _QUOTED.finditer(line.text):
        group = 1 if m.group(1) else 2
        name = _FILE_EXTENSION.sub("", m.group(group))
        if DOCTYPE.search(key(name)):
            start = line.start + m.start(group)
            return text.written(start, start + len(name))
    return ""


def _reads_as_title(text: str) -> bool:
    """A first line that titles its text: a title's line holding no sentence (记者昨天获悉…。),
    opening with no day (7月8日，王玉德副县长主持召开…) and cut into no cells (a table's header
    where a copy lost what stood above it: `工作任务 | 具体要求 | 责任部门 |`)."""
    return (is_title_line(text) and _SENTENCE_END not in text and not MONTH_DAY.match(text.lstrip())
            and len(_CELL_BARS.findall(text)) < 2)


def _first_words(lines: list[Line]) -> int:
    """The line a text without a header is titled by: its first line near the top that is no
    page furniture (`|`, `全文`, `您的位置:首页>新闻>`), else its first."""
    return next((i for i, line in enumerate(lines[:HEAD_LINES]) if is_words(line)), 0)


def _content_id(text: Text, start: int, end: int, title: str, date: str | None) -> str:
    """The id of a document without a 文号: its title and date, and a hash of its text, so
    that two notices sharing a title and a date stay two documents."""
    return make_id("doc", key(title), date or "", content_hash(text.text[start:end]))


def _article(text: Text, lines: list[Line], page: Page) -> Document:
    headline = lines[page.headline]
    title = _headline(text, headline)
    body = lines[page.body].start if page.body < len(lines) else headline.end
    date = _labelled_date(lines, 0, len(lines), "written") or page.date  # the text's day, not the post's
    return Document(id=_content_id(text, lines[0].start, lines[-1].end, title, date), text=text,
                    start=lines[0].start, end=lines[-1].end, title=title, date=date,
                    jurisdiction=jurisdiction(title), body_start=body)


def _published(text: Text, lines: list[Line], start: int, stop: int) -> str | None:
    """The name of the text an order publishes, as written, from the lines after its number."""
    for line in lines[start:min(stop, start + _PUBLISHED_WITHIN)]:
        m = _PUBLISHES.search(line.text)
        if m:
            return text.written(line.start + m.start(1), line.start + m.end(1))
    return None


def _title(text: Text, lines: list[Line], header: Header) -> str:
    if not header.title:
        return header.number or ""
    first = lines[header.title[0]]
    return text.written(first.start + _label_length(first), lines[header.title[-1]].end)


def _headline(text: Text, line: Line) -> str:
    """A headline's line as written, without a label or a forum's tag before it and a page's
    button or rule after it."""
    tail = _HEADLINE_TAIL.search(line.text)
    return text.written(line.start + _label_length(line), line.start + tail.start() if tail else line.end)


def _label_length(line: Line) -> int:
    """The length of a title label or a forum's tag opening the line (标题：, [讨论]), else 0."""
    m = _TITLE_LABEL.match(line.text)
    return m.end() if m else 0


def _title_issuer(title: str) -> str | None:
    """发文机关 written in the title: the text before 关于 / 印发 / 转发 …"""
    folded = to_simplified(title)
    m = TITLE_VERB.search(folded)
    bare = _BARE_DOCTYPE.search(folded)  # 某某人民政府令 / 某某人民政府通告
    cut = m.start() if m else (bare.start() if bare else 0)
    return title[:cut] if cut and ISSUER.match(normalize_key(folded[:cut])) else None


def _line_date(text: str) -> str | None:
    """成文日期 of a line: a date alone, or a date after the 署名 on the same line."""
    iso = date_line(text)
    if iso:
        return iso
    found = list(find_dates(text))
    if found and found[-1].end == len(text.rstrip()) and is_issuer(text[:found[-1].start].strip()):
        return found[-1].iso
    return None


def _labelled_date(lines: list[Line], begin: int, stop: int, kind: str = "published") -> str | None:
    """The date a portal's metadata gives under one of `kind`'s labels; with "published", the
    document's own date (成文日期) first, then the day it was published."""
    kinds = ("written", "published") if kind == "published" else (kind,)
    for each in kinds:
        for line in lines[begin:stop]:
            if not any(tail in line.text for tail in _LABEL_TAILS):
                continue  # most lines hold no label: skip the pattern
            for m in _LABELLED[each].finditer(line.text):
                found = next(find_dates(line.text[m.end():m.end() + 24]), None)
                if found and found.start <= _LABEL_TO_DATE:
                    return found.iso
    return None


def _caption_date(lines: list[Line], begin: int, stop: int) -> str | None:
    """The date of a 题注 line just under the title, for texts that carry no 成文日期."""
    for line in lines[begin:min(begin + _CAPTION_LINES, stop)]:
        m = _CAPTION.match(line.text)
        if m:
            return next((d.iso for d in find_dates(m["date"])), None)
    return None


def _date_line(lines: list[Line], begin: int, stop: int) -> int | None:
    return next((i for i in range(begin, stop) if _line_date(lines[i].text)), None)


def _signature(text: Text, lines: list[Line], dated: int | None, floor: int) -> str | None:
    """发文机关署名: the date line's own head, or the line above the 成文日期, or the tail of the
    last body line when the layout ran them together (`…请遵照执行。阳泉市人民政府办公室`)."""
    if dated is None:
        return None
    line = lines[dated]
    head = line.text[:next(find_dates(line.text)).start].strip()
    if head and is_issuer(head):
        return text.written(line.start, line.start + len(head))
    if dated - 1 <= floor:
        return None
    above = lines[dated - 1]
    cut = start_after_last(above.text, len(above.text), "。;；")
    tail = above.text[cut:].strip()
    return text.written(above.end - len(tail), above.end) if tail and is_issuer(tail) else None
