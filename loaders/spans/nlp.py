"""The spaCy pipeline: `spacy.blank("zh")` (character segmentation) and govkg's components.

Components, in order, each reading the raw string once and attaching spans with
`doc.char_span(..., alignment_mode="expand")`:
- `govkg_gazetteer`: every gazetteer hit → `doc.spans["gazetteer"]` (label AGENCY, DISTRICT,
  RIVER or PROGRAM; `kb_id_` the canonical name, which differs from the text for a variant).
- `govkg_agency`: bodies → `doc.spans["agency"]`: gazetteer agencies plus the suffix grammar of
  loaders.spans.agency (names after a jurisdiction prefix, or after a place: 阳泉市 + 公安局西城分局).
  Grammar-only names have an empty `kb_id_`: unknown to the gazetteer, kept all the same.
- `govkg_lexicon`: the words of the lexicon that rules key on (role verbs and labels, act
  words, group roles …) → `doc.spans["lexicon"]`, labelled as the lexicon's `spans` say: one
  PhraseMatcher pass, so a rule asks where its words stand instead of scanning for them.
- `govkg_places`: rivers and districts → `doc.spans["place"]`: gazetteer hits that stand as
  names (not 海河 in 上海河道, not 香河 in 香河县) plus the grammar of loaders.spans.places;
  each span's `id_` names the rule that found it (`places/gazetteer`, `places/list` …).
Span groups, not `doc.ents`: the groups overlap by nature (盂县 inside 盂县人民政府), and
setting `doc.ents` costs a pass over every token that no extractor needs.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from govkg.errors import KgError
from loaders.lexicon import lexicon, mark_entries
from loaders.spans.agency import agency_after, find_agencies
from loaders.spans.gazetteer import get_gazetteer
from loaders.spans.places import GAZETTEER_RULE, find_places, stands_alone
from loaders.spans.tokenizer import TEXT_KEY, CharTokenizer

_PLACE_LABELS = {"RIVER", "DISTRICT"}


def doc_text(doc: Doc) -> str:
    """The doc's text; spaCy's `Doc.text` rebuilds it from every token on each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")


def _keep(spans) -> list[Span]:
    return [s for s in spans if s is not None]


@Language.factory("govkg_gazetteer")
def make_gazetteer(nlp: Language, name: str):
    gazetteer = get_gazetteer()

    def gazetteer_component(doc: Doc) -> Doc:
        hits = gazetteer.find(doc_text(doc))
        spans = (_span(doc, h.start, h.end, h.label, h.canonical) for h in hits)
        doc.spans["gazetteer"] = _keep(spans)
        return doc
    return gazetteer_component


@Language.factory("govkg_agency")
def make_agency(nlp: Language, name: str):
    def agency_component(doc: Doc) -> Doc:
        text, known = doc_text(doc), doc.spans.get("gazetteer", [])
        spans = [s for s in known if s.label_ == "AGENCY"]
        spans += _keep(_span(doc, a, b, "AGENCY") for a, b in find_agencies(text))
        for place in (s for s in known if s.label_ == "DISTRICT"):
            end = agency_after(text, place.end_char)
            if end is not None:
                spans.append(_span(doc, place.start_char, end, "AGENCY"))
        doc.spans["agency"] = filter_spans(_keep(spans))
        return doc
    return agency_component


def _place_span(doc: Doc, start: int, end: int, label: str, rule: str) -> Span | None:
    """A place's span; its id names the rule that found it, which a mention keeps."""
    return doc.char_span(start, end, label=label, span_id=rule, alignment_mode="expand")


@Language.factory("govkg_places")
def make_places(nlp: Language, name: str):
    def places_component(doc: Doc) -> Doc:
        text = doc_text(doc)
        known = [s for s in doc.spans.get("gazetteer", [])
                 if s.label_ in _PLACE_LABELS and stands_alone(text, s.start_char, s.end_char, s.label_)]
        found = find_places(text, [(s.start_char, s.end_char) for s in known])
        spans = [Span(doc, s.start, s.end, s.label_, kb_id=s.kb_id_, span_id=GAZETTEER_RULE) for s in known]
        spans += _keep(_place_span(doc, p.start, p.end, p.label, p.rule) for p in found)
        doc.spans["place"] = sorted(spans, key=lambda s: s.start)
        return doc
    return places_component


@Language.factory("govkg_lexicon")
def make_lexicon(nlp: Language, name: str):
    matcher = PhraseMatcher(nlp.vocab)
    for label, words in lexicon_marks().items():
        matcher.add(label, [nlp.make_doc(word) for word in words])

    def lexicon_component(doc: Doc) -> Doc:
        doc.spans["lexicon"] = [Span(doc, start, end, label) for label, start, end in matcher(doc)]
        return doc
    return lexicon_component


def lexicon_marks() -> dict[str, tuple[str, ...]]:
    """Span label → words, from the `spans` entry of every lexicon file (`ROLE_VERB: verbs`)."""
    lex, marks = lexicon(), {}
    for stem, entries in lex.files.items():
        for label, entry in entries.get("spans", {}).items():
            marks[label] = marks.get(label, ()) + lex.words(*(f"{stem}.{name}" for name in mark_entries(entry)))
    return marks


PIPES = ("govkg_gazetteer", "govkg_agency", "govkg_lexicon", "govkg_places")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("zh")
    segmenter = nlp.config["nlp"]["tokenizer"].get("segmenter")
    if segmenter != "char":
        raise KgError(f"spaCy zh segmenter is {segmenter!r}, expected 'char'",
                      hint="govkg relies on one token per character")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    return nlp
