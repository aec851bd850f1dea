"""F1 per fact kind on the regression examples (tests/fixtures/regression), apart from the sample.

Each document there was written here to mirror a real one of another place or style, and has
its gold beside it as NAME.gold.json. They guard against regressions; real documents are
measured by `make eval`.

    .venv/bin/python -m bench.eval_regression            # totals per kind
    .venv/bin/python -m bench.eval_regression --files    # and every file's misses and extras
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kg.evaluate import KINDS, Score, differences, score  # noqa: E402
from loaders.pipeline import extract_file  # noqa: E402

REGRESSION = ROOT / "tests" / "fixtures" / "regression"


@dataclass
class FileResult:
    name: str
    gold: dict
    found: dict
    scores: list[Score]


def fixtures(folder: Path = REGRESSION) -> list[tuple[Path, Path]]:
    """(document, gold) pairs: every NAME.gold.json with the one file NAME.* beside it."""
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        docs = [p for p in folder.glob(f"{name}.*") if p != gold]
        if len(docs) != 1:
            raise SystemExit(f"{gold}: expected one document named {name}.*, found {len(docs)}")
        pairs.append((docs[0], gold))
    return pairs


def found_facts(path: Path) -> dict:
    """The pipeline's facts for a file, with documents that have no 文号 named by their title
    (their id is a hash the gold cannot know; the title is what a reader checks)."""
    data = extract_file(path).to_json()
    titles = {d["id"]: d["title"] for d in data["documents"] if not d["number"]}
    for kind in ("appointments", "removals", "tasks", "groups"):
        for fact in data[kind]:
            fact["doc"] = titles.get(fact["doc"], fact["doc"])
    return data


def evaluate(folder: Path = REGRESSION) -> list[FileResult]:
    results = []
    for path, gold_path in fixtures(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found = found_facts(path)
        results.append(FileResult(path.name, gold, found, score(gold, found)))
    return results


def totals(results: list[FileResult]) -> dict[str, Score]:
    """Scores per kind summed over the files (micro average)."""
    out = {kind: Score(kind, 0, 0, 0) for kind in KINDS}
    for result in results:
        for s in result.scores:
            t = out[s.kind]
            out[s.kind] = Score(s.kind, t.gold + s.gold, t.found + s.found, t.correct + s.correct)
    return out


def table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<15}{'gold':>6}{'found':>7}{'correct':>9}{'P':>7}{'R':>7}{'F1':>7}"]
    for s in scores.values():
        lines.append(f"{s.kind:<15}{s.gold:>6}{s.found:>7}{s.correct:>9}"
                     f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}")
    return "\n".join(lines)


def _details(result: FileResult) -> str:
    lines = [f"== {result.name}"]
    for s in result.scores:
        if s.gold == s.found == s.correct:
            continue
        missed, extra = differences(result.gold, result.found, s.kind)
        lines.append(f"  {s.kind}: P {s.precision:.2f} R {s.recall:.2f}")
        lines += [f"    missed {m}" for m in sorted(missed)] + [f"    extra  {e}" for e in sorted(extra)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", action="store_true", help="show every file's misses and extras")
    args = parser.parse_args(argv)
    results = evaluate()
    if args.files:
        print("\n".join(_details(r) for r in results))
    print(f"regression examples: {len(results)} documents in {REGRESSION.relative_to(ROOT)}")
    print(table(totals(results)))


if __name__ == "__main__":
    main()
