"""Review: people correct the graph, and the correction survives every later load.

A decision (kg.review.records) is appended to the reviews file, applied at once to the store
(kg.review.store) and, from then on, to every document built (kg.build, through kg.people):
decisions win over the rules. `kg serve --review` and `kg review …` both come here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govkg.settings import Settings
from kg.review.apply import Review
from kg.review.records import Decision, append, decision, find, read_decisions, reviews_path

__all__ = ["Decision", "Review", "decide", "load_review", "people_for", "review_file", "undo"]


def review_file(settings: Settings) -> Path:
    return reviews_path(settings.judgements_path)


def load_review(settings: Settings) -> Review:
    return Review(read_decisions(review_file(settings)))


def people_for(settings: Settings):
    """The people judgements with the reviewers' decisions: what every load builds with."""
    from kg.people import People, read_judgements

    return People(read_judgements(settings.judgements_path), review=load_review(settings))


def decide(store, settings: Settings, kind: str, target: dict[str, Any], who: str | None = None,
           why: str = ""):
    """Record a decision and apply it to the store, under the writer lock (a load running
    refuses it before anything is recorded); returns it and what it changed (Applied)."""
    from kg.lock import writer_lock
    from kg.review.store import REREAD, affected_documents, reread, rewrite

    with writer_lock(settings.data_dir, "kg review"):
        found = decision(kind, target, who, why)
        docs = affected_documents(store, found) if kind != "confirm" else []
        append(review_file(settings), found)
        if kind in REREAD:
            return found, reread(store, settings, docs, people_for(settings))
        return found, rewrite(store, docs, load_review(settings))


def undo(store, settings: Settings, decision_id: str, who: str | None = None, why: str = ""):
    """Undo a decision: the documents it changed are read again from their files without it."""
    from kg.lock import writer_lock
    from kg.review.store import reread, undo_documents

    with writer_lock(settings.data_dir, "kg review"):
        decisions = read_decisions(review_file(settings))
        undone = find(decisions, decision_id)
        docs = undo_documents(store, undone, Review(decisions)) if undone.kind != "confirm" else []
        found = decision("undo", {"decision": undone.id, "summary": undone.summary()}, who, why)
        append(review_file(settings), found)
        return found, reread(store, settings, docs, people_for(settings))
