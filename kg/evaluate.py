"""Score extracted facts against a gold file (the facts JSON format): P, R, F1 per fact kind.

Names are compared on their matching key (NFKC, no spaces), so `各县(区)政府` written with
half-width brackets matches the gold's `各县（区）政府`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from loaders.normalize import normalize_key as k

Key = tuple


@dataclass(frozen=True)
class Score:
    kind: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "gold": self.gold, "found": self.found, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _documents(data: dict) -> Iterable[Key]:
    for d in data.get("documents", []):
        yield k(d.get("number") or ""), d.get("date"), k(d.get("title") or "")


def _acts(kind: str) -> Callable[[dict], Iterable[Key]]:
    def keys(data: dict) -> Iterable[Key]:
        for a in data.get(kind, []):
            yield k(a["doc"]), k(a["person"]), k((a.get("org") or "") + a["post"])
    return keys


def _assignments(data: dict) -> Iterable[Key]:
    for t in data.get("tasks", []):
        for role in ("lead", "cooperate", "responsible"):
            for agency in t.get(role, []):
                yield k(t["doc"]), k(str(t["item"])), role, k(agency)


def office_title_key(title: str) -> str:
    """An office post compared by its core: gold files write `办公室副主任（兼）` where the
    document says `副主任由任仔苏兼任` after naming the office, and extraction keeps the text."""
    core = k(title).removeprefix("办公室")
    return core.removesuffix("(兼)")


def _members(data: dict) -> Iterable[Key]:
    for g in data.get("groups", []):
        for role in ("leader", "deputy", "members", "office_staff"):
            for m in g.get(role, []):
                title = m.get("title") or ""
                key = office_title_key(title) if role == "office_staff" else k(title)
                yield k(g["doc"]), k(m["person"]), role, key


def _rivers(data: dict) -> Iterable[Key]:
    return ((k(r),) for r in data.get("rivers", []))


def _task_rivers(data: dict) -> Iterable[Key]:
    for t in data.get("tasks", []):
        for river in t.get("rivers", []):
            yield k(t["doc"]), k(str(t["item"])), k(river)


KINDS: dict[str, Callable[[dict], Iterable[Key]]] = {
    "documents": _documents,
    "appointments": _acts("appointments"),
    "removals": _acts("removals"),
    "task_agencies": _assignments,
    "group_members": _members,
    "rivers": _rivers,
    "task_rivers": _task_rivers,
}


def score(gold: dict, found: dict, docs: set[str] | None = None) -> list[Score]:
    """Scores per kind; `docs` limits task and group kinds to the documents the gold covers."""
    scores = []
    for kind, keys in KINDS.items():
        g, f = set(keys(gold)), set(keys(found))
        if kind in ("task_agencies", "group_members", "task_rivers"):
            covered = {key[0] for key in g} if docs is None else {k(d) for d in docs}
            f = {key for key in f if key[0] in covered}
        scores.append(Score(kind, len(g), len(f), len(g & f)))
    return scores


def differences(gold: dict, found: dict, kind: str) -> tuple[set[Key], set[Key]]:
    """(missed, extra) keys of one kind: what a reader checks when a score drops."""
    g, f = set(KINDS[kind](gold)), set(KINDS[kind](found))
    if kind in ("task_agencies", "group_members", "task_rivers"):
        f = {key for key in f if key[0] in {key[0] for key in g}}
    return g - f, f - g
