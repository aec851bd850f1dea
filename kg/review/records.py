"""Reviewers' decisions as records: who decided what, when and why, kept in one file.

The file (`reviews.jsonl` beside the judgements file, KG_JUDGEMENTS: by default both in
KG_DATA_DIR) holds one JSON object a line and is only ever appended to, so it is the history:
undoing a decision appends an `undo` naming it. A decision says what it applies to in
`target`, by stable keys (an edge's id and document, node ids), with the names a reader needs:

| kind | target | effect |
|---|---|---|
| confirm | edge, doc, type, summary | none on the graph: the fact leaves the review queue |
| reject | edge, doc, type, summary | the fact is left out of the graph |
| merge | label (Agency, Official), keep {id, name}, drop {id, name} | `drop` becomes `keep` |
| rename | agency {id, name}, name, new_id | the agency's canonical name (and so its id) |
| split_agency | agency {id, name}, written, name, new_id | facts that wrote `written` get an agency of their own |
| split_person | name, jurisdiction, left, right | a `not_same` judgement on the official (kg.people) |
| post_agency | post {id, name, title}, agency {id, name} | the post belongs to that agency |
| undo | decision | the named decision no longer counts |
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from govkg.errors import InputError, QueryError
from govkg.ids import make_id
from kg.datadir import private_open

# kind → the keys its target must have
TARGETS: dict[str, tuple[str, ...]] = {
    "confirm": ("edge", "doc"), "reject": ("edge", "doc"),
    "merge": ("label", "keep", "drop"), "rename": ("agency", "name", "new_id"),
    "split_agency": ("agency", "written", "name", "new_id"),
    "split_person": ("name", "jurisdiction", "left", "right"),
    "post_agency": ("post", "agency"), "undo": ("decision",),
}
MERGEABLE = ("Agency", "Official")


@dataclass(frozen=True)
class Decision:
    kind: str
    target: dict[str, Any]
    who: str
    why: str = ""
    at: str = ""
    id: str = ""
    undone: bool = field(default=False, compare=False)  # set when read: an undo names it

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "undone"}

    def summary(self) -> str:
        """One line a reviewer reads: what the decision does."""
        t = self.target
        return {
            "confirm": lambda: f"confirm {t.get('summary') or t['edge']}",
            "reject": lambda: f"reject {t.get('summary') or t['edge']}",
            "merge": lambda: f"merge {t['label']} {t['drop'].get('name')} into {t['keep'].get('name')}",
            "rename": lambda: f"rename {t['agency'].get('name')} to {t['name']}",
            "split_agency": lambda: f"split {t['written']} off {t['agency'].get('name')} as {t['name']}",
            "split_person": lambda: f"{t['name']} of {t['left']} is not {t['name']} of {t['right']}",
            "post_agency": lambda: f"post {t['post'].get('name')} belongs to {t['agency'].get('name')}",
            "undo": lambda: f"undo {t['decision']}",
        }[self.kind]()


def decision(kind: str, target: dict[str, Any], who: str | None = None, why: str = "") -> Decision:
    """A new decision, checked, stamped with the reviewer (`who`, else the login name from the
    environment) and the time; its id is a hash of all of that."""
    if kind not in TARGETS:
        raise QueryError(f"unknown decision {kind!r}", where="review", hint=f"valid: {', '.join(TARGETS)}")
    missing = [k for k in TARGETS[kind] if target.get(k) in (None, "", {})]
    if missing:
        raise QueryError(f"a {kind} decision needs {', '.join(missing)}", where="review")
    if kind == "merge" and target["label"] not in MERGEABLE:
        raise QueryError(f"only {' and '.join(MERGEABLE)} nodes merge, not {target['label']}", where="review")
    who = (who or reviewer()).strip()
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Decision(kind, target, who, why.strip(), at, make_id("review", kind, who, at, json.dumps(target, sort_keys=True)))


def reviewer() -> str:
    """Who is deciding when no `--reviewer` is given: the login name (LOGNAME, USER)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def reviews_path(judgements_path: Path) -> Path:
    """Beside the people judgements (KG_JUDGEMENTS), so one setting moves both."""
    return Path(judgements_path).with_name("reviews.jsonl")


def read_decisions(path: Path) -> list[Decision]:
    """Every decision in the file, in order, those an undo names marked `undone`."""
    if not Path(path).is_file():
        return []
    out: list[Decision] = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if line.strip():
                out.append(_parse(line, line_no, path))
    undone = {d.target["decision"] for d in out if d.kind == "undo"}
    return [Decision(**{**d.to_json(), "undone": d.id in undone}) for d in out]


def _parse(line: str, line_no: int, path: Path) -> Decision:
    try:
        raw = json.loads(line)
        found = Decision(**{k: raw[k] for k in ("kind", "target", "who", "why", "at", "id")})
    except (ValueError, KeyError, TypeError):
        raise InputError(f"line {line_no}: not a decision (kind, target, who, why, at, id)", where=str(path)) from None
    if found.kind not in TARGETS:
        raise InputError(f"line {line_no}: unknown decision {found.kind!r}", where=str(path))
    return found


def append(path: Path, found: Decision) -> None:
    """Add a decision at the end of the file (created 0600: it names reviewers)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(private_open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(found.to_json(), ensure_ascii=False, sort_keys=True) + "\n")


def active(decisions: list[Decision]) -> list[Decision]:
    """The decisions that count: not undone, not undos themselves."""
    return [d for d in decisions if not d.undone and d.kind != "undo"]


def find(decisions: list[Decision], decision_id: str) -> Decision:
    """The decision an id (or the start of one, as `kg review list` shows it) names."""
    found = [d for d in decisions if d.id == decision_id or d.id.startswith(decision_id)]
    if len(found) != 1 or found[0].kind == "undo":
        hint = f"{len(found)} decisions start so" if found else "see `kg review list`"
        raise QueryError(f"no decision {decision_id!r} to undo", where="review", hint=hint)
    if found[0].undone:
        raise QueryError(f"decision {found[0].id} is already undone", where="review")
    return found[0]
