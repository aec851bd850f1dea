"""The inter-agency links notebook runs top to bottom and shows what it promises."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "inter_agency_links.ipynb"


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


def output_of(nb, needle: str) -> str:
    cell = next(c for c in nb.cells if c.cell_type == "code" and needle in c.source)
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_the_notebook_reads_the_sample(executed):
    assert output_of(executed, "facts = extract_file").startswith("27 documents")


def test_ranking_puts_the_busiest_agencies_first(executed):
    lines = output_of(executed, "betweenness_centrality").strip().splitlines()
    assert len(lines) == 10
    degrees = [int(line.split("\t")[1]) for line in lines]
    assert degrees == sorted(degrees, reverse=True)
    assert any("生态环境局" in line for line in lines[:5])


def test_communities_and_timeline(executed):
    communities = output_of(executed, "louvain_communities").strip().splitlines()
    assert len(communities) >= 2
    timeline = output_of(executed, "def timeline")
    assert "REMOVED_FROM\t阳泉市公安局西城分局局长" in timeline
    assert "held on 2020-03-26: ['阳泉市公安局矿区分局局长']" in timeline


def test_pictures_are_written(executed):
    out = NOTEBOOK.parent / "out"
    assert (out / "cooperation.png").stat().st_size > 20_000
    html = (out / "cooperation.html").read_text(encoding="utf-8")
    assert html.count("<circle") > 20
