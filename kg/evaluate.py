"""Score extracted facts against a gold file (the facts JSON format): P, R, F1 per fact kind.

Names are compared on their matching key (simplified script, NFKC, no spaces), so
`各县(区)政府` written with half-width brackets matches the gold's `各县（区）政府`, and a gold
written in traditional characters matches the same names found in either script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import opencc

from loaders.text.normalize import normalize_key

_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def k(name: str) -> str:
    """The key two written forms of one name share: simplified script, NFKC, no spaces."""
    return normalize_key(_TO_SIMPLIFIED.convert(name))

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
            yield k(a["doc"]), k(a["person"]), k((a.get("org") or "") + (a.get("post") or ""))
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


def _leads(data: dict) -> Iterable[Key]:
    return (key for key in _assignments(data) if key[2] == "lead")


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
    "lead_units": _leads,
    "group_members": _members,
    "rivers": _rivers,
    "task_rivers": _task_rivers,
}


# Kinds scored only on the documents whose gold lists them: a gold file complete for a
# document's acts may leave its tasks or groups out (the sample gazette's gold does).
COVERED_KINDS = ("task_agencies", "lead_units", "group_members", "task_rivers")


def _covered(kind: str, gold_keys: set[Key], docs: set[str] | None) -> set[str] | None:
    """The documents a kind is scored on, or None for all of them."""
    if kind not in COVERED_KINDS:
        return None
    return {key[0] for key in gold_keys} if docs is None else {k(d) for d in docs}


def _pair(gold: dict, found: dict, kind: str, docs: set[str] | None) -> tuple[set[Key], set[Key]]:
    g, f = set(KINDS[kind](gold)), set(KINDS[kind](found))
    covered = _covered(kind, g, docs)
    if covered is not None:
        f = {key for key in f if key[0] in covered}
    return g, f


def score(gold: dict, found: dict, docs: set[str] | None = None) -> list[Score]:
    """Scores per kind; `docs` limits task and group kinds to the documents the gold covers
    (by default, those it lists tasks or groups for)."""
    scores = []
    for kind in KINDS:
        g, f = _pair(gold, found, kind, docs)
        scores.append(Score(kind, len(g), len(f), len(g & f)))
    return scores


def differences(gold: dict, found: dict, kind: str, docs: set[str] | None = None) -> tuple[set[Key], set[Key]]:
    """(missed, extra) keys of one kind: what a reader checks when a score drops."""
    g, f = _pair(gold, found, kind, docs)
    return g - f, f - g
