"""A decision reaches the store the moment it is made, as it would through a new load.

Most decisions only take something away from what is stored (a fact, a node merged into
another, a form split off), so the documents they touch are read back from the store,
reviewed (kg.review.apply) and written again, each whole (`Store.write_document`). A person
split and an undo need what the rules read before any decision: those documents are read
again from their files, as `kg load --force` would (a file that is gone leaves the decision
recorded, to apply at the next load of the document). Writes hold the data directory's
writer lock, so a review never interleaves with a load.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from govkg.ids import make_id
from govkg.settings import Settings
from kg.model import DocumentGraph, Edge, Node
from kg.review.apply import Review
from kg.review.records import Decision
from kg.schema import load_schema
from kg.stores.base import Store
from kg.stores.cypher import label, rel_type

REREAD = ("split_person", "undo")  # decisions whose documents are read again from their files


@dataclass
class Applied:
    """What a decision changed: the documents rewritten, the node ids before and after (for
    the search index), and notes for the reviewer."""

    docs: list[str] = field(default_factory=list)
    nodes: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def stored_document(store: Store, doc: str) -> DocumentGraph | None:
    """What the store holds of one document: its Document node and its edges with their ends."""
    rows = store.query(f"MATCH (d:{label('Document')} {{id: $doc}}) RETURN properties(d) AS p", {"doc": doc})
    if not rows:
        return None
    nodes = {doc: Node("Document", doc, rows[0]["p"])}
    edges = []
    for row in store.query(_edges_of_document(), {"doc": doc}):
        ends = []
        for end in ("a", "b"):
            props = row[end]
            ends.append(nodes.setdefault(props["id"], Node(row[f"l{end}"], props["id"], props)))
        edges.append(Edge(row["type"], ends[0], ends[1], row["r"]["id"], row["r"]))
    return DocumentGraph(doc, rows[0]["p"].get("content_hash", ""), list(nodes.values()), edges)


def _edges_of_document() -> str:
    return " UNION ALL ".join(
        f"MATCH (a)-[r:{rel_type(t)} {{doc: $doc}}]->(b) RETURN type(r) AS type, labels(a)[0] AS la, "
        "properties(a) AS a, labels(b)[0] AS lb, properties(b) AS b, properties(r) AS r" for t in load_schema().edges)


def affected_documents(store: Store, found: Decision) -> list[str]:
    """The documents a decision changes: those with a fact it names or on a node it names."""
    t = found.target
    if found.kind in ("confirm", "reject"):
        return [t["doc"]]
    if found.kind == "split_person":
        return _docs_of(store, "Official", None, t["name"])
    nodes = {"merge": lambda: [(t["label"], t["drop"]["id"])],
             "rename": lambda: [("Agency", t["agency"]["id"])],
             "split_agency": lambda: [("Agency", t["agency"]["id"])],
             "post_agency": lambda: [("Post", t["post"]["id"])]}[found.kind]()
    return sorted({doc for lab, node_id in nodes for doc in _docs_of(store, lab, node_id)})


def undo_documents(store: Store, undone: Decision, review: Review) -> list[str]:
    """The documents an undo must read again: those the decision changed, found by the ids
    the decision gave their nodes, by those they had, and by the ids later merges or renames
    gave them (`review`: the decisions in force)."""
    t = undone.target
    if undone.kind in ("confirm", "reject", "split_person"):
        return affected_documents(store, undone)
    ids = {"merge": lambda: [(t["label"], t["keep"]["id"]), (t["label"], t["drop"]["id"])],
           "rename": lambda: [("Agency", t["new_id"]), ("Agency", t["agency"]["id"])],
           "split_agency": lambda: [("Agency", t["new_id"])],
           "post_agency": lambda: [("Post", t["post"]["id"]),
                                   ("Post", make_id("post", t["agency"]["name"], t["post"].get("title", "")))]}
    keys = {(lab, i) for lab, node_id in ids[undone.kind]() for i in (node_id, review.remaps.get(node_id, (node_id,))[0])}
    return sorted({doc for lab, node_id in keys for doc in _docs_of(store, lab, node_id)})


def _docs_of(store: Store, lab: str, node_id: str | None, name: str | None = None) -> list[str]:
    key = "{id: $key}" if node_id else "{name: $key}"
    rows = store.query(f"MATCH (n:{label(lab)} {key})-[r]-() RETURN DISTINCT r.doc AS doc", {"key": node_id or name})
    return sorted(row["doc"] for row in rows if row["doc"])


def rewrite(store: Store, docs: list[str], review: Review) -> Applied:
    """Apply the decisions to the stored documents, each written whole."""
    out = Applied(list(docs))
    for doc in docs:
        before = stored_document(store, doc)
        if before is None:
            out.notes.append(f"{doc}: not in the store; the decision applies when it is loaded")
            continue
        after = review.apply(before)
        store.write_document(after)
        out.nodes |= {n.id for n in before.nodes} | {n.id for n in after.nodes}
    return out


def reread(store: Store, settings: Settings, docs: list[str], people) -> Applied:
    """Read the documents again from their files with the decisions in force (`people`
    carries them), as `kg load --force` of those files."""
    from kg.load import load_paths

    out, files = Applied(list(docs)), {}
    for doc in docs:
        before = stored_document(store, doc)
        source = source_file(settings, doc, before.nodes[0].props.get("source") if before else None)
        if before is not None:
            out.nodes |= {n.id for n in before.nodes}
        if source is None:
            out.notes.append(f"{doc}: its file is not found; the change applies at its next `kg load --force`")
        else:
            files.setdefault(source, []).append(doc)
    if files:
        report = load_paths(sorted(files), store, force=True, people=people)
        out.notes += report.failures
    for doc in docs:
        after = stored_document(store, doc)
        out.nodes |= {n.id for n in after.nodes} if after else set()
    return out


def source_file(settings: Settings, doc: str, stored: str | None) -> Path | None:
    """The file a document was read from: as stored when it is still there (a relative path
    is relative to where `kg load` ran, so the file index's absolute path is tried next)."""
    if stored and Path(stored).is_absolute() and Path(stored).is_file():
        return Path(stored)
    index = settings.data_dir / "files.sqlite"
    if index.is_file():
        with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT path, docs FROM files WHERE instr(docs, ?) > 0",
                              (json.dumps(doc, ensure_ascii=False),)).fetchall()
        for path, docs in rows:
            if any(key == doc for key, _ in json.loads(docs)) and Path(path).is_file():
                return Path(path)
    if stored and Path(stored).is_file():
        return Path(stored).resolve()
    return None
