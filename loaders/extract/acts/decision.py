"""The decision behind a document's personnel acts: which body decided, at which meeting, when.

Appointment notices and 人大常委会 reports state it in a few shapes:
- `经阳泉市人民政府2020年3月24日常务会议决定` (body, date, meeting kind);
- `已经2020年2月27日阳泉市第十五届人民代表大会常务委员会第二十九次会议审议通过`;
- `经市政府第12次常务会议研究决定`, `县人民政府2021年第5次常务会议`, `省政府常务会议`;
- a report: `株洲市第十六届人民代表大会常务委员会第二十次会议…闭幕。…会议决定任命…`;
- no meeting: `经省人民政府同意`, `经国务院批准`, `经县委、县政府研究，决定`.
The meeting is reported as written (spaces removed); the body is the standing organ without
the term (届), which belongs to the meeting: 阳泉市第十五届人大常委会 → 阳泉市人大常委会. A meeting
named without its body (`经2020年3月24日常务会议决定`) is the issuer's. The words (organs,
kinds of meeting, what a meeting did) are in ontology/lexicon/acts.yaml; the meetings are
found where spaCy marked 会议.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.text.dates import find_dates
from loaders.text.script import to_simplified
from loaders.view import DocumentView

_LEX = lexicon()
_ALT = _LEX.alternation
_W = {name: _LEX[f"acts.{name}"] for name in ("ordinal", "term_word", "times_word", "meeting_word", "studied",
                                               "decided", "date_units")}
_YEAR, _MONTH, _DAY = _W["date_units"]
_NUM = rf"[{_LEX['numbering.cn_digits']}{_LEX['acts.count_zeros']}\d]+"
_SMALL = rf"[\d{_LEX['acts.day_numerals']}]{{1,3}}"
_DATE = (rf"(?:(?:\d{{4}}|[{_LEX['acts.year_numerals']}]{{4}})\s*{_YEAR}\s*)?{_SMALL}\s*{_MONTH}\s*{_SMALL}\s*{_DAY}")
_TERM = rf"{_W['ordinal']}{_NUM}{_W['term_word']}"
_ORGAN = _ALT("acts.deciding_organs")
# A place: a run of characters that are not function words, ending in a jurisdiction suffix.
_PLACE = rf"(?:(?![{_LEX['acts.place_stop_chars']}])[\u4e00-\u9fff]){{0,10}}?{_ALT('acts.place_suffixes')}"
_BODY = rf"(?P<body>(?:{_PLACE})?(?P<term>{_TERM})?{_ORGAN})"
MEETING = re.compile(
    rf"(?:(?P<date1>{_DATE})[,，]?)?\s*{_BODY}?\s*(?P<date2>{_DATE})?\s*"
    rf"(?P<nth>(?:\d{{4}}{_YEAR})?{_W['ordinal']}{_NUM}{_W['times_word']})?\s*"
    rf"(?P<kind>{_ALT('acts.meeting_kinds')})?\s*{_W['meeting_word']}")
_NOT_A_MEETING = _LEX.words("acts.not_meeting_after")  # 会议中心, 会议室: places and papers
_REACH = 80  # a meeting's name starts at most this far before its 会议
# What a meeting did: decided, passed, approved; or, in a report, met.
STATED = re.compile(rf"(?m)^[ \t\u3000]*{_BODY}(?:{_W['studied']})?{_W['decided']}[:：]")
_DECIDED = re.compile(rf"[^。;；\n]{{0,40}}?{_ALT('acts.meeting_did')}")
_APPROVAL = re.compile(
    rf"{_ALT('acts.approval_by')}(?P<bodies>{_BODY}(?:、(?:{_PLACE})?{_ORGAN})*)(?:{_W['studied']})?[,，]?"
    rf"{_ALT('acts.approval_verbs')}")
MEETING_LABEL = "ACT_MEETING"


@dataclass(frozen=True)
class Decision:
    body: str | None  # 阳泉市人民政府
    meeting: str | None  # 2020年3月24日常务会议
    date: str | None  # ISO date of the meeting when written with its year
    start: int  # span of the statement in the body (view.text); 0, 0 when read in the title
    end: int

    def context(self) -> tuple[str | None, str | None, str | None]:
        return self.body, self.meeting, self.date


@dataclass(frozen=True)
class _Text:
    """A text a decision is read in (the body, or the title) and how it writes a span."""
    text: str
    written: Callable[[int, int], str]
    in_body: bool


def decision_context(view: DocumentView) -> tuple[str | None, str | None, str | None]:
    """(body, meeting, date) of the decision the document reports; Nones when it states none."""
    found = find_decision(view)
    return found.context() if found else (None, None, None)


def find_decision(view: DocumentView) -> Decision | None:
    """The first meeting stated as deciding, else the first `经X同意/批准`; the title last."""
    issuer, title = view.document.issuer, view.document.title
    body = _Text(view.text, view.written, True)
    in_title = _Text(to_simplified(title), lambda a, b: "".join(title[a:b].split()), False)
    return (_meeting(body, issuer, _marked_meetings(view)) or _approval(body) or _stated(body)
            or _meeting(in_title, issuer, _found_meetings(in_title.text)))


def _marked_meetings(view: DocumentView) -> Iterable[int]:
    """Where 会议 stands in the body: the marks spaCy made (a view read without the pipeline is
    searched)."""
    if "lexicon" not in view.marks:
        return _found_meetings(view.text)
    return sorted(m.start_char for m in view.spans("lexicon") if m.label_ == MEETING_LABEL)


def _found_meetings(text: str) -> Iterable[int]:
    pos = text.find(_W["meeting_word"])
    while pos >= 0:
        yield pos
        pos = text.find(_W["meeting_word"], pos + len(_W["meeting_word"]))


def _meeting(where: _Text, issuer: str | None, at: Iterable[int]) -> Decision | None:
    first = None
    for m in _meetings(where.text, at):
        if not (m["body"] or m["nth"] or m["date1"] or m["date2"]):
            continue  # 会议, 全体会议: no meeting in particular
        if _DECIDED.match(where.text, m.end()):
            return _decision(where, issuer, m)
        first = first or (m if m["body"] else None)
    return _decision(where, issuer, first) if first else None


def _meetings(text: str, at: Iterable[int]):
    """The meeting names ending at each 会议 (a regex run near each, not everywhere)."""
    for pos in at:
        end = pos + len(_W["meeting_word"])
        if not text.startswith(_NOT_A_MEETING, end):
            found = next((m for m in MEETING.finditer(text, max(0, pos - _REACH), end) if m.end() == end), None)
            if found:
                yield found


def _approval(where: _Text) -> Decision | None:
    m = _APPROVAL.search(where.text)
    if not m:
        return None
    a, b = m.span("bodies")
    body = _organ(where, m) if b == m.end("body") else where.written(a, b)
    return Decision(body, None, None, m.start(), m.end())


def _stated(where: _Text) -> Decision | None:
    """A paragraph opening `市政府决定：` / `自治区人民政府决定：`: the body decided, no meeting named."""
    m = STATED.search(where.text)
    return Decision(_organ(where, m), None, None, m.start(), m.end()) if m else None


def _decision(where: _Text, issuer: str | None, m: re.Match) -> Decision:
    # A 人大常委会 meeting is named by its organ and term; a government's by what follows it.
    start = m.start("body") if m["term"] else m.end("body") if m["body"] else m.start()
    meeting = where.written(start, m.end())
    body = _organ(where, m) if m["body"] else issuer
    date = next((d.iso for d in find_dates(m.group()) if d.iso), None)
    span = m.span() if where.in_body else (0, 0)
    return Decision(body, meeting, date, *span)


def _organ(where: _Text, m: re.Match) -> str:
    """The body as written, without its term (第十五届)."""
    a, b = m.span("body")
    if m["term"]:
        t0, t1 = m.span("term")
        return where.written(a, t0) + where.written(t1, b)
    return where.written(a, b)
