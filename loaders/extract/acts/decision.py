"""The decision behind a document's personnel acts: which body decided, at which meeting, when.

Appointment notices and 人大常委会 reports state it in a few shapes:
- `经阳泉市人民政府2020年3月24日常务会议决定` (body, date, meeting kind);
- `已经2020年2月27日阳泉市第十五届人民代表大会常务委员会第二十九次会议审议通过`;
- `经市政府第12次常务会议研究决定`, `县人民政府2021年第5次常务会议`, `省政府常务会议`;
- a report: `株洲市第十六届人民代表大会常务委员会第二十次会议…闭幕。…会议决定任命…`;
- no meeting: `经省人民政府同意`, `经国务院批准`, `经县委、县政府研究，决定`.
The meeting is reported as written (spaces removed); the body is the standing organ without
the term (届), which belongs to the meeting: 阳泉市第十五届人大常委会 → 阳泉市人大常委会. A meeting
named without its body (`经2020年3月24日常务会议决定`) is the issuer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text.dates import find_dates
from loaders.records import Document
from loaders.text.script import to_simplified

_NUM = r"[一二三四五六七八九十百零〇\d]+"
_DATE = r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*)?[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
_TERM = rf"第{_NUM}届"
_ORGAN = (r"人民代表大会常务委员会|人大常委会|人民政府|政府|国务院|常务委员会|常委会|党组|党委|"
          r"市委|县委|区委|省委|委员会|管委会")
# A place: a run of characters that are not function words, ending in a jurisdiction suffix.
_PLACE = r"(?:(?![经在由已的了并同意据根按照于])[\u4e00-\u9fff]){0,10}?(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区)"
_BODY = rf"(?P<body>(?:{_PLACE})?(?P<term>{_TERM})?(?:{_ORGAN}))"
_KIND = r"常务|全体|主任|党组|办公|市长办公|县长办公|区长办公|常委会|执行|专题"
MEETING = re.compile(
    rf"(?:(?P<date1>{_DATE})[,，]?)?\s*{_BODY}?\s*(?P<date2>{_DATE})?\s*"
    rf"(?P<nth>(?:\d{{4}}年)?第{_NUM}次)?\s*(?P<kind>{_KIND})?\s*会议")
_NOT_A_MEETING = ("中心", "室", "厅", "纪要")  # 会议中心, 会议室: places and papers
_REACH = 80  # a meeting's name starts at most this far before its 会议
# What a meeting did: decided, passed, approved; or, in a report, met.
STATED = re.compile(rf"(?m)^[ \t\u3000]*{_BODY}(?:研究)?决定[:：]")
_DECIDED = re.compile(r"[^。;；\n]{0,40}?(决定|审议通过|讨论通过|研究|通过|批准|同意|闭幕|举行|召开)")
_APPROVAL = re.compile(
    rf"经(?:过)?(?P<bodies>{_BODY}(?:、(?:{_PLACE})?(?:{_ORGAN}))*)(?:研究)?[,，]?(?:决定|同意|批准|审定)")


@dataclass(frozen=True)
class Decision:
    body: str | None  # 阳泉市人民政府
    meeting: str | None  # 2020年3月24日常务会议
    date: str | None  # ISO date of the meeting when written with its year
    start: int  # span of the statement in the document's normalised text
    end: int

    def context(self) -> tuple[str | None, str | None, str | None]:
        return self.body, self.meeting, self.date


def decision_context(document: Document) -> tuple[str | None, str | None, str | None]:
    """(body, meeting, date) of the decision the document reports; Nones when it states none."""
    found = find_decision(document)
    return found.context() if found else (None, None, None)


def find_decision(document: Document) -> Decision | None:
    """The first meeting stated as deciding, else the first `经X同意/批准`; the title last."""
    base, view = document.body_offset, document.simplified_body
    return (_meeting(document, view, base) or _approval(document, view, base)
            or _stated(document, view, base) or _meeting(document, to_simplified(document.title), None))


def _meeting(document: Document, view: str, base: int | None) -> Decision | None:
    first = None
    for m in _meetings(view):
        if not (m["body"] or m["nth"] or m["date1"] or m["date2"]):
            continue  # 会议, 全体会议: no meeting in particular
        if _DECIDED.match(view, m.end()):
            return _decision(document, view, base, m)
        first = first or (m if m["body"] else None)
    return _decision(document, view, base, first) if first else None


def _meetings(view: str):
    """The meeting names ending at each 会议 of the view (a regex run near each, not everywhere)."""
    pos = view.find("会议")
    while pos >= 0:
        end = pos + 2
        if not view.startswith(_NOT_A_MEETING, end):
            found = next((m for m in MEETING.finditer(view, max(0, pos - _REACH), end) if m.end() == end), None)
            if found:
                yield found
        pos = view.find("会议", end)


def _approval(document: Document, view: str, base: int) -> Decision | None:
    m = _APPROVAL.search(view)
    if not m:
        return None
    a, b = m.span("bodies")
    body = _organ(document, view, base, m) if b == m.end("body") else _written(document, view, base, a, b)
    return Decision(body, None, None, base + m.start(), base + m.end())


def _stated(document: Document, view: str, base: int) -> Decision | None:
    """A paragraph opening `市政府决定：` / `自治区人民政府决定：`: the body decided, no meeting named."""
    m = STATED.search(view)
    return Decision(_organ(document, view, base, m), None, None, base + m.start(), base + m.end()) if m else None


def _decision(document: Document, view: str, base: int | None, m: re.Match) -> Decision:
    # A 人大常委会 meeting is named by its organ and term; a government's by what follows it.
    start = m.start("body") if m["term"] else m.end("body") if m["body"] else m.start()
    meeting = _written(document, view, base, start, m.end())
    body = _organ(document, view, base, m) if m["body"] else document.issuer
    date = next((d.iso for d in find_dates(m.group()) if d.iso), None)
    span = (base + m.start(), base + m.end()) if base is not None else (document.start, document.start)
    return Decision(body, meeting, date, *span)


def _organ(document: Document, view: str, base: int | None, m: re.Match) -> str:
    """The body as written, without its term (第十五届)."""
    a, b = m.span("body")
    if m["term"]:
        t0, t1 = m.span("term")
        return _written(document, view, base, a, t0) + _written(document, view, base, t1, b)
    return _written(document, view, base, a, b)


def _written(document: Document, view: str, base: int | None, a: int, b: int) -> str:
    """The text as the file writes it; a span of the title is taken from the title itself."""
    if base is None:
        return "".join(document.title[a:b].split())
    return document.text.written(base + a, base + b)
