"""Mentions: every river, district and program a document names, where it names it.

Rivers and districts come from the pipeline's `place` spans (gazetteer hits that stand as
names, plus the list grammar of loaders.spans.places), programs from its gazetteer spans. The name is
kept as written; when the gazetteer resolved a variant (漳沱河 → 滹沱河, 孟县 → 盂县) the
canonical name is kept beside it. A district whose name is also a common word (城区, 矿区,
郊区) counts only in a document of its own city: 城区 in a Yangquan gazette is Yangquan's
城区 district, in another city's notice it is just "the urban area".
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract import extractor
from loaders.spans.gazetteer import LABEL_KIND, table
from loaders.view import DocumentView
from loaders.records import Document, Evidence, Facts, Mention

_SENTENCE_MARKS = "。;!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")
_MAX_SENTENCE = 120


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    return {row["name"]: row["parent"] for row in table("districts")}


def generic(name: str) -> bool:
    """A two-character district name ending in 区 (城区 矿区 郊区) is also a common word."""
    return len(name) == 2 and name.endswith("区")


def _in_context(document: Document, body: str, name: str) -> bool:
    parent = _parents().get(name)
    if not parent:
        return False
    jurisdiction = document.jurisdiction or ""
    return parent in jurisdiction or parent in body or parent in document.title


def _memo(known: dict[str, bool], name: str, document: Document, body: str) -> bool:
    if name not in known:
        known[name] = _in_context(document, body, name)
    return known[name]


def _sentence(body: str, start: int, end: int) -> tuple[int, int]:
    low = max(0, start - _MAX_SENTENCE)
    last = max(body.rfind(mark, low, start) for mark in _SENTENCE_MARKS)  # the closest end before
    left = last + 1 if last >= 0 else low
    right = _SENTENCE_END.search(body, end, end + _MAX_SENTENCE)
    return left, right.end() if right else min(len(body), end + _MAX_SENTENCE)


def _evidence(document: Document, body: str, base: int, start: int, end: int) -> Evidence:
    """The mention's own span, with the sentence around it."""
    raw_start, raw_end = document.text.raw_span(base + start, base + end)
    left, right = _sentence(body, start, end)
    return Evidence(document.key, document.text.page_at(base + start), raw_start, raw_end,
                    body[left:right].strip(), "mentions")


@extractor("mentions")
def extract_mentions(view: DocumentView) -> Facts:
    document, nlp_doc = view.document, view.doc
    base = document.body_start or document.start
    body = document.body  # a slice of the whole text on each access: take it once
    spans = list(nlp_doc.spans.get("place", []))
    spans += [s for s in nlp_doc.spans.get("gazetteer", []) if s.label_ == "PROGRAM"]
    mentions, in_context = [], {}
    for span in sorted(spans, key=lambda s: s.start_char):
        kind = LABEL_KIND[span.label_]
        written = document.text.written(base + span.start_char, base + span.end_char)
        canonical = span.kb_id_ or None
        name = canonical or written
        if kind == "district" and generic(name) and not _memo(in_context, name, document, body):
            continue
        mentions.append(Mention(kind, written, document.key,
                                _evidence(document, body, base, span.start_char, span.end_char),
                                canonical if canonical and canonical != written else None))
    return Facts(mentions=mentions)
