"""The property rules of ontology/rdf_mapping.yaml as functions: each factory takes the
emitter and a rule and returns `value, props → [predicate–object strings]` in the output's
syntax. A pair is the predicate's head (`skos:prefLabel `, or JSON-LD's `"skos:prefLabel":`),
made once when the rule is compiled, and the object as the syntax writes it (`em.value`)."""

from __future__ import annotations

import re
from typing import Any, Callable, Protocol

from kg.export.mapping import Mapping, Rule
from kg.export.pinyin import pinyin
from kg.export.privacy import Redactor
from kg.export.terms import lang_literal, typed_literal, zh_tag


class Emitter(Protocol):
    """What a rule asks of the emitter (kg.export.emit) that compiles it."""

    mapping: Mapping
    names: dict[str, dict[str, str]]
    redact: Redactor
    zh_literals: dict[str, str]
    value: Callable[[str], str]

    def head(self, curie: str) -> str: ...

    def term_iri(self, term: str, term_class: str | None = None) -> str: ...


Pairs = Callable[[Any, dict], list[str]]
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIRS = re.compile(r".*[\\/]")


def _values(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _zh(em: Emitter, text: str) -> str:
    """A Chinese literal, contact details withheld; one text often feeds several properties."""
    literal = em.zh_literals.get(text)
    if literal is None:
        if len(em.zh_literals) >= 10_000:
            em.zh_literals.clear()
        shown = em.redact(text)
        literal = em.zh_literals[text] = em.value(lang_literal(shown, zh_tag(shown)))
    return literal


def label(em: Emitter, rule: Rule) -> Pairs:
    """skos:prefLabel and rdfs:label as written, and the pinyin as an alternative label."""
    pref, rdfs_label, alt = em.head("skos:prefLabel"), em.head("rdfs:label"), em.head("skos:altLabel")

    def pairs(value, props):
        text = str(value)
        literal = _zh(em, text)
        out = [pref + literal, rdfs_label + literal]
        if _HAN.search(text):
            out.append(alt + em.value(lang_literal(pinyin(text), "zh-Latn-pinyin")))
        return out
    return pairs


def alt_label(em: Emitter, rule: Rule) -> Pairs:
    alt = em.head("skos:altLabel")

    def pairs(value, props):  # SKOS: a preferred label is never also an alternative one
        name = props.get("name")
        return [alt + _zh(em, str(t)) for t in _values(value) if t and t != name]
    return pairs


def literal(em: Emitter, rule: Rule) -> Pairs:
    p, lang, datatype, redact, as_written = em.head(rule.properties[0]), rule.lang, rule.datatype, em.redact, em.value
    if lang == "zh":
        return lambda value, props: [p + _zh(em, str(v)) for v in _values(value)]
    if lang:
        return lambda value, props: [p + as_written(lang_literal(redact(str(v)), lang)) for v in _values(value)]
    return lambda value, props: [p + as_written(typed_literal(redact(v) if isinstance(v, str) else v, datatype))
                                 for v in _values(value)]


def concept(em: Emitter, rule: Rule) -> Pairs:
    p, scheme = em.head(rule.properties[0]), em.mapping.concepts[rule.scheme]

    def pairs(value, props):  # a value outside the scheme stays visible, as a literal
        found = scheme.get(str(value))
        return [p + em.value(f"<{found.iri}>" if found else typed_literal(str(value), None))]
    return pairs


def term(em: Emitter, rule: Rule) -> Pairs:
    p = em.head(rule.properties[0])
    return lambda value, props: [p + em.value(em.term_iri(str(value), rule.term_class))]


def term_suffix(em: Emitter, rule: Rule) -> Pairs:
    """The agency kind a name ends with (…水利局 → 水利局), by the longest known term."""
    p, terms = em.head(rule.properties[0]), em.mapping.terms
    sizes = sorted({len(t) for t in terms}, reverse=True)

    def pairs(value, props):
        text = str(value)
        for size in sizes:
            if len(text) > size and text[-size:] in terms:  # the suffix, never the whole name
                return [p + em.value(em.term_iri(text[-size:]))]
        return []
    return pairs


def link(em: Emitter, rule: Rule) -> Pairs:
    p, fallback = em.head(rule.properties[0]), literal(em, rule.fallback)

    def pairs(value, props):
        iri = em.names.get(rule.link, {}).get(str(value))
        return [p + em.value(iri)] if iri else fallback(value, props)
    return pairs


def basename(em: Emitter, rule: Rule) -> Pairs:
    p = em.head(rule.properties[0])
    return lambda value, props: [p + em.value(typed_literal(_DIRS.sub("", str(value)), None))]


def positional(em: Emitter, rule: Rule) -> Pairs:
    ps = [em.head(c) for c in rule.properties]
    return lambda value, props: [p + em.value(typed_literal(v, rule.datatype)) for p, v in zip(ps, value)]


FACTORIES: dict[str, Callable[[Emitter, Rule], Pairs]] = {
    "label": label, "alt_label": alt_label, "literal": literal, "concept": concept, "term": term,
    "term_suffix": term_suffix, "link": link, "basename": basename, "positional": positional,
}
