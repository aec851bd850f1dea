"""The review queue: facts in the order a reviewer should look at them, most doubtful first.

A fact's doubt comes from three measured signs, each a chance that it is wrong:
- the OCR confidence of the line it was read from (`ocr_confidence` on the edge): 1 − c;
- a name the gazetteer does not know at either end (an agency with `known: false`): 0.3;
- the precision of the rule that read it on the development half of the real documents
  (`kg eval --by-rule`, kept by `make eval` in rule_precision.json beside this module): 1 − p.
Together: 1 − Π(1 − doubt), the chance that at least one of them bites. Facts a reviewer
confirmed are left out (rejected ones are gone from the store). Only facts showing some sign
are read, type by type, at most `scan` of each: on a large graph the queue is a sample.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.review.apply import Review
from kg.schema import load_schema
from kg.stores.base import Store
from kg.stores.cypher import rel_type

UNKNOWN_NAME = 0.3
SURE_OCR = 0.95  # OCR lines at least this sure are no sign of doubt
NOT_FACTS = ("STATED_IN", "MENTIONS")  # structure of a document, not claims to review


@lru_cache(maxsize=1)
def rule_precision() -> dict[str, float]:
    """rule → precision measured by `make eval` (empty when never measured)."""
    try:
        table = json.loads(resources.files("kg.review").joinpath("rule_precision.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {rule: row["precision"] for rule, row in table.get("rules", {}).items()}


def doubt(row: dict[str, Any], precision: dict[str, float]) -> tuple[float, list[str]]:
    """The fact's doubt and the reasons, one short phrase each."""
    chances, reasons = [], []
    ocr = row.get("ocr")
    if isinstance(ocr, (int, float)) and ocr < SURE_OCR:
        chances.append(1 - ocr)
        reasons.append(f"OCR confidence {ocr:.2f}")
    for end in ("a", "b"):
        if row.get(f"{end}_known") is False:
            chances.append(UNKNOWN_NAME)
            reasons.append(f"unknown name {row[end + 'n']}")
    p = precision.get(row.get("rule") or "")
    if p is not None and p < 1:
        chances.append(1 - p)
        reasons.append(f"rule {row['rule']} precision {p:.2f}")
    left = 1.0
    for chance in chances:
        left *= 1 - chance
    return round(1 - left, 4), reasons


def _candidates(type_: str) -> str:
    return (f"MATCH (a)-[r:{rel_type(type_)}]->(b) "
            "WHERE r.ocr_confidence < $sure OR a.known = false OR b.known = false OR r.rule IN $weak "
            "RETURN r.id AS edge, r.doc AS doc, type(r) AS type, r.rule AS rule, r.ocr_confidence AS ocr, "
            "r.evidence AS evidence, a.id AS a, coalesce(a.name, a.heading, a.title, a.id) AS an, a.known AS a_known, "
            "b.id AS b, coalesce(b.name, b.heading, b.item, b.title, b.id) AS bn, b.known AS b_known "
            "LIMIT $scan")


def review_queue(store: Store, review: Review, limit: int = 50, scan: int = 2000,
                 precision: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """The `limit` most doubtful facts not yet reviewed, each with its doubt and reasons."""
    precision = rule_precision() if precision is None else precision
    weak = sorted(rule for rule, p in precision.items() if p < 1)
    rows = []
    for type_ in (t for t in load_schema().edges if t not in NOT_FACTS):
        for row in store.query(_candidates(type_), {"sure": SURE_OCR, "weak": weak, "scan": scan}):
            if row["edge"] in review.confirmed:
                continue
            row["doubt"], row["reasons"] = doubt(row, precision)
            if row["doubt"] > 0:
                rows.append(row)
    rows.sort(key=lambda r: (-r["doubt"], r["doc"] or "", r["edge"]))
    return rows[:limit]


def precision_table(rows: list[dict[str, Any]], source: str) -> dict[str, Any]:
    """rule_precision.json from `kg eval --by-rule` rows: a rule's facts of every kind summed."""
    rules: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = rules.setdefault(row["rule"], {"found": 0, "correct": 0, "kinds": []})
        entry["found"] += row["found"]
        entry["correct"] += row["correct"]
        entry["kinds"].append(row["kind"])
    for entry in rules.values():
        entry["precision"] = round(entry["correct"] / entry["found"], 4) if entry["found"] else 1.0
    return {"measured_on": source, "rules": dict(sorted(rules.items()))}
