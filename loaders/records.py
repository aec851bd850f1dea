"""Typed records passed between loader stages.

file ─read→ Source ─normalize→ Text ─segment→ Document ─extract→ facts

Offsets: `Source.text` is the raw text of the file (pages joined by form feeds); `Text` is
its normalised form with a map back to raw offsets, so every fact's evidence names a span of
the raw text that contains what the fact reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from loaders.text.script import to_simplified

PAGE_BREAK = "\f"
DOUBTFUL_OCR = 0.8  # a fact read from an OCR line Tesseract is less sure of is flagged
# Pinyin a web mirror printed after a character (`會(huì)`): a toned syllable in brackets, which
# loaders.text.normalize drops from the text matched and `Text.written` from names. OCR loses the
# tone marks (`潘長(zhang)江`): a toneless syllable is a gloss only between two characters.
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|"
             r"ai|ei|ao|ou|an|en|in|un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v|ü)")
PINYIN_NOTE = re.compile(r"(?<=[\u3400-\u9fff])[(（](?:[a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}"
                         rf"|(?=[a-zü]{{2}}){_SYLLABLE}(?=[)）][\u3400-\u9fff]))[)）]")
# OCR misreads a gloss's letters too (`特區(q0)`, `局長(zhing)`, `領(1ing)`, `經(jfYng)`, `長(zhan g@)`): in
# a scanned copy that holds glosses read right, a short run of letters, digits and stray marks in
# brackets after a character is a gloss as well (before a character or a mark: `局長(zhang)”`);
# capitals alone are an acronym (GDP).
_MISREAD_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[(（](?=[^)）]{0,7}[A-Za-z])(?![A-Z]{2,}[)）])[A-Za-z0-9ü%@&$#' ]{1,8}[)）]"
                            r"(?![A-Za-z0-9])")
_GLOSSED = 2  # glosses read right that make a scanned copy a glossed one
# A web mirror that glosses characters without tone marks (`山西(xi)，`, `第一组(zu)：`, `启动(dong)。`):
# where a text holds several toneless syllables in brackets after characters, each is a gloss,
# whatever follows it.
_TONELESS_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü]{{2}}){_SYLLABLE}[)）](?![A-Za-z])")
_TONELESS_COPY = 3


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    start: int  # offset of the page's first character in Source.text
    end: int
    method: str = "text"  # text | pdfplumber | pypdfium2 | ocr


@dataclass
class Source:
    """A file read to text, with its pages and what reading it took."""

    path: str
    text: str
    pages: tuple[Page, ...]
    kind: str  # txt | pdf | html
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    ocr_lines: tuple[tuple[int, int, float], ...] = ()  # (start, end, confidence 0–1) of OCR lines

    def glosses(self, text: str) -> list[tuple[int, int]]:
        """The spans of the pinyin glosses in `text` (this source's text, a piece or a
        normalised form of it), in order."""
        if "(" not in text and "（" not in text:
            return []  # most pieces: no bracket, no gloss
        spans = {m.start(): m.end() for m in PINYIN_NOTE.finditer(text)}
        if self._toneless_copy:
            spans.update((m.start(), m.end()) for m in _TONELESS_GLOSS.finditer(text))
        if self._glossed_scan:
            for m in _MISREAD_GLOSS.finditer(text):
                spans.setdefault(m.start(), m.end())
        return sorted(spans.items())

    @cached_property
    def _toneless_copy(self) -> bool:
        return len(_TONELESS_GLOSS.findall(self.text)) >= _TONELESS_COPY

    @cached_property
    def _glossed_scan(self) -> bool:
        return bool(self.ocr_lines) and len(PINYIN_NOTE.findall(self.text)) >= _GLOSSED

    @cached_property
    def _page_starts(self) -> list[int]:
        return [p.start for p in self.pages]

    def page_at(self, offset: int) -> int:
        index = bisect_right(self._page_starts, offset) - 1
        return self.pages[max(index, 0)].number if self.pages else 1

    @cached_property
    def _ocr_starts(self) -> list[int]:
        return [start for start, _, _ in self.ocr_lines]

    def ocr_confidence(self, start: int, end: int) -> float | None:
        """The least confidence of the OCR lines raw span [start, end) touches; None when no
        OCR line does."""
        found = None
        for line_start, line_end, confidence in self.ocr_lines[max(bisect_right(self._ocr_starts, start) - 1, 0):]:
            if line_start >= max(end, start + 1):
                break
            if line_end > start:
                found = confidence if found is None else min(found, confidence)
        return found

    @classmethod
    def from_pages(cls, path: str, texts: list[str], kind: str, **kw: Any) -> "Source":
        pages, offset = [], 0
        methods = kw.pop("methods", None) or ["text"] * len(texts)
        for number, (text, method) in enumerate(zip(texts, methods), start=1):
            pages.append(Page(number, offset, offset + len(text), method))
            offset += len(text) + len(PAGE_BREAK)
        return cls(path, PAGE_BREAK.join(texts), tuple(pages), kind, **kw)


def _joined(name: str) -> str:
    """The words of a name joined: without a space, but for one between two Latin letters."""
    words = name.split()
    out = words[:1]
    for before, word in zip(words, words[1:]):
        out.append(" " + word if _latin(before[-1]) and _latin(word[0]) else word)
    return "".join(out)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


@dataclass
class Text:
    """Normalised text for matching; `raw[i]` is the raw offset of normalised character i."""

    text: str
    raw: list[int]  # len(text) + 1 entries; the last is len(source.text)
    source: Source

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering normalised [start, end)."""
        if end <= start:
            return self.raw[start], self.raw[start]
        return self.raw[start], self.raw[end - 1] + 1

    def raw_slice(self, start: int, end: int) -> str:
        a, b = self.raw_span(start, end)
        return self.source.text[a:b]

    def written(self, start: int, end: int) -> str:
        """A name as the file writes it, with the spaces inside it removed (田 强 → 田强) but one
        between words in Latin letters (David Mennier), and the pinyin a web mirror printed after
        its characters (許達(dá)哲 → 許達哲)."""
        raw = self.raw_slice(start, end)
        kept, done = [], 0
        for a, b in self.source.glosses(raw):
            kept.append(raw[done:a])
            done = b
        return _joined("".join(kept) + raw[done:])

    def page_at(self, start: int) -> int:
        return self.source.page_at(self.raw[min(start, len(self.text))])


