"""Namespaces of the RDF export and the IRIs of the govkg vocabulary (ontology/govkg.ttl).

Terms are written as CURIEs (`org:Organization`) everywhere — in ontology/rdf_mapping.yaml and
in code — and expanded here, so an unknown prefix fails once, naming the term.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from govkg.errors import SchemaError


def _vocabulary() -> str:
    raw = yaml.safe_load(resources.files("ontology").joinpath("rdf_mapping.yaml").read_text("utf-8"))
    return raw["vocabulary"]


GOVKG = _vocabulary()  # an example namespace until the vocabulary is published

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "org": "http://www.w3.org/ns/org#",
    "cpov": "http://data.europa.eu/m8g/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "govkg": GOVKG,
}

XSD_OF_TYPE = {  # schema property type → literal datatype (None: a plain string)
    "string": None, "list[string]": None,
    "integer": "xsd:integer", "list[integer]": "xsd:integer",
    "float": "xsd:double", "boolean": "xsd:boolean", "date": "xsd:date",
}

@lru_cache(maxsize=None)
def expand(curie: str) -> str:
    """The full IRI of a CURIE; a full IRI passes through."""
    if curie.startswith(("http://", "https://", "urn:")):
        return curie
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise SchemaError(f"unknown RDF term {curie!r}", where="ontology/rdf_mapping.yaml",
                          hint=f"known prefixes: {', '.join(PREFIXES)}")
    return PREFIXES[prefix] + local


@lru_cache(maxsize=None)
def nt(curie: str) -> str:
    """The term as N-Triples writes it: `<full IRI>`."""
    return f"<{expand(curie)}>"


def is_curie(value: object) -> bool:
    return isinstance(value, str) and ":" in value and value.partition(":")[0] in PREFIXES
