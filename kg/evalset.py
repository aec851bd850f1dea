"""An evaluation set: real documents with hand-written gold, scored per kind over the set.

A set is a folder of documents and a folder of gold files with the same stems. Its halves are
fixed by a rule on the file name, not by choice: a document is *sealed* when the SHA-256 of its
stem is odd. Rules are tuned on the development half only; the sealed half is scored, and its
errors are read once, at the end (`--unseal`), so its score stays a measure of documents the
rules were not fitted to. `SPLIT.txt` beside the folders records the halves; a test checks it
against the rule, so a file cannot change sides unnoticed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from govkg.errors import InputError
from kg.evaluate import KINDS, Score, differences, doc_key, k, score
from kg.rules_score import FACT_LISTS, by_rule, rules_of

HALVES = ("dev", "sealed")
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".pdf")


def half_of(stem: str) -> str:
    """The half a document belongs to, from its file stem alone."""
    return "sealed" if hashlib.sha256(stem.encode("utf-8")).digest()[-1] % 2 else "dev"


@dataclass
class FileResult:
    stem: str
    half: str
    gold: dict
    found: dict
    scores: list[Score]
    covered: set[str] | None = None  # the documents every kind is scored on (None: as the gold lists)


def pairs(docs: Path, gold: Path) -> list[tuple[Path, Path]]:
    """(document, gold) for every gold file; a gold without its document is an error."""
    out = []
    for gold_path in sorted(gold.glob("*.json")):
        found = [docs / (gold_path.stem + s) for s in DOCUMENT_SUFFIXES if (docs / (gold_path.stem + s)).exists()]
        if len(found) != 1:
            raise InputError(f"expected one document named {gold_path.stem}.* in {docs}, found {len(found)}",
                             where=str(gold_path))
        out.append((found[0], gold_path))
    return out


def read_gold(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"gold is not JSON: {exc}", where=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("gold is not a JSON object in the facts format", where=str(path))
    for kind, needs in REQUIRED.items():
        facts = data.get(kind, [])
        if not isinstance(facts, list) or not all(isinstance(f, dict) and needs <= f.keys() for f in facts):
            raise InputError(f"gold's {kind!r} must be a list of facts with {', '.join(sorted(needs)) or 'keys'}",
                             where=str(path))
    if not all(isinstance(name, str) for name in data.get("rivers", [])):
        raise InputError("gold's 'rivers' must be a list of names", where=str(path))
    return data


# What each list of a facts file must give for every fact (shared/gold/README.md).
REQUIRED = {"documents": set(), "appointments": {"doc", "person", "post"}, "removals": {"doc", "person", "post"},
            "tasks": {"doc", "item"}, "groups": {"doc"}}


def gold_key(document: dict) -> str:
    return document.get("number") or document.get("id") or ""


def align(gold: dict, found: dict) -> dict:
    """`found` with each document's facts named as the gold names that document.

    A found document is the gold's by its 文号, else by its title, else — when the gold
    holds one document and nothing else claimed it — by being the only one. Documents
    without 文号 get ids the gold cannot know (a hash), hence this step.
    """
    gold_docs = gold.get("documents", [])
    by_number = {doc_key(d["number"]): gold_key(d) for d in gold_docs if d.get("number")}
    by_title = {k(d["title"]): gold_key(d) for d in gold_docs if d.get("title")}
    names, claimed = {}, set()
    for d in found.get("documents", []):
        key = d.get("number") or d["id"]
        target = by_number.get(doc_key(d.get("number") or "")) or by_title.get(k(d.get("title") or ""))
        if target:
            names[key] = target
            claimed.add(target)
    if len(gold_docs) == 1 and gold_key(gold_docs[0]) not in claimed:
        for d in found.get("documents", []):
            names.setdefault(d.get("number") or d["id"], gold_key(gold_docs[0]))
    for kind in ("appointments", "removals", "tasks", "groups"):
        for fact in found.get(kind, []):
            fact["doc"] = names.get(fact["doc"], fact["doc"])
    return found


def evaluate(docs: Path, gold: Path, extract: Callable[[Path], dict],
             halves: Iterable[str] = HALVES, only: Iterable[str] = ()) -> list[FileResult]:
    """Score every document of the chosen halves, or of those only whose stem matches one of
    the `only` patterns (`30??_*`: one blind batch); gold files are complete for every kind."""
    results, only = [], tuple(only)
    for doc_path, gold_path in pairs(docs, gold):
        half = half_of(gold_path.stem)
        if half not in halves or (only and not any(fnmatch(gold_path.stem, p) for p in only)):
            continue
        expected = read_gold(gold_path)
        found = align(expected, extract(doc_path))
        covered = {gold_key(d) for d in expected.get("documents", [])}
        results.append(FileResult(gold_path.stem, half, expected, found, score(expected, found, covered), covered))
    return results


def totals(results: Iterable[FileResult]) -> dict[str, Score]:
    """Scores per kind summed over the files (micro average)."""
    out = {kind: Score(kind, 0, 0, 0) for kind in KINDS}
    for result in results:
        for s in result.scores:
            t = out[s.kind]
            out[s.kind] = Score(s.kind, t.gold + s.gold, t.found + s.found, t.correct + s.correct)
    return out


def summary(results: list[FileResult], halves: Iterable[str], compact: bool = False) -> list[dict]:
    """One row per kind with each half's micro scores: full counts, or `P/R/F1` for people."""
    per_half = {h: totals(r for r in results if r.half == h) for h in halves}
    rows = []
    for kind in KINDS:
        row: dict = {"kind": kind}
        for half, scores in per_half.items():
            s = scores[kind]
            if compact:
                row[f"{half} gold"] = s.gold
                row[f"{half} P/R/F1"] = f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"
            else:
                row.update({f"{half}_{key}": value for key, value in s.to_json().items() if key != "kind"})
        rows.append(row)
    return rows


def errors(results: Iterable[FileResult], kind: str) -> list[dict]:
    """Missed and extra facts of one kind, file by file; an extra fact names its rule."""
    rows = []
    for r in results:
        missed, extra = differences(r.gold, r.found, kind, r.covered)
        rules = rules_of(r.found, kind) if kind in FACT_LISTS else {}
        rows += [{"file": r.stem, "error": "missed", "fact": " | ".join(map(str, m)), "rule": ""}
                 for m in sorted(missed, key=str)]
        rows += [{"file": r.stem, "error": "extra", "fact": " | ".join(map(str, e)),
                  "rule": ", ".join(sorted(rules.get(e, ())))} for e in sorted(extra, key=str)]
    return rows


def rule_counts(results: Iterable[FileResult]) -> Counter:
    """Found and correct facts per kind and rule over the set (kg.rules_score)."""
    total: Counter = Counter()
    for r in results:
        total += by_rule(r.gold, r.found, r.covered)
    return total


def split_listing(docs: Path, gold: Path) -> str:
    """The text of SPLIT.txt: one `half stem` line per document, sorted by stem."""
    return "".join(f"{half_of(g.stem)} {g.stem}\n" for _, g in pairs(docs, gold))
