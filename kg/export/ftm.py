"""The graph as a FollowTheMoney entity stream (JSON lines), built with the followthemoney
library, so Aleph, nomenklatura and OpenSanctions' tools take it as it is.

- Agency → PublicBody; a collective designation (各县（区）政府, 有关单位: kind `collective`)
  → Organization, since it names several bodies and is no public body itself
- Official → Person; Post → Position, `organization` its agency
- an appointment and the removal that closes it (the same pairing as the RDF tenures) → one
  Occupancy with `startDate` and `endDate`; a removal that closes nothing → an Occupancy
  known only by its end
- a seat on a leading group (MEMBER_OF) → Membership with its `role`
- a task → Project (`projectId` 文号#item, `program` its programme); the agencies that lead,
  cooperate on or answer for it → ProjectParticipant with the role as the document writes it
- a sub-unit of an agency, a group's office → UnknownLink; a document → Document
Every link carries its evidence: `proof` (the Document entity), `summary` (the sentence) and
`recordId` (the edge id); every entity a document states is linked to it by Documentation.
Rivers, districts and programmes have no FTM schema of their own: they are counted, not
written (a task keeps its programme's name). Contact details are withheld unless asked.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy

from govkg.ids import make_id
from kg.dump import GraphData
from kg.export.mapping import load_mapping
from kg.export.patterns import END, START, pair_tenures
from kg.export.privacy import withheld
from kg.model import Edge, Node

SCHEMATA = {"Agency": "PublicBody", "Official": "Person", "Post": "Position", "Task": "Project", "Document": "Document"}
COLLECTIVE = "Organization"  # the schema of an Agency of kind `collective`
TASK_ROLES = {"LEADS": "牵头", "COOPERATES_ON": "配合", "RESPONSIBLE_FOR": "负责"}
LINK_ROLES = {"PART_OF": "下属单位 (part of)", "OFFICE_AT": "办公室设在 (office at)"}
COUNTRY = "cn"
_HASH_ID = re.compile(r"[a-z_]+:([0-9a-f]{8,})")


def ftm_id(kind: str, key: str) -> str:
    """`govkg-KIND-HASH`: FollowTheMoney ids take letters, digits, dots and hyphens only."""
    match = _HASH_ID.fullmatch(key)
    return f"govkg-{kind.lower()}-{match.group(1) if match else make_id(kind, key).split(':')[1]}"


class Builder:
    """Entities of one graph, in a stable order (nodes by id, then links by edge id)."""

    def __init__(self, data: GraphData):
        self.data = data
        self.docs = {n.id: ftm_id("Document", n.id) for n in data.nodes.values() if n.label == "Document"}
        self.skipped: Counter = Counter()

    def entity(self, schema: str, id_: str, **props: Any) -> EntityProxy:
        proxy = model.make_entity(schema)
        proxy.id = id_
        for name, value in props.items():
            if value not in (None, "", []):
                proxy.add(name, value)
        return proxy

    def evidence(self, edges: list[Edge]) -> dict[str, list[str]]:
        docs = [self.docs.get(str(e.props.get("doc")), ftm_id("Document", str(e.props.get("doc")))) for e in edges]
        return {"proof": docs, "summary": [e.props.get("evidence") for e in edges if e.props.get("evidence")],
                "recordId": [e.id for e in edges]}

    # -- nodes ---------------------------------------------------------------------------------

    def nodes(self) -> Iterator[EntityProxy]:
        programmes = defaultdict(list)
        for e in self.data.edges:
            if e.type == "PART_OF" and e.source.label == "Task":
                programmes[e.source.id].append(e.target.props.get("name"))
        for node in sorted(self.data.nodes.values(), key=lambda n: n.id):
            if node.label not in SCHEMATA:
                self.skipped[node.label] += 1
                continue
            yield getattr(self, f"_{node.label.lower()}")(node, programmes)

    def _agency(self, node: Node, _) -> EntityProxy:
        p = node.props
        schema = COLLECTIVE if p.get("kind") == "collective" else SCHEMATA["Agency"]
        return self.entity(schema, ftm_id("Agency", node.id), name=p.get("name"), country=COUNTRY,
                           alias=[w for w in p.get("written") or [] if w != p.get("name")],
                           classification=p.get("kind"), address=p.get("jurisdiction"))

    def _official(self, node: Node, _) -> EntityProxy:
        return self.entity("Person", ftm_id("Official", node.id), name=node.props.get("name"), country=COUNTRY,
                           address=node.props.get("jurisdiction"))

    def _post(self, node: Node, _) -> EntityProxy:
        agencies = [e.target.id for e in self.data.edges if e.type == "POST_OF" and e.source.id == node.id]
        return self.entity("Position", ftm_id("Post", node.id), name=node.props.get("name"), country=COUNTRY,
                           organization=[ftm_id("Agency", a) for a in sorted(set(agencies))],
                           description=node.props.get("title"))

    def _task(self, node: Node, programmes: dict) -> EntityProxy:
        p = node.props
        return self.entity("Project", ftm_id("Task", node.id), name=p.get("heading") or f"{p.get('doc')} {p.get('item')}",
                           projectId=f"{p.get('doc')}#{p.get('item')}", description=p.get("text"),
                           program=programmes.get(node.id), proof=self.docs.get(str(p.get("doc"))),
                           notes=p.get("deadline"))

    def _document(self, node: Node, _) -> EntityProxy:
        p = node.props
        source = str(p.get("source") or "").replace("\\", "/").rsplit("/", 1)[-1]
        issuers = [e.target.props.get("name") for e in self.data.edges if e.type == "ISSUED_BY" and e.source.id == node.id]
        return self.entity("Document", self.docs[node.id], title=p.get("title"), fileName=source or p.get("number") or node.id,
                           date=p.get("date"), publisher=issuers or p.get("issuer"), language="zho", country=COUNTRY,
                           alias=p.get("number"), notes=p.get("contacts"))

    # -- links ---------------------------------------------------------------------------------

    def links(self) -> Iterator[EntityProxy]:
        edges = sorted(self.data.edges, key=lambda e: e.id)
        yield from self._occupancies(edges)
        for edge in edges:
            if edge.type == "MEMBER_OF":
                yield self.entity("Membership", ftm_id("Membership", edge.id), member=self._end(edge.source),
                                  organization=self._end(edge.target), startDate=edge.props.get("date"),
                                  role=edge.props.get("title") or edge.props.get("role"), **self.evidence([edge]))
            elif edge.type in TASK_ROLES:
                yield self.entity("ProjectParticipant", ftm_id("Participant", edge.id), participant=self._end(edge.source),
                                  project=self._end(edge.target), role=TASK_ROLES[edge.type],
                                  date=edge.props.get("date"), **self.evidence([edge]))
            elif edge.type in LINK_ROLES and edge.source.label == edge.target.label == "Agency":
                yield self.entity("UnknownLink", ftm_id("Link", edge.id), subject=self._end(edge.source),
                                  object=self._end(edge.target), role=LINK_ROLES[edge.type], **self.evidence([edge]))
        yield from self._documentation(edges)

    def _end(self, node: Node) -> str:
        return ftm_id(node.label, node.id)

    def _occupancies(self, edges: list[Edge]) -> Iterator[EntityProxy]:
        pattern_of = {t: e.pattern for t, e in load_mapping().edges.items()}
        closed_by = pair_tenures(edges, pattern_of, key=lambda e: e.id)
        closes = {opened: removal for removal, opened in closed_by.items()}
        by_id = {e.id: e for e in edges}
        for edge in edges:
            pattern = pattern_of.get(edge.type)
            if pattern not in (START, END) or (pattern == END and edge.id in closed_by):
                continue
            end = by_id.get(closes.get(edge.id, "")) if pattern == START else edge
            start = edge if pattern == START else None
            acts = [e for e in (start, end) if e]
            yield self.entity("Occupancy", ftm_id("Occupancy", edge.id), holder=self._end(edge.source),
                              post=self._end(edge.target), startDate=start and start.props.get("date"),
                              endDate=end and end.props.get("date"), status="ended" if end else "current",
                              description=[" ".join(filter(None, (str(e.props.get("act") or ""), e.props.get("note"))))
                                           for e in acts], **self.evidence(acts))

    def _documentation(self, edges: list[Edge]) -> Iterator[EntityProxy]:
        """Document → each entity it states something of, once per pair."""
        seen = set()
        for edge in edges:
            doc = self.docs.get(str(edge.props.get("doc")))
            for node in (edge.source, edge.target):
                if doc and node.label in SCHEMATA and node.label != "Document" and (doc, node.id) not in seen:
                    seen.add((doc, node.id))
                    yield self.entity("Documentation", ftm_id("Documentation", make_id("doc", doc, node.id)),
                                      document=doc, entity=self._end(node), role="stated in")


def entities(data: GraphData, include_contacts: bool = False) -> tuple[list[EntityProxy], dict[str, int]]:
    """The entities of the graph, and what was written and left out."""
    data, redacted = withheld(data, include_contacts)
    builder = Builder(data)
    out = [*builder.nodes(), *builder.links()]
    counts = Counter(e.schema.name for e in out)
    return out, {"entities": len(out), **dict(sorted(counts.items())), "redacted": redacted,
                 **{f"left_out_{k}": v for k, v in sorted(builder.skipped.items())}}


def export_ftm(data: GraphData, path: str | Path, include_contacts: bool = False) -> dict[str, int]:
    """Write the entity stream as JSON lines (what `ftm validate` and Aleph's `ftm` tools read)."""
    found, counts = entities(data, include_contacts)
    with open(path, "w", encoding="utf-8") as fh:
        for entity in found:
            fh.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return counts
