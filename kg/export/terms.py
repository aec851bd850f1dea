"""RDF terms as N-Triples strings: stable IRIs from the deterministic ids, escaped literals.

Terms are built as text rather than as rdflib or pyoxigraph objects: making one Python object
per term caps an export at ~170k triples/s here, text gets several times that.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import quote

from govkg.errors import KgError
from kg.export.vocab import expand
from govkg.ids import make_id
from loaders.text.script import traditional_chars

_HASH_ID = re.compile(r"[a-z_]+:([0-9a-f]{8,})")  # make_id's "agency:1a2b…"
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x20) if c not in _ESCAPES} | {0x7F: "\\u007F"})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_XSD = {name: f"<{expand('xsd:' + name)}>" for name in ("string", "integer", "boolean", "date", "dateTime", "double")}


def check_base(base: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base or ""):
        raise KgError(f"RDF base {base!r} is not an absolute http(s) IRI ending in / or #",
                      hint="set KG_RDF_BASE, e.g. https://data.example.gov.cn/govkg/")
    return base


def local_part(id_: str) -> str:
    """The IRI segment of an id: the hash of a made id, else the id percent-encoded (文号)."""
    match = _HASH_ID.fullmatch(id_)
    return match.group(1) if match else quote(id_, safe="")


class Minter:
    """IRIs under one base, as `<…>` strings; node IRIs are remembered by id."""

    def __init__(self, base: str):
        self.base = check_base(base)
        self.nodes: dict[str, str] = {}

    def node(self, path: str, id_: str) -> str:
        iri = self.nodes.get(id_)
        if iri is None:
            iri = self.nodes[id_] = f"<{self.base}{path}/{local_part(id_)}>"
        return iri

    def make(self, path: str, key: str) -> str:
        return f"<{self.base}{path}/{local_part(key)}>"

    def graph(self, doc: str) -> str:
        """The named graph of a document's facts, by a hash of the document's key: a
        percent-encoded 文号 reads no better, and N-Quads repeat it on every line (a third
        of the file). The graph's description gives the 文号 (dcterms:identifier)."""
        return self.make("graph", make_id("graph", doc))


def quoted(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """The characters loaders.text.script folds to simplified ones, as one character class."""
    return re.compile(f"[{re.escape(traditional_chars())}]")


def zh_tag(text: str) -> str:
    """@zh, or @zh-Hant when the text is written in traditional characters."""
    return "zh-Hant" if _traditional().search(text) else "zh"


def lang_literal(text: str, lang: str) -> str:
    return f"{quoted(text)}@{lang}"


def typed_literal(value: object, datatype: str | None) -> str:
    """A literal of a schema value; a value that is not of its datatype stays a plain string."""
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^{_XSD["boolean"]}'
    if isinstance(value, int) and datatype in (None, "xsd:integer"):
        return f'"{value}"^^{_XSD["integer"]}'
    if isinstance(value, float):
        return f'"{value!r}"^^{_XSD["double"]}'
    if isinstance(value, datetime):
        return f'"{value.isoformat()}"^^{_XSD["dateTime"]}'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^{_XSD["date"]}'
    text = str(value)
    if datatype == "xsd:date" and _ISO_DATE.fullmatch(text):
        return f'"{text}"^^{_XSD["date"]}'
    return quoted(text)


def jsonld_value(term: str) -> str:
    """An N-Triples term (`<iri>`, `"…"`, `"…"@tag`, `"…"^^<datatype>`) as a JSON-LD value."""
    if term[0] == "<":
        return f'{{"@id":"{term[1:-1]}"}}'
    end = term.rindex('"') + 1  # the lexical form's quotes and escapes are a JSON string's
    lexical, suffix = term[:end], term[end:]
    if suffix[:1] == "@":
        return f'{{"@value":{lexical},"@language":"{suffix[1:]}"}}'
    if suffix and suffix[2:] != _XSD["string"]:
        return f'{{"@value":{lexical},"@type":"{suffix[3:-1]}"}}'
    return lexical


def jsonld_pair(predicate: str, term: str) -> bytes:
    """A predicate (a CURIE, or `a`) and an N-Triples term as a JSON-LD member."""
    if predicate == "a":
        return f'"@type":"{term}"'.encode()
    if term[0] == "<":  # most objects are IRIs
        return f'"{predicate}":{{"@id":"{term[1:-1]}"}}'.encode()
    return f'"{predicate}":{jsonld_value(term)}'.encode()


def jsonld_types(classes: tuple[str, ...] | list[str]) -> bytes:
    """The `@type` member of a node of these classes (CURIEs of the context)."""
    if len(classes) == 1:
        return f'"@type":"{classes[0]}"'.encode()
    return ('"@type":[' + ",".join(f'"{c}"' for c in classes) + "]").encode()


def jsonld_merged(members: list[bytes]) -> list[bytes]:
    """One member per key, the values of a repeated key in one array: JSON leaves an object
    with a key twice undefined, and most readers keep only the last one."""
    by_key: dict[bytes, list[bytes]] = {}
    for member in members:
        key = member[:member.index(b'"', 1) + 1]  # a CURIE or @type: no quote inside
        by_key.setdefault(key, []).append(member[len(key) + 1:])
    return [b"%s:%s" % (key, values[0]) if len(values) == 1 else b"%s:[%s]" % (key, b",".join(values))
            for key, values in by_key.items()]