@dataclass
class Document:
    """One document of a gazette issue: a span of the normalised text with its metadata."""

    id: str
    text: Text = field(repr=False)
    start: int
    end: int
    title: str
    number: str | None = None  # 文号
    issuer: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    jurisdiction: str | None = None  # 阳泉市: qualifies 市水利局 → 阳泉市水利局
    body_start: int | None = None  # where the text after title, 文号 and addressees begins

    @property
    def body(self) -> str:
        return self.text.text[self.body_start or self.start:self.end]

    @property
    def body_offset(self) -> int:
        """Where the body begins in the raw text (the document's start when none was found)."""
        return self.body_start if self.body_start is not None else self.start

    @property
    def simplified_body(self) -> str:
        """The body in simplified characters, offset for offset, as the extractors read it."""
        return to_simplified(self.text.text[self.body_offset:self.end])

    @property
    def pages(self) -> list[int]:
        first, last = self.text.page_at(self.start), self.text.page_at(max(self.end - 1, self.start))
        return list(range(first, last + 1))

    @property
    def key(self) -> str:
        return self.number or self.id


@dataclass(frozen=True)
class Evidence:
    doc: str  # 文号 or document id
    page: int
    start: int  # raw offsets in Source.text
    end: int
    sentence: str
    rule: str  # the rule that read the fact: `acts/form:免去…职务`, `tasks/label:责任单位`
    ocr_confidence: float | None = None  # read by OCR: the least sure line of the span

    @classmethod
    def of(cls, doc: Document, start: int, end: int, rule: str) -> "Evidence":
        """Evidence for normalised span [start, end) of the document's text."""
        raw_start, raw_end = doc.text.raw_span(start, end)
        return cls(doc.key, doc.text.page_at(start), raw_start, raw_end,
                   doc.text.text[start:end].strip(), rule, doc.text.source.ocr_confidence(raw_start, raw_end))

    def to_json(self) -> dict:
        out = {"page": self.page, "start": self.start, "end": self.end,
               "sentence": self.sentence, "rule": self.rule}
        if self.ocr_confidence is not None:  # flagged so that an analyst can filter OCR doubts
            out["ocr_confidence"] = self.ocr_confidence
            out["ocr_doubtful"] = self.ocr_confidence < DOUBTFUL_OCR
        return out


