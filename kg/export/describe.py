"""What the export says about itself: concept schemes, term concepts, one PROV description
per named graph (document), and the DCAT dataset with one distribution per format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterator
from urllib.parse import quote

from kg import __version__
from kg.export.emit import DEFAULT, Block, Emitter
from kg.export.mapping import scheme_iri
from kg.export.terms import lang_literal, quoted, typed_literal

MEDIA_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
               "trig": "application/trig", "nquads": "application/n-quads"}
IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class DatasetInfo:
    """The DCAT description of the export; the defaults are examples to be replaced."""

    title_zh: str = "政府公报知识图谱：机构、公职人员与职责"
    title_en: str = "govkg: government agencies, officials and mandates from government gazettes"
    description_zh: str = "从政府公报中抽取的机构、职务、任免、任务分工和领导小组，每条事实注明出处。"
    description_en: str = ("Agencies, posts, appointments, task assignments and leading groups extracted from "
                           "Chinese government gazettes; every fact names the document it was read from.")
    publisher: str = "govkg (example publisher)"
    license: str = "https://creativecommons.org/licenses/by/4.0/"
    issued: date | None = None  # default: the day of the export


def software(em: Emitter) -> tuple[str, Block]:
    iri = em.minter.make("software", f"govkg-{__version__}")
    return iri, em.block(DEFAULT, iri, ("prov:SoftwareAgent",), [
        ("rdfs:label", quoted(f"govkg {__version__}")), ("schema:softwareVersion", quoted(__version__))])


def concept_schemes(em: Emitter) -> Iterator[Block]:
    for name, concepts in em.mapping.concepts.items():
        scheme = f"<{scheme_iri(name)}>"
        yield em.block(DEFAULT, scheme, ("skos:ConceptScheme",), [("rdfs:label", quoted(name))])
        for c in concepts.values():
            label = [("skos:prefLabel", lang_literal(c.zh, "zh")), ("skos:prefLabel", lang_literal(c.en, "en"))]
            yield em.block(DEFAULT, f"<{c.iri}>", ("skos:Concept",), [*label, ("skos:inScheme", scheme)])


def term_concepts(em: Emitter) -> Iterator[Block]:
    """The agency kinds and post titles used, with English labels where the table knows them."""
    scheme = f"<{em.minter.base}terms>"
    yield em.block(DEFAULT, scheme, ("skos:ConceptScheme",), [("rdfs:label", lang_literal("机构类别和职务名称", "zh"))])
    for iri, term in em.terms.items():
        pairs = [("skos:prefLabel", lang_literal(term, "zh")), ("skos:inScheme", scheme)]
        if term in em.mapping.terms:
            pairs.append(("skos:prefLabel", lang_literal(em.mapping.terms[term], "en")))
        yield em.block(DEFAULT, iri, ("skos:Concept", *sorted(em.term_classes[iri])), pairs)


def named_graph(em: Emitter, doc: str, number: str | None, source: str | None, agent: str,
                now: datetime) -> Iterator[Block]:
    """A document's named graph as a PROV entity: what it came from, when, made by what."""
    graph, activity = em.minter.graph(doc), em.minter.make("extraction", doc)
    doc_iri = em.minter.node(em.mapping.document.path, doc)
    pairs = [("prov:wasDerivedFrom", doc_iri), ("prov:wasGeneratedBy", activity),
             ("prov:generatedAtTime", typed_literal(now, None))]
    if number:
        pairs.append(("dcterms:identifier", quoted(number)))
    if source:
        pairs.append(("govkg:sourceFile", quoted(source.replace("\\", "/").rsplit("/", 1)[-1])))
    yield em.block(DEFAULT, graph, ("prov:Entity",), pairs)
    yield em.block(DEFAULT, activity, ("prov:Activity",), [("prov:used", doc_iri), ("prov:wasAssociatedWith", agent)])


def dataset(em: Emitter, info: DatasetInfo, files: dict[str, str], docs: list[str], now: datetime) -> Iterator[Block]:
    """The dcat:Dataset and one dcat:Distribution per format written (`files`: format → name)."""
    base = em.minter.base
    iri, publisher = f"<{base}dataset>", f"<{base}publisher>"
    pairs = [("dcterms:title", lang_literal(info.title_zh, "zh")), ("dcterms:title", lang_literal(info.title_en, "en")),
             ("dcterms:description", lang_literal(info.description_zh, "zh")),
             ("dcterms:description", lang_literal(info.description_en, "en")),
             ("dcterms:publisher", publisher), ("dcterms:license", f"<{info.license}>"),
             ("dcterms:issued", typed_literal(info.issued or now.date(), None)),
             ("dcterms:modified", typed_literal(now, None)),
             ("dcterms:language", "<http://id.loc.gov/vocabulary/iso639-1/zh>")]
    pairs += [("dcat:distribution", f"<{base}dataset/{fmt}>") for fmt in files]
    pairs += [("prov:wasDerivedFrom", em.minter.node(em.mapping.document.path, d)) for d in docs]
    yield em.block(DEFAULT, iri, ("dcat:Dataset",), pairs)
    yield em.block(DEFAULT, publisher, ("foaf:Agent",), [("foaf:name", quoted(info.publisher))])
    for fmt, name in files.items():
        yield em.block(DEFAULT, f"<{base}dataset/{fmt}>", ("dcat:Distribution",), [
            ("dcterms:title", quoted(f"govkg ({fmt})")), ("dcat:mediaType", f"<{IANA}{MEDIA_TYPES[fmt]}>"),
            ("dcterms:format", quoted(MEDIA_TYPES[fmt])), ("dcat:downloadURL", f"<{base}{quote(name)}>"),
            ("dcterms:license", f"<{info.license}>")])
