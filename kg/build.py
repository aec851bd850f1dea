"""Facts → one DocumentGraph per document: canonical nodes, edges carrying their evidence."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath
from typing import Any

from govkg.ids import make_id
from kg.identity import DocumentParts, parts_by_key
from kg.model import DocumentGraph, Edge, Node
from kg.people import People
from kg.resolve import AgencyResolver, Resolution
from kg.schema import Schema, load_schema
from loaders.text.contacts import find_contacts
from loaders.spans.posts import parse_post
from loaders.records import Document, Evidence, Facts, GroupFact, Mention, PersonnelAct, TaskFact

ROLE_EDGES = {"lead": "LEADS", "cooperate": "COOPERATES_ON", "responsible": "RESPONSIBLE_FOR"}
MENTION_LABELS = {"river": "River", "district": "District", "program": "Program"}


class _DocumentBuilder:
    """Collects the nodes and edges of one document, checking labels against the schema."""

    def __init__(self, document: Document, resolver: AgencyResolver, schema: Schema, people: People):
        self.document = document
        self.resolver = resolver
        self.schema = schema
        self.people = people
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}

    def node(self, label: str, id_: str, **props: Any) -> Node:
        self.schema.node(label)
        props = {k: v for k, v in props.items() if v not in (None, [], "")}
        if id_ in self.nodes:
            old = self.nodes[id_].props
            if "written" in old and "written" in props:
                props["written"] = sorted(set(old["written"]) | set(props["written"]))
            props = {**old, **props}
        self.nodes[id_] = Node(label, id_, {"id": id_, **props})
        return self.nodes[id_]

    def edge(self, type_: str, source: Node, target: Node, evidence: Evidence | None, **props: Any) -> Edge:
        if not self.schema.edge(type_).allows(source.label, target.label):
            raise ValueError(f"schema does not allow ({source.label})-[:{type_}]->({target.label})")
        ev = self._provenance(evidence)
        id_ = make_id("edge", type_, source.id, target.id, ev["doc"], ev.get("span"), props.get("role"))
        props = {k: v for k, v in {**ev, **props}.items() if v not in (None, [], "")}
        self.edges[id_] = Edge(type_, source, target, id_, {"id": id_, **props})
        return self.edges[id_]

    def _provenance(self, evidence: Evidence | None) -> dict[str, Any]:
        d = self.document
        base = {"doc": d.key, "date": d.date, "source": d.text.source.path}
        if evidence is None:
            return {**base, "evidence": d.title, "page": d.pages[0], "rule": "segment"}
        return {**base, "evidence": evidence.sentence, "page": evidence.page,
                "span": [evidence.start, evidence.end], "rule": evidence.rule,
                "contact": bool(find_contacts(evidence.sentence)) or None,
                "ocr_confidence": evidence.ocr_confidence}

    # -- entities ---------------------------------------------------------------------------

    def agency(self, written: str) -> tuple[Node, Resolution]:
        r = self.resolver.resolve(written, self.document.jurisdiction)
        scope = self.document.jurisdiction if r.kind == "collective" else None
        node = self.node("Agency", make_id("agency", scope, r.canonical), name=r.canonical,
                         written=[r.written], kind=r.kind, known=r.known,
                         jurisdiction=self.document.jurisdiction, resolution=r.decisions)
        if r.parent:
            parent, _ = self.agency(r.parent)
            self.edge("PART_OF", node, parent, None, rule="resolve")
        return node, r

    def official(self, name: str, agency: str | None = None) -> Node:
        """The person a mention names; `agency` (canonical) is the context judgements use."""
        jurisdiction = self.document.jurisdiction
        key = self.people.key(name, jurisdiction, agency)
        return self.node("Official", make_id("official", *key), name=name, jurisdiction=jurisdiction)

    def title_agency(self, title: str) -> str | None:
        """The canonical agency a title names (市卫生健康委员会副主任 → 阳泉市卫生健康委员会)."""
        post = parse_post(title, 0, len(title))
        if post is None or post.org is None:
            return None
        return self.resolver.resolve(title[post.org[0]:post.org[1]], self.document.jurisdiction).canonical

    def written_props(self, r: Resolution) -> dict[str, Any]:
        return {"written": r.written, "resolution": r.decisions} if r.changed else {}


def _document_node(b: _DocumentBuilder, parts: DocumentParts) -> Node:
    d = b.document
    texts = [p.text.text[p.start:p.end] for p in parts.parts]
    node = b.node("Document", d.key, number=d.number, title=_title(d), issuer=d.issuer, date=d.date,
                  source=d.text.source.path, pages=sorted({n for p in parts.parts for n in p.pages}),
                  content_hash=parts.hash,
                  contacts=list(dict.fromkeys(c.value for t in texts for c in find_contacts(t))))
    if d.issuer:
        issuer, r = b.agency(d.issuer)
        b.edge("ISSUED_BY", node, issuer, None, **b.written_props(r))
    return node


def _title(document: Document) -> str:
    """What the graph calls a document: its title; a text that writes none (a news report opening
    with its lead) by its number, else by its file's name, as a portal's record needs a title."""
    return document.title or document.number or PurePath(document.text.source.path or document.key).name


def _act(b: _DocumentBuilder, act: PersonnelAct) -> None:
    agency = None
    if act.org:
        agency, r = b.agency(act.org)
        post = b.node("Post", make_id("post", agency.props["name"], act.post),
                      name=agency.props["name"] + act.post, title=act.post, agency=agency.props["name"])
        b.edge("POST_OF", post, agency, act.evidence, **b.written_props(r))
    else:
        post = b.node("Post", make_id("post", b.document.jurisdiction, act.post), name=act.post,
                      title=act.post)
    person = b.official(act.person, agency.props["name"] if agency else None)
    type_ = "APPOINTED_TO" if act.kind == "appointment" else "REMOVED_FROM"
    b.edge(type_, person, post, act.evidence, act=act.act, note=act.note, body=act.body,
           meeting=act.meeting, decided=act.decided)


def _task(b: _DocumentBuilder, task: TaskFact, doc_node: Node, programs: list[Node]) -> None:
    node = b.node("Task", make_id("task", task.doc, task.item), doc=task.doc, item=str(task.item),
                  text=task.text, heading=task.heading, deadline=task.deadline)
    b.edge("STATED_IN", node, doc_node, task.evidence)
    for role, type_ in ROLE_EDGES.items():
        for written in getattr(task, role):
            agency, r = b.agency(written)
            b.edge(type_, agency, node, task.evidence, **b.written_props(r))
    for label, names in (("River", task.rivers), ("District", task.districts)):
        for name in names:
            b.edge("CONCERNS", node, _place(b, label, name), task.evidence)
    for program in programs:
        b.edge("PART_OF", node, program, task.evidence)


def _place(b: _DocumentBuilder, label: str, name: str, canonical: str | None = None) -> Node:
    name_ = canonical or b.resolver.directory.variants.get(name, (name, ""))[0]
    return b.node(label, make_id(label, name_), name=name_, written=[name])


def _group(b: _DocumentBuilder, group: GroupFact) -> None:
    node, _ = b.agency(group.name)
    b.nodes[node.id] = Node("Agency", node.id, {**node.props, "kind": "leading_group"})
    node = b.nodes[node.id]
    for m in group.members:
        person = b.official(m.person, b.title_agency(m.title))
        b.edge("MEMBER_OF", person, node, m.evidence, role=m.role, title=m.title)
    for written in group.member_agencies:
        agency, r = b.agency(written)
        b.edge("MEMBER_OF", agency, node, group.evidence, role="member", **b.written_props(r))
    if group.office_at:
        office, r = b.agency(group.office_at)
        b.edge("OFFICE_AT", node, office, group.evidence, **b.written_props(r))


def _programs(b: _DocumentBuilder, mentions: list[Mention]) -> list[Node]:
    """The programs a document serves: those its title names."""
    title = b.document.title
    return [_place(b, "Program", m.name, m.canonical) for m in mentions
            if m.kind == "program" and (m.canonical or m.name) in title]


def _anchor_loose_nodes(b: _DocumentBuilder, doc_node: Node) -> None:
    """A node the document names without any fact (a group with no members listed) hangs on
    a MENTIONS edge, so that replacing or deleting the document can find and remove it."""
    touched = {n.id for e in b.edges.values() for n in (e.source, e.target)}
    for node in list(b.nodes.values()):
        if node.id not in touched and node.id != doc_node.id:
            b.edge("MENTIONS", doc_node, node, None)


class GraphBuilder:
    def __init__(self, resolver: AgencyResolver | None = None, schema: Schema | None = None,
                 people: People | None = None):
        self.resolver = resolver or AgencyResolver()
        self.schema = schema or load_schema()
        self.people = people or People()

    def build(self, facts: Facts) -> list[DocumentGraph]:
        """One graph per document key. Parts of a file that carry another text under the same
        key are left out, and named in `self.collisions` for the load to report."""
        groups = parts_by_key(facts.documents)
        self.collisions = [line for g in groups for line in g.collisions()]
        by_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for kind in ("acts", "tasks", "groups", "mentions"):
            for fact in getattr(facts, kind):
                by_doc[fact.doc][kind].append(fact)
        self._observe(facts)
        return [self._reviewed(self._document(g, _without_others(by_doc[g.key], g))) for g in groups]

    def _reviewed(self, graph: DocumentGraph) -> DocumentGraph:
        """Reviewers' decisions win over the rules (kg.review); they travel with the judgements."""
        review = getattr(self.people, "review", None)
        return review.apply(graph) if review else graph

    def _observe(self, facts: Facts) -> None:
        """Note every full agency name first, so short forms anywhere in the file can match."""
        jurisdiction = {d.key: d.jurisdiction for d in facts.documents}
        for task in facts.tasks:
            for written in task.lead + task.cooperate + task.responsible:
                self.resolver.observe(written, jurisdiction.get(task.doc))
        for act in facts.acts:
            if act.org:
                self.resolver.observe(act.org, jurisdiction.get(act.doc))

    def _document(self, parts: DocumentParts, facts: dict[str, list]) -> DocumentGraph:
        document = parts.main
        b = _DocumentBuilder(document, self.resolver, self.schema, self.people)
        doc_node = _document_node(b, parts)
        programs = _programs(b, facts["mentions"])
        for act in facts["acts"]:
            _act(b, act)
        for task in facts["tasks"]:
            _task(b, task, doc_node, programs)
        for group in facts["groups"]:
            _group(b, group)
        mentioned: set[str] = set()
        for m in facts["mentions"]:  # one MENTIONS edge per place, with its first evidence
            place = _place(b, MENTION_LABELS[m.kind], m.name, m.canonical)
            if place.id not in mentioned:
                mentioned.add(place.id)
                b.edge("MENTIONS", doc_node, place, m.evidence)
        _anchor_loose_nodes(b, doc_node)
        return DocumentGraph(document.key, doc_node.props["content_hash"],
                             list(b.nodes.values()), list(b.edges.values()))


def _without_others(facts: dict[str, list], parts: DocumentParts) -> dict[str, list]:
    """The facts of a key read from its parts, not from other texts that share its number."""
    if not parts.others:
        return facts
    spans = [d.text.raw_span(d.start, d.end) for d in parts.others]
    inside = lambda fact: any(a <= fact.evidence.start < b for a, b in spans)  # noqa: E731
    return defaultdict(list, {kind: [f for f in found if not inside(f)] for kind, found in facts.items()})
