"""What the export says about itself: concept schemes, term concepts, one PROV description
per named graph (document), and the DCAT catalogue, dataset and one distribution per format,
as DCAT-AP 3.0 asks (ontology/dcat-ap/: the official shapes the tests validate against):
every resource the description points to is typed with the class DCAT-AP expects of it
(dct:LicenseDocument, dct:MediaType, dct:MediaTypeOrExtent, dct:LinguisticSystem, foaf:Agent).

The dates come from the data, so that two exports of one store are byte for byte the same:
`issued` is the newest document's date, `modified` (and each graph's generation time) the
time the store was last loaded, which the caller passes (kg.stores.last_loaded)."""

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
FILE_TYPES = {"turtle": "RDF_TURTLE", "ntriples": "RDF_N_TRIPLES", "jsonld": "JSON_LD", "trig": "RDF_TRIG",
              "nquads": "RDF_N_QUADS"}  # the EU file-type authority table DCAT-AP names for dct:format
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE = f"<{EU}language/ZHO>"
PLACEHOLDER_PUBLISHER = "govkg (example publisher)"


class PlaceholderWarning(UserWarning):
    """The export names an example base IRI or publisher: a portal would publish it as such."""


@dataclass(frozen=True)
class DatasetInfo:
    """The DCAT description of the export; the defaults are examples to be replaced."""

    title_zh: str = "政府公报知识图谱：机构、公职人员与职责"
    title_en: str = "govkg: government agencies, officials and mandates from government gazettes"
    description_zh: str = "从政府公报中抽取的机构、职务、任免、任务分工和领导小组，每条事实注明出处。"
    description_en: str = ("Agencies, posts, appointments, task assignments and leading groups extracted from "
                           "Chinese government gazettes; every fact names the document it was read from.")
    publisher: str = PLACEHOLDER_PUBLISHER
    license: str = "https://creativecommons.org/licenses/by/4.0/"
    issued: date | None = None  # default: the newest document's date
    modified: datetime | None = None  # the time the store was last loaded; default: `issued`


def software(em: Emitter) -> tuple[str, Block]:
    iri = em.minter.make("software", f"govkg-{__version__}")
    return iri, em.block(DEFAULT, iri, ("prov:SoftwareAgent",), [
        ("rdfs:label", quoted(f"govkg {__version__}")), ("schema:softwareVersion", quoted(__version__))])


def concept_schemes(em: Emitter) -> Iterator[Block]:
    for name, concepts in em.mapping.concepts.items():
        scheme = f"<{scheme_iri(name)}>"
        yield em.block(DEFAULT, scheme, ("skos:ConceptScheme",), [("rdfs:label", quoted(name)),
                                                                  ("dcterms:title", quoted(name))])
        for c in concepts.values():
            label = [("skos:prefLabel", lang_literal(c.zh, "zh")), ("skos:prefLabel", lang_literal(c.en, "en"))]
            yield em.block(DEFAULT, f"<{c.iri}>", ("skos:Concept",), [*label, ("skos:inScheme", scheme)])


def term_concepts(em: Emitter) -> Iterator[Block]:
    """The agency kinds and post titles used, with English labels where the table knows them."""
    scheme = f"<{em.minter.base}terms>"
    title = lang_literal("机构类别和职务名称", "zh")
    yield em.block(DEFAULT, scheme, ("skos:ConceptScheme",), [("rdfs:label", title), ("dcterms:title", title)])
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


def catalog(em: Emitter, info: DatasetInfo, issued: date, modified: datetime) -> Iterator[Block]:
    """The dcat:Catalog that lists the dataset, as a portal harvests it."""
    base = em.minter.base
    yield em.block(DEFAULT, f"<{base}catalog>", ("dcat:Catalog",), [
        *_described(info), ("dcterms:publisher", f"<{base}publisher>"), ("dcat:dataset", f"<{base}dataset>"),
        ("dcterms:license", f"<{info.license}>"), ("dcterms:language", LANGUAGE),
        ("dcterms:issued", typed_literal(issued, None)), ("dcterms:modified", typed_literal(modified, None))])


def _described(info: DatasetInfo) -> list[tuple[str, str]]:
    return [("dcterms:title", lang_literal(info.title_zh, "zh")), ("dcterms:title", lang_literal(info.title_en, "en")),
            ("dcterms:description", lang_literal(info.description_zh, "zh")),
            ("dcterms:description", lang_literal(info.description_en, "en"))]


def dataset(em: Emitter, info: DatasetInfo, files: dict[str, str], docs: list[str], issued: date,
            modified: datetime) -> Iterator[Block]:
    """The dcat:Dataset and one dcat:Distribution per format written (`files`: format → name),
    and the resources they point to, typed as DCAT-AP's ranges ask."""
    base = em.minter.base
    iri, publisher = f"<{base}dataset>", f"<{base}publisher>"
    pairs = [*_described(info), ("dcterms:publisher", publisher), ("dcterms:license", f"<{info.license}>"),
             ("dcterms:issued", typed_literal(issued, None)), ("dcterms:modified", typed_literal(modified, None)),
             ("dcterms:language", LANGUAGE)]
    pairs += [("dcat:distribution", f"<{base}dataset/{fmt}>") for fmt in files]
    pairs += [("prov:wasDerivedFrom", em.minter.node(em.mapping.document.path, d)) for d in docs]
    yield em.block(DEFAULT, iri, ("dcat:Dataset",), pairs)
    yield from catalog(em, info, issued, modified)
    yield em.block(DEFAULT, publisher, ("foaf:Agent",), [("foaf:name", quoted(info.publisher))])
    yield em.block(DEFAULT, f"<{info.license}>", ("dcterms:LicenseDocument",), [])
    yield em.block(DEFAULT, LANGUAGE, ("dcterms:LinguisticSystem",), [])
    for fmt, name in files.items():
        url, media, file_type = f"<{base}{quote(name)}>", f"<{IANA}{MEDIA_TYPES[fmt]}>", f"<{EU}file-type/{FILE_TYPES[fmt]}>"
        yield em.block(DEFAULT, f"<{base}dataset/{fmt}>", ("dcat:Distribution",), [
            ("dcterms:title", quoted(f"govkg ({fmt})")), ("dcat:mediaType", media), ("dcterms:format", file_type),
            ("dcat:accessURL", url), ("dcat:downloadURL", url), ("dcterms:license", f"<{info.license}>")])
        yield em.block(DEFAULT, url, ("rdfs:Resource",), [])
        yield em.block(DEFAULT, media, ("dcterms:MediaType",), [])
        yield em.block(DEFAULT, file_type, ("dcterms:MediaTypeOrExtent",), [])
