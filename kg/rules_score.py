"""Precision per rule: which of the rules that read facts are right, and how often.

Every fact names the rule that read it (`evidence.rule`). Splitting a kind's found facts by
rule and checking each against the gold tells which rule to mend when a score drops: a rule
with many wrong facts, or one that reads a kind it should not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.evaluate import KINDS, Key, _pair, matched_found

# The list of facts each kind's keys come from; rivers and documents carry no rule.
FACT_LISTS = {"appointments": "appointments", "removals": "removals", "task_agencies": "tasks",
              "lead_units": "tasks", "group_members": "groups", "task_rivers": "tasks"}


def _rule(fact: dict) -> str:
    return (fact.get("evidence") or {}).get("rule") or "?"


def _one(kind: str, fact: dict) -> dict:
    """A facts document holding one fact (a group with one member), for the kind's keys."""
    return {FACT_LISTS[kind]: [fact]}


def _facts(kind: str, found: dict) -> Iterable[dict]:
    """The facts a kind's keys are made from; group members each with their own evidence."""
    for fact in found.get(FACT_LISTS[kind], []):
        if kind != "group_members":
            yield fact
            continue
        for role in ("leader", "deputy", "members", "office_staff"):
            for member in fact.get(role, []):
                yield {**fact, **{r: [] for r in ("leader", "deputy", "members", "office_staff")},
                       role: [member], "evidence": member.get("evidence")}


def rules_of(found: dict, kind: str) -> dict[Key, set[str]]:
    """Each found key of a kind with the rules that read it."""
    out: dict[Key, set[str]] = {}
    for fact in _facts(kind, found):
        for key in KINDS[kind](_one(kind, fact)):
            out.setdefault(key, set()).add(_rule(fact))
    return out


def by_rule(gold: dict, found: dict, docs: set[str] | None = None) -> Counter:
    """(kind, rule, "found"|"correct") → count, over the facts a kind is scored on."""
    counts: Counter = Counter()
    for kind in FACT_LISTS:
        _, scored = _pair(gold, found, kind, docs)
        right = matched_found(gold, found, kind, docs)
        for key, rules in rules_of(found, kind).items():
            if key not in scored:
                continue
            for rule in rules:
                counts[(kind, rule, "found")] += 1
                counts[(kind, rule, "correct")] += key in right
    return counts


def rule_rows(counts: Counter) -> list[dict]:
    """One row per kind and rule: found, correct, precision; worst first within a kind."""
    pairs = sorted({(kind, rule) for kind, rule, _ in counts})
    rows = [{"kind": kind, "rule": rule, "found": counts[(kind, rule, "found")],
             "correct": counts[(kind, rule, "correct")],
             "precision": round(counts[(kind, rule, "correct")] / counts[(kind, rule, "found")], 4)}
            for kind, rule in pairs if counts[(kind, rule, "found")]]
    return sorted(rows, key=lambda r: (r["kind"], r["precision"], r["rule"]))
