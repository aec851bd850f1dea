"""Node and property shapes as small records, and their rendering as deterministic Turtle
(the same input gives the same bytes, so a stale ontology/shapes.ttl shows as a diff)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.export.terms import quoted
from kg.export.vocab import GOVKG, PREFIXES


@dataclass(frozen=True)
class PropertyShape:
    path: str
    min: int = 0
    max: int | None = None
    datatype: str | None = None
    classes: tuple[str, ...] = ()  # one: sh:class; several: sh:or of sh:class
    in_: tuple[str, ...] = ()  # full IRIs
    iri: bool = False
    language: tuple[str, ...] = ()
    unique_lang: bool = False
    name: str = ""  # the schema's name for what the path carries

    def loosen(self, other: "PropertyShape") -> "PropertyShape":
        """One path fed by two rules (or two kinds of node): what both satisfy."""
        same = lambda a, b: a if a == b else type(a)()  # noqa: E731
        classes = tuple(dict.fromkeys(self.classes + other.classes)) if self.classes and other.classes else ()
        return replace(self, min=min(self.min, other.min), max=None, classes=classes,
                       datatype=same(self.datatype or "", other.datatype or "") or None,
                       in_=same(self.in_, other.in_), iri=self.iri and other.iri,
                       language=same(self.language, other.language),
                       unique_lang=self.unique_lang and other.unique_lang, name=same(self.name, other.name))


@dataclass
class NodeShape:
    name: str
    target: str
    comment: str = ""
    properties: dict[str, PropertyShape] = field(default_factory=dict)

    def add(self, *shapes: PropertyShape) -> None:
        for shape in shapes:
            old = self.properties.get(shape.path)
            self.properties[shape.path] = old.loosen(shape) if old else shape


def _term(value: str) -> str:
    return value if value.startswith("<") else f"<{value}>" if "://" in value else value


def _constraints(p: PropertyShape) -> list[str]:
    lines = [f"sh:path {p.path}"]
    if p.name:
        lines.append(f"sh:name {quoted(p.name)}")
    if p.min:
        lines.append(f"sh:minCount {p.min}")
    if p.max is not None:
        lines.append(f"sh:maxCount {p.max}")
    if p.datatype:
        lines.append(f"sh:datatype {p.datatype}")
    if len(p.classes) == 1:
        lines.append(f"sh:class {p.classes[0]}")
    elif p.classes:
        lines.append(f"sh:or ( {' '.join(f'[ sh:class {c} ]' for c in p.classes)} )")
    if p.iri and not p.classes:
        lines.append("sh:nodeKind sh:IRI")
    if p.in_:
        lines.append(f"sh:in ( {' '.join(_term(v) for v in p.in_)} )")
    if p.language:
        lines.append(f"sh:languageIn ( {' '.join(quoted(v) for v in p.language)} )")
    if p.unique_lang:
        lines.append("sh:uniqueLang true")
    return lines


def _node(shape: NodeShape) -> str:
    head = [f"govkg:{shape.name}Shape a sh:NodeShape", f"rdfs:label {quoted(shape.name)}"]
    if shape.comment:
        head.append(f"rdfs:comment {quoted(shape.comment)}")
    head.append(f"sh:targetClass {shape.target}")
    props = [" ;\n        ".join(_constraints(p)) for p in shape.properties.values()]
    body = " ;\n    ".join(head)
    if props:
        body += " ;\n    sh:property " + " , ".join(f"[\n        {p}\n    ]" for p in props)
    return body + " .\n"


def render(shapes: list[NodeShape]) -> str:
    prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    ontology = f"<{GOVKG.rstrip('#').rsplit('/', 1)[0]}/shapes>"
    header = f"\n{ontology} a owl:Ontology ;\n    rdfs:label \"govkg SHACL shapes\"@en .\n\n"
    return prefixes + header + "\n".join(_node(s) for s in shapes)
