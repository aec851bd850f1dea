"""Mentions: every river, district and program a document names, where it names it.

Rivers and districts come from the pipeline's `place` spans (gazetteer hits that stand as
names, plus the grammar of loaders.spans.places), programs from its gazetteer spans; each
mention keeps the rule that found its span (`places/gazetteer`, `places/list`, `places/chief:row`
…). The name is kept as written; when the gazetteer resolved a variant (漳沱河 → 滹沱河, 孟县 →
盂县) the canonical name is kept beside it. A district whose name is also a common word (城区,
矿区, 郊区) counts only in a document of its own city: 城区 in a Yangquan gazette is Yangquan's
城区 district, in another city's notice it is just "the urban area". A river in brackets right
after another (长江(金沙江), 上犹江水库(陡水湖)) is that water's other name, no second mention; a
river on a web page's teaser or tag line (`【下一篇】…东湖绿道…`, `Tags:安江`) is no mention of the
article's (`teaser_lines`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract import extractor
from loaders.lexicon import lexicon
from loaders.records import Evidence, Facts, Mention
from loaders.spans.gazetteer import LABEL_KIND, table
from loaders.spans.places import GAZETTEER_RULE, GRAMMAR_RULE
from loaders.text.marks import start_after_last
from loaders.view import DocumentView

_SENTENCE_MARKS = "。;!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")
_MAX_SENTENCE = 120
_COMMON_SUFFIX = lexicon()["places.common_district_suffix"]
_TEASER = re.compile(
    lexicon().alternation("documents.furniture_words", "places.teaser_headings", "places.tag_words"))
_HEADINGS = frozenset(lexicon().words("places.teaser_headings"))
_SENTENCE_END_MARK = _SENTENCE_MARKS[0]
_TEASER_LINE = 60  # characters: a teaser or a tag line is short, an article's paragraph is not
_TEASERS_BELOW = 12  # lines a heading of teasers (相关新闻) may open, one headline each


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
    left = start_after_last(text, start, _SENTENCE_MARKS, low)
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


def teaser_lines(text: str) -> list[tuple[int, int]]:
    """The short lines without a sentence's end holding a teaser or furniture word, and the
    headlines below a line that is a teaser heading alone (相关新闻 / 标题 / 标题)."""
    spans: dict[tuple[int, int], None] = {}
    for m in _TEASER.finditer(text):
        start, end = text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())
        if not _headline(text, start, end):
            continue
        spans[start, end] = None
        if m.group() in _HEADINGS and len(text[start:end].strip(" :\t【】[]")) == len(m.group()):
            for _ in range(_TEASERS_BELOW):
                start, end = end + 1, _line_end(text, end + 1)
                if start >= len(text) or not _headline(text, start, end):
                    break
                spans[start, end] = None
    return list(spans)


def _headline(text: str, start: int, end: int) -> bool:
    """A short line that ends no sentence: an article's paragraph is long or ends with 。."""
    return end - start <= _TEASER_LINE and _SENTENCE_END_MARK not in text[start:end]


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def other_names(text: str, spans) -> set[tuple[int, int]]:
    """The rivers written in brackets right after a river: its other name (长江(金沙江))."""
    rivers = [s for s in spans if s.label_ == "RIVER"]
    ends = {s.end_char for s in rivers}
    return {(s.start_char, s.end_char) for s in rivers
            if s.start_char - 1 in ends and text[s.start_char - 1:s.start_char] == "("
            and text[s.end_char:s.end_char + 1] == ")"}


@extractor("mentions")
def extract_mentions(view: DocumentView) -> Facts:
    spans = view.spans("place") + [s for s in view.spans("gazetteer") if s.label_ == "PROGRAM"]
    mentions, in_context, aliases = [], {}, other_names(view.text, spans)
    teasers = teaser_lines(view.text) if any(s.label_ == "RIVER" for s in spans) else []
    for span in sorted(spans, key=lambda s: s.start_char):
        if (span.start_char, span.end_char) in aliases or \
                span.label_ == "RIVER" and any(a <= span.start_char < b for a, b in teasers):
            continue
        kind = LABEL_KIND[span.label_]
        written = view.written(span.start_char, span.end_char)
        canonical = span.kb_id_ or None
        if not _counts(view, kind, canonical or written, in_context):
            continue
        mentions.append(Mention(kind, written, view.key,
                                _evidence(view, span.start_char, span.end_char, _rule(span)),
                                canonical if canonical and canonical != written else None))
    return Facts(mentions=mentions)
