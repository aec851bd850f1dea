"""Mentions: every river, district and program a document names, where it names it.

Rivers and districts come from the pipeline's `place` spans (gazetteer hits that stand as
names, plus the grammar of loaders.spans.places), programs from its gazetteer spans; each
mention keeps the rule that found its span (`places/gazetteer`, `places/list`, `places/chief:row`
…). The name is kept as written; when the gazetteer resolved a variant (漳沱河 → 滹沱河, 孟县 →
盂县) the canonical name is kept beside it. A district whose name is also a common word (城区,
矿区, 郊区) counts only in a document of its own city: 城区 in a Yangquan gazette is Yangquan's
城区 district, in another city's notice it is just "the urban area".
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract import extractor
from loaders.lexicon import lexicon
from loaders.records import Evidence, Facts, Mention
from loaders.spans.gazetteer import LABEL_KIND, table
from loaders.spans.places import GAZETTEER_RULE, GRAMMAR_RULE
from loaders.view import DocumentView

_SENTENCE_MARKS = "。;!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")
_MAX_SENTENCE = 120
_COMMON_SUFFIX = lexicon()["places.common_district_suffix"]


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    return {row["name"]: row["parent"] for row in table("districts")}


def generic(name: str) -> bool:
    """A two-character district name ending in 区 (城区 矿区 郊区) is also a common word."""
    return len(name) == 2 and name.endswith(_COMMON_SUFFIX)


def _in_context(view: DocumentView, name: str) -> bool:
    """Whether the document is one of the district's city: its jurisdiction, body or title
    names the city."""
    parent = _parents().get(name)
    if not parent:
        return False
    document = view.document
    return parent in (document.jurisdiction or "") or parent in view.text or parent in document.title


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the closest end of a sentence before it to
    the next one, each looked for over a bounded stretch."""
    low = max(0, start - _MAX_SENTENCE)
    last = max(text.rfind(mark, low, start) for mark in _SENTENCE_MARKS)
    left = last + 1 if last >= 0 else low
    right = _SENTENCE_END.search(text, end, end + _MAX_SENTENCE)
    return left, right.end() if right else min(len(text), end + _MAX_SENTENCE)


def _evidence(view: DocumentView, start: int, end: int, rule: str) -> Evidence:
    """The mention's own span, quoting the sentence around it as written."""
    own = view.evidence(start, end, rule)
    left, right = _sentence(view.text, start, end)
    # as written; view.evidence would quote it too, but reckons raw offsets and a page it needs not
    sentence = view.document.text.text[view.base + left:view.base + right].strip()
    return Evidence(own.doc, own.page, own.start, own.end, sentence, rule)


def _counts(view: DocumentView, kind: str, name: str, known: dict[str, bool]) -> bool:
    """A mention counts unless it is a district named by a common word outside its city
    (`known` keeps the answer for each such name of the document)."""
    if kind != "district" or not generic(name):
        return True
    if name not in known:
        known[name] = _in_context(view, name)
    return known[name]


def _rule(span) -> str:
    """The rule the pipeline named in the span's id (loaders.spans.nlp). A mark that kept no id
    tells only its source: a canonical name comes from the gazetteer, none from the grammar."""
    return getattr(span, "id_", "") or (GAZETTEER_RULE if span.kb_id_ else GRAMMAR_RULE)


@extractor("mentions")
def extract_mentions(view: DocumentView) -> Facts:
    spans = view.spans("place") + [s for s in view.spans("gazetteer") if s.label_ == "PROGRAM"]
    mentions, in_context = [], {}
    for span in sorted(spans, key=lambda s: s.start_char):
        kind = LABEL_KIND[span.label_]
        written = view.written(span.start_char, span.end_char)
        canonical = span.kb_id_ or None
        if not _counts(view, kind, canonical or written, in_context):
            continue
        mentions.append(Mention(kind, written, view.key,
                                _evidence(view, span.start_char, span.end_char, _rule(span)),
                                canonical if canonical and canonical != written else None))
    return Facts(mentions=mentions)
