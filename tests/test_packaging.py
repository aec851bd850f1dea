"""An installed govkg finds its schema, gazetteers and canned queries: they ship in the wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    return zipfile.ZipFile(next(out.glob("govkg-*.whl")))


def test_the_wheel_carries_ontology_and_queries(wheel):
    names = set(wheel.namelist())
    assert "ontology/schema.yaml" in names and "ontology/shapes.ttl" in names
    assert {f"ontology/gazetteer/{n}.csv" for n in ("agencies", "rivers", "districts", "titles")} <= names
    shipped = {n for n in names if n.startswith("queries/") and n.endswith(".cypher")}
    assert shipped == {f"queries/{p.name}" for p in (ROOT / "queries").glob("*.cypher")}


def test_the_wheel_declares_the_kg_command(wheel):
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "kg = kg.cli:main" in wheel.read(entry_points).decode()
