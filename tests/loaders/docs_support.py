"""Loading the sample gazette, its gold facts and the fixture documents for loader tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import GOLD_CANDIDATES

from loaders.text.normalize import normalize, normalize_key
from loaders.records import Source, Text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
GOLD = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")) / "gold" / "yangquan-gazette-2020-02.json"
FIXTURES = ROOT / "tests" / "fixtures" / "docs"
FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def text_of(path: Path) -> Text:
    raw = path.read_text(encoding="utf-8")
    return normalize(Source.from_pages(str(path), [raw], "txt"))


def sample_text() -> Text:
    return text_of(SAMPLE)


def gold() -> dict:
    """The shared gold beside the repository, else its copy in the test fixtures."""
    for path in (GOLD, *GOLD_CANDIDATES):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.fail(f"gold file not found: {GOLD}")


def expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def key(value: str | None) -> str:
    return normalize_key(value or "")
