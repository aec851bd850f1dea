"""Shared fixtures: the sample gazette, its gold facts, and its extraction (computed once)."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
REAL_DOCS = ROOT / "tests" / "fixtures" / "real" / "docs"  # the real documents `make eval` scores
GOLD_CANDIDATES = [ROOT.parent / "shared" / "gold" / "yangquan-gazette-2020-02.json",
                   ROOT / "tests" / "fixtures" / "gold" / "yangquan-gazette-2020-02.json"]


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def gold() -> dict:
    for path in GOLD_CANDIDATES:
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.fail("gold facts for the sample gazette not found")


@pytest.fixture(scope="session")
def sample_facts():
    from loaders.pipeline import extract_file

    return extract_file(SAMPLE)


@pytest.fixture(scope="session")
def sample_graphs(sample_facts):
    from kg.build import GraphBuilder

    return GraphBuilder().build(sample_facts)


@pytest.fixture(scope="session")
def sample_data(sample_graphs):
    from kg.dump import GraphData

    return GraphData.from_documents(sample_graphs)
