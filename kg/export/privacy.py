"""Personal contact details are withheld from exports unless the user asks for them.

Gazettes print telephone numbers, fax numbers and e-mail addresses of contact persons, and an
evidence sentence can carry them into the graph. One rule for every export (RDF, GraphML,
GEXF, CSV) and for the HTML explorer: every string it writes passes through `Redactor`, which
replaces the digits of anything that looks like a contact number with `*` and e-mail
addresses with `***@***`, and counts what it withheld; `--include-contacts` keeps them.
What it withholds is what its own patterns find and what the loaders' contact finder
(loaders.text.contacts, which flags them at build time) finds: a number one of them misses
is still withheld. Ids and document keys are never text a reader sees, and are kept.
"""

from __future__ import annotations

import re
from typing import Any

from kg.dump import GraphData
from kg.model import Edge, Node
from loaders.text.contacts import find_contacts

_NUMBER = "|".join((
    r"(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}",     # mobile
    r"[(（]?0\d{2,3}[)）]?[-－—\s]?\d{7,8}(?:[-转]\d{1,6})?",  # landline with area code
    r"[48]00[-\s]?\d{3}[-\s]?\d{4}",                        # 400 / 800 service hotline
    r"\d{17}[\dXx]",                                        # resident identity card number
))
_CONTACT = re.compile(
    # the characters a match can start with, tested first: half the time of trying every branch
    r"(?=[\dA-Za-z+(（._%\-电手传座联热])(?:"
    rf"(?<![0-9A-Za-z.])(?:{_NUMBER})(?![0-9A-Za-z%元万亿])"  # a whole number, not part of a hash
    r"|(?:电话|手机|传真|座机|联系方式|热线|[Tt]el|TEL|[Ff]ax|FAX)[：:\s]*[(（]?\d[\d\s\-－—()（）转]{5,}\d"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)
_DIGIT = re.compile(r"\d")
# what every pattern above needs (seven digits with at most one separator, a label or an @),
# tested first: most sentences have a year or a number in them, and no contact detail
_MAYBE = re.compile(r"(?=[\d@电手传座联热TtFf])(?:\d{4}[-\s]?\d{3}|\d{3}[-\s]\d{4}|@|电话|手机|传真|座机|联系方式|热线"
                    r"|[Tt][Ee][Ll]|[Ff][Aa][Xx])")
KEPT = frozenset({"id", "doc", "content_hash"})  # keys and hashes, not text: never withheld


class Redactor:
    """Withholds contact details from strings (unless `include` is set) and counts them."""

    def __init__(self, include: bool = False):
        self.include = include
        self.count = 0

    def __call__(self, text: str) -> str:
        if self.include or not _MAYBE.search(text):
            return text
        spans = _merged([m.span() for m in _CONTACT.finditer(text)]
                        + [(c.start, c.end) for c in find_contacts(text)])
        if not spans:
            return text
        self.count += len(spans)
        out, last = [], 0
        for start, end in spans:
            out += [text[last:start], _withhold(text[start:end])]
            last = end
        return "".join(out) + text[last:]

    def props(self, props: dict[str, Any]) -> dict[str, Any]:
        """A node's or an edge's properties with every string withheld from (in lists too)."""
        return {k: v if k in KEPT else self.value(v) for k, v in props.items()}

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        return value


def withheld(data: GraphData, include: bool = False) -> tuple[GraphData, int]:
    """The graph as an export may show it, and how many contact details were withheld."""
    redact = Redactor(include)
    if include:
        return data, 0
    nodes = {i: Node(n.label, n.id, redact.props(n.props)) for i, n in data.nodes.items()}
    edges = [Edge(e.type, nodes.get(e.source.id, e.source), nodes.get(e.target.id, e.target), e.id,
                  redact.props(e.props)) for e in data.edges]
    return GraphData(nodes, edges), redact.count


def _withhold(text: str) -> str:
    return "***@***" if "@" in text else _DIGIT.sub("*", text)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
