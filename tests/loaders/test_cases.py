"""Every case of tests/cases/*.yaml: a mechanism's table of texts and the facts each gives.

A table is `runner: NAME` (see tests/loaders/cases.py), `about:` the mechanism, and `cases:`,
each `{name, text, expect}`; adding a document style is one row in the table of its mechanism.
"""

from pathlib import Path

import pytest
import yaml

from tests.loaders.cases import RUNNERS

CASES = Path(__file__).resolve().parents[1] / "cases"


def _tables() -> list[tuple[str, dict]]:
    return [(path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(CASES.glob("*.yaml"))]


def _cases():
    for stem, table in _tables():
        for case in table["cases"]:
            yield pytest.param(table["runner"], case, id=f"{stem}: {case['name']}")


@pytest.mark.parametrize("stem, table", _tables(), ids=lambda v: v if isinstance(v, str) else "")
def test_table_is_well_formed(stem, table):
    assert table.get("about") and table.get("runner") in RUNNERS, stem
    names = [case["name"] for case in table["cases"]]
    assert len(names) == len(set(names)), f"{stem}: a case name repeats"
    assert all({"name", "text", "expect"} <= set(case) for case in table["cases"]), stem


@pytest.mark.parametrize("runner, case", list(_cases()))
def test_case(runner, case):
    assert RUNNERS[runner](case["text"]) == case["expect"]
