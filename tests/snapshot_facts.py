"""Facts of every fixture document, kept as files: a change to the loaders that moves code
without meaning to change what it finds is checked against them (tests/test_snapshots.py).

    .venv/bin/python -m tests.snapshot_facts          # rewrite tests/snapshots/ (then read the diff)

The rule that read a fact is left out of its snapshot: naming rules is not a change of facts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "snapshots"
INPUTS = ("examples/*.txt", "tests/fixtures/docs/*.txt", "tests/fixtures/groups/*.txt",
          "tests/fixtures/tasks/*.txt", "tests/fixtures/regression/*.txt", "tests/fixtures/regression/*.html")
VOLATILE = {"extractor", "rule", "source"}


def inputs() -> list[Path]:
    """The fixtures and regression examples. Real documents are measured by `make eval`
    against their gold instead: their facts are meant to change as the rules improve."""
    return sorted(p for pattern in INPUTS for p in ROOT.glob(pattern))


def snapshot_name(path: Path) -> str:
    return str(path.relative_to(ROOT)).replace("/", "__") + ".json"


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def facts_of(path: Path) -> dict:
    from loaders.pipeline import extract_file

    return _strip(extract_file(path).to_json())


def render(facts: dict) -> str:
    return json.dumps(facts, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    SNAPSHOTS.mkdir(exist_ok=True)
    for old in SNAPSHOTS.glob("*.json"):
        old.unlink()
    for path in inputs():
        (SNAPSHOTS / snapshot_name(path)).write_text(render(facts_of(path)), encoding="utf-8")
    print(f"{len(inputs())} snapshots in {SNAPSHOTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
