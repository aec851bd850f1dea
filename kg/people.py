"""Who is who: officials' identity across documents, as a record of judgements.

The rule: one name in one jurisdiction is one person (two officials of one city government
rarely share a full name, and careers move between agencies, so agency alone cannot split).
A judgement overrides the rule and survives re-extraction: `not_same` between two agency
contexts of a name makes them two people; `same` joins contexts again; `unsure` is kept for
review and changes nothing. A `not_same` is never overridden by a rule.

Judgements live in a CSV (KG_JUDGEMENTS, default `judgements.csv` in KG_DATA_DIR):
`name,jurisdiction,left,right,decision,note,at` — left and right are canonical agency names.
"""

from __future__ import annotations

import csv
import os
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from govkg.errors import InputError, QueryError
from kg.datadir import private_open

DECISIONS = ("same", "not_same", "unsure")
FIELDS = ["name", "jurisdiction", "left", "right", "decision", "note", "at"]


@dataclass(frozen=True)
class Judgement:
    name: str
    jurisdiction: str
    left: str
    right: str
    decision: str
    note: str = ""
    at: str = ""


def read_judgements(path: Path) -> list[Judgement]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for line, row in enumerate(rows, start=2):
        if row.get("decision") not in DECISIONS or not row.get("name"):
            raise InputError(f"line {line}: a judgement needs a name and a decision in {DECISIONS}", where=str(path))
        out.append(Judgement(**{k: row.get(k) or "" for k in FIELDS}))
    return out


def record_judgement(path: Path, judgement: Judgement) -> None:
    """Append one judgement (the file keeps the history; the last word on a pair counts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0  # an empty file gets its header too
    # judgements name people: the file is the owner's only, as the store's files are
    with os.fdopen(private_open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "a", encoding="utf-8",
                   newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        if new:
            writer.writeheader()
        writer.writerow(asdict(judgement) | {"at": judgement.at or date.today().isoformat()})


class People:
    """Maps a mention (name, jurisdiction, agency context) to a person key.

    `review` (kg.review.Review) carries reviewers' decisions along with the judgements to
    wherever documents are built: its person splits are `not_same` judgements here, and
    kg.build applies the rest to each document graph."""

    def __init__(self, judgements: list[Judgement] | None = None, review=None):
        self.review = review
        judgements = [*(judgements or []), *(_reviewed_splits(review) if review is not None else [])]
        self._split: dict[tuple[str, str], dict[str, str]] = {}
        for (name, jurisdiction), decisions in self._latest(judgements).items():
            self._split[(name, jurisdiction)] = _clusters(decisions)

    @staticmethod
    def _latest(judgements: list[Judgement]) -> dict[tuple[str, str], dict[frozenset, str]]:
        latest: dict[tuple[str, str], dict[frozenset, str]] = {}
        for j in judgements:
            latest.setdefault((j.name, j.jurisdiction), {})[frozenset((j.left, j.right))] = j.decision
        return latest

    def key(self, name: str, jurisdiction: str | None, agency: str | None) -> tuple[str, ...]:
        """(jurisdiction, name) by the rule; with a third part when judgements split the name."""
        clusters = self._split.get((name, jurisdiction or ""))
        if not clusters or agency is None or agency not in clusters:
            return (jurisdiction or "", name)
        return (jurisdiction or "", name, clusters[agency])


def _reviewed_splits(review) -> list[Judgement]:
    """A reviewer's "these two are different people" (kg.review split_person) as a judgement."""
    return [Judgement(d.target["name"], d.target.get("jurisdiction") or "", d.target["left"], d.target["right"],
                      "not_same", d.why, d.at[:10]) for d in review.person_splits]


def _clusters(decisions: dict[frozenset, str]) -> dict[str, str]:
    """Agency → representative, when `not_same` says a name covers several people; agencies
    joined by `same` share one representative."""
    if "not_same" not in decisions.values():
        return {}
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        parent.setdefault(a, a)
        while parent[a] != a:
            a = parent[a]
        return a

    for pair, decision in decisions.items():
        a, b = (sorted(pair) * 2)[:2]
        find(a), find(b)
        if decision == "same":
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra
    return {agency: find(agency) for agency in parent}


def judged_names(store, name: str, left: str, right: str) -> tuple[str, str, str]:
    """The official and the two agencies of a judgement as the store names them: a name in no
    document is a QueryError with the nearest names (kg.names), and an agency's written or short
    form becomes its canonical name, which judgements key on."""
    from kg.names import lookup

    official = lookup(store, "Official").matches(name)
    if name not in {canonical for canonical, _ in official}:  # a judgement is on a name as written
        raise QueryError(f"no Official named {name!r} in the store", where="kg judge",
                         hint=f"did you mean {' or '.join(dict.fromkeys(c for c, _ in official[:3]))}?")
    agencies = lookup(store, "Agency")
    return name, _one_agency(agencies, left), _one_agency(agencies, right)


def _one_agency(agencies, written: str) -> str:
    canonical = list(dict.fromkeys(c for c, _ in agencies.matches(written)))
    if len(canonical) > 1:
        raise QueryError(f"{written!r} names {len(canonical)} agencies: {', '.join(canonical[:4])}",
                         where="kg judge", hint="write the canonical name")
    return canonical[0]
