"""The data of each explorer page, as plain dicts: the HTML templates render them and the
/api routes return them as JSON, so a script sees what a reader sees (contact details
withheld alike)."""

from __future__ import annotations

from typing import Any

from govkg.errors import KgError
from kg.review.queue import review_queue
from kg.review.records import read_decisions
from kg.serve import explore, text
from kg.serve.errors import NotFound
from kg.serve.state import Explorer

TITLES = {
    ("out", "LEADS"): "Leads (牵头)", ("in", "LEADS"): "Led by (牵头)",
    ("out", "COOPERATES_ON"): "Cooperates on (配合)", ("in", "COOPERATES_ON"): "Cooperating (配合)",
    ("out", "RESPONSIBLE_FOR"): "Answers for (负责)", ("in", "RESPONSIBLE_FOR"): "Answering (负责)",
    ("out", "POST_OF"): "Post of", ("in", "POST_OF"): "Posts",
    ("out", "APPOINTED_TO"): "Appointed to (任命)", ("in", "APPOINTED_TO"): "Appointed (任命)",
    ("out", "REMOVED_FROM"): "Removed from (免去)", ("in", "REMOVED_FROM"): "Removed (免去)",
    ("out", "MEMBER_OF"): "Member of", ("in", "MEMBER_OF"): "Members",
    ("out", "OFFICE_AT"): "Office at (办公室设在)", ("in", "OFFICE_AT"): "Hosts the office of",
    ("out", "PART_OF"): "Part of", ("in", "PART_OF"): "Parts",
    ("out", "STATED_IN"): "Stated in", ("in", "STATED_IN"): "Tasks",
    ("out", "CONCERNS"): "Concerns", ("in", "CONCERNS"): "Tasks concerning it",
    ("out", "MENTIONS"): "Mentions", ("in", "MENTIONS"): "Mentioned in",
    ("out", "ISSUED_BY"): "Issued by", ("in", "ISSUED_BY"): "Documents issued",
}
HIDDEN_PROPS = ("id", "content_hash")


def type_of(label: str, props: dict[str, Any]) -> str:
    return "group" if label == "Agency" and props.get("kind") == "leading_group" else label.lower()


def entity(ex: Explorer, node_id: str, per_type: int = 50) -> dict[str, Any]:
    """An entity page: the node, its relations by side and type, and what its label adds."""
    lab, props = explore.find_node(ex.store, node_id, ex.label_hint(node_id))
    rels = explore.relations(ex.store, lab, node_id, per_type)
    out = {"id": node_id, "label": lab, "type": type_of(lab, props), "name": explore.caption(props),
           "props": ex.redact_props({k: v for k, v in props.items() if k not in HIDDEN_PROPS}),
           "relations": [_relation(ex, r) for r in rels]}
    extra = EXTRAS.get(lab)
    if extra:
        out.update(extra(ex, node_id, props))
    return out


def _relation(ex: Explorer, rel: explore.Relation) -> dict[str, Any]:
    rows = rel.rows
    if rel.type == "MEMBER_OF":  # a group's members by rank, then name
        rank = {role: i for i, role in enumerate(explore.ROLES)}
        rows = sorted(rows, key=lambda r: (rank.get(r.get("how"), 99), r.get("name") or ""))
    return {"direction": rel.direction, "type": rel.type, "title": TITLES.get((rel.direction, rel.type), rel.type),
            "total": rel.total, "rows": ex.redact(rows)}


def _agency(ex: Explorer, node_id: str, props: dict[str, Any]) -> dict[str, Any]:
    posts: dict[str, dict[str, Any]] = {}
    for row in explore.posts_and_holders(ex.store, node_id):
        post = posts.setdefault(row["post"], {"id": row["post"], "title": row["title"], "acts": []})
        if row["edge"]:
            post["acts"].append(row)
    return {"posts": list(posts.values())}


def _official(ex: Explorer, node_id: str, props: dict[str, Any]) -> dict[str, Any]:
    return {"career": explore.career(ex.store, node_id)}


def _place(ex: Explorer, node_id: str, props: dict[str, Any], lab: str) -> dict[str, Any]:
    return {"agencies": explore.answering_agencies(ex.store, lab, node_id)}


def _document(ex: Explorer, node_id: str, props: dict[str, Any]) -> dict[str, Any]:
    facts = ex.redact(explore.document_facts(ex.store, node_id))
    facts.sort(key=lambda f: ((f.get("span") or [0])[0], f["type"], f["an"]))
    parts, problem = _source_text(ex, node_id, props.get("source"))
    shown = [[p.__dict__ for p in text.withheld(text.pieces(offset, raw, facts), ex.include_contacts)]
             for offset, raw in parts]
    return {"facts": facts, "text": shown, "source_found": bool(parts), "source_problem": problem}


def _source_text(ex: Explorer, doc: str, stored: str | None) -> tuple[list[tuple[int, str]], str | None]:
    """The document's parts as read from its file, or none and why: a page shows the facts
    whatever happened to the file since it was loaded."""
    from kg.review.store import source_file

    path = source_file(ex.settings, doc, stored)
    if path is None:
        return [], "the file it was read from is not found here"
    try:
        return text.raw_parts(path, doc, ex.settings.max_bytes), None
    except (KgError, OSError) as exc:
        return [], f"{path} cannot be read again: {exc}"


EXTRAS = {"Agency": _agency, "Official": _official, "Document": _document,
          "River": lambda ex, i, p: _place(ex, i, p, "River"), "District": lambda ex, i, p: _place(ex, i, p, "District"),
          "Program": lambda ex, i, p: _place(ex, i, p, "Program")}


def evidence(ex: Explorer, edge_id: str, doc: str | None) -> dict[str, Any]:
    """An edge's evidence: document, 文号, date, page, the sentence with the span in its
    context, the rule, the resolution decisions, the OCR confidence, and reviews of it."""
    from kg.review import review_file

    edge = explore.edge_evidence(ex.store, edge_id, doc)
    if edge is None:
        raise NotFound(f"no fact {edge_id!r}" + (f" in {doc}" if doc else ""), where="explorer")
    document = edge["document"]
    parts, _ = _source_text(ex, edge["doc"], document.get("source"))
    around = text.context(parts, edge["props"].get("span"))
    decisions = [d.to_json() | {"undone": d.undone, "summary": d.summary()}
                 for d in read_decisions(review_file(ex.settings)) if d.target.get("edge") == edge_id]
    return {**ex.redact({k: v for k, v in edge.items() if k != "document"}), "document": ex.redact_props(document),
            "context": ex.redact(list(around)) if around else None, "decisions": decisions}


def queue(ex: Explorer, limit: int = 100) -> list[dict[str, Any]]:
    from kg.review import load_review

    return ex.redact(review_queue(ex.store, load_review(ex.settings), limit=limit))


def decisions(ex: Explorer) -> list[dict[str, Any]]:
    from kg.review import review_file

    found = read_decisions(review_file(ex.settings))
    return [d.to_json() | {"undone": d.undone, "summary": d.summary()} for d in reversed(found)]