@dataclass
class PersonnelAct:
    """An appointment (任命, 兼任, 代理, 正式任用) or removal (免去, 辞去, 不再担任)."""

    kind: str  # appointment | removal
    person: str
    post: str  # the title (局长); the whole position when no agency could be split off
    org: str | None  # the agency as written (阳泉市公安局西城分局)
    act: str
    doc: str
    evidence: Evidence
    note: str | None = None
    body: str | None = None  # the appointing body (阳泉市人民代表大会常务委员会)
    meeting: str | None = None  # the meeting that decided (2020年3月24日常务会议)
    decided: str | None = None  # ISO date of that decision
    also: list[Evidence] = field(default_factory=list)  # the same act stated again (loaders.merge)

    def to_json(self) -> dict:
        return {"person": self.person, "post": self.post, "org": self.org, "note": self.note,
                "act": self.act, "doc": self.doc, "body": self.body, "meeting": self.meeting,
                "decided": self.decided, "evidence": self.evidence.to_json(), **also_json(self.also)}


@dataclass
class TaskFact:
    doc: str
    item: str
    text: str
    evidence: Evidence
    heading: str | None = None
    lead: list[str] = field(default_factory=list)
    cooperate: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    rivers: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    deadline: str | None = None
    also: list[Evidence] = field(default_factory=list)  # the same task stated again (loaders.merge)

    def to_json(self) -> dict:
        return {"doc": self.doc, "item": self.item, "text_start": self.heading or self.text[:40],
                "text": self.text, "lead": self.lead, "cooperate": self.cooperate,
                "responsible": self.responsible, "rivers": self.rivers,
                "districts": self.districts, "deadline": self.deadline,
                "evidence": self.evidence.to_json(), **also_json(self.also)}


@dataclass
class GroupMember:
    person: str
    title: str
    role: str  # leader | deputy | member | office_director | office_deputy | office_member
    evidence: Evidence
    also: list[Evidence] = field(default_factory=list)  # the same member listed again (loaders.merge)


@dataclass
class GroupFact:
    doc: str
    name: str
    evidence: Evidence
    members: list[GroupMember] = field(default_factory=list)
    office_at: str | None = None
    member_agencies: list[str] = field(default_factory=list)  # 成员单位 when no person is named

    ROLE_KEYS = {"leader": "leader", "deputy": "deputy", "member": "members"}

    def to_json(self) -> dict:
        out: dict[str, Any] = {"doc": self.doc, "name": self.name, "leader": [], "deputy": [],
                               "members": [], "office_at": self.office_at, "office_staff": [],
                               "member_agencies": self.member_agencies}
        for m in self.members:
            key = self.ROLE_KEYS.get(m.role, "office_staff")
            out[key].append({"person": m.person, "title": m.title, "role": m.role,
                             "evidence": m.evidence.to_json(), **also_json(m.also)})
        out["evidence"] = self.evidence.to_json()
        return out


@dataclass
class Mention:
    """A named thing a document speaks of (river, district, program) with where it stands."""

    kind: str  # river | district | program
    name: str  # as written
    doc: str
    evidence: Evidence
    canonical: str | None = None  # when a variants table resolved the written form


@dataclass
class Facts:
    """Everything extracted from one file, in the order found."""

    documents: list[Document] = field(default_factory=list)
    acts: list[PersonnelAct] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)
    groups: list[GroupFact] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def extend(self, other: "Facts") -> None:
        self.documents += other.documents
        self.acts += other.acts
        self.tasks += other.tasks
        self.groups += other.groups
        self.mentions += other.mentions

    def names(self, kind: str) -> list[str]:
        return sorted({m.name for m in self.mentions if m.kind == kind})

    def to_json(self) -> dict:
        """The facts JSON format of shared/gold/README.md, with evidence on every fact."""
        return {
            "documents": [document_json(d) for d in self.documents],
            "appointments": [a.to_json() for a in self.acts if a.kind == "appointment"],
            "removals": [a.to_json() for a in self.acts if a.kind == "removal"],
            "tasks": [t.to_json() for t in self.tasks],
            "groups": [g.to_json() for g in self.groups],
            "rivers": self.names("river"),
            "districts": self.names("district"),
            "programs": self.names("program"),
        }


def also_json(also: list[Evidence]) -> dict:
    """The other spans stating a fact, when there are any."""
    return {"also": [e.to_json() for e in also]} if also else {}


def document_json(d: Document) -> dict:
    return {"id": d.id, "number": d.number, "issuer": d.issuer, "date": d.date,
            "title": d.title, "pages": d.pages, "source": d.text.source.path}
