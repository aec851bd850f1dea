"""`kg serve --review` driven in headless Chromium, as an analyst uses it: search, open an
agency, expand a node, open an edge's evidence, run a canned query and download its CSV,
reject a fact and see it gone after `kg load --force`. Each entity page's graph is checked on
a screenshot (nodes drawn) and through Cytoscape's own API (labels readable, none overlapping).

Debian's chromium (`make test-deps`) through Playwright for Python, with its executable_path:
never a browser Playwright downloads. The server runs as `kg serve` does, in its own process,
on a free loopback port, over a temporary data directory loaded with the sample.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest

from kg.serve import free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KG = [sys.executable, "-m", "kg"]
DOC = "阳政办发〔2020〕33号"
MIN_FONT_PX = 9  # a label drawn smaller than this is not read

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed (make test-deps)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra (pip install -e '.[test]')")


def get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as reply:
        return json.loads(reply.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_path):
    data = tmp_path_factory.mktemp("browser-data")
    env = {**os.environ, "KG_DATA_DIR": str(data), "KG_STORE": "embedded", "KG_GRAPH": "browser"}
    env.pop("KG_JUDGEMENTS", None)
    loaded = subprocess.run([*KG, "load", str(sample_path.resolve())], env=env, capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    port = free_port()
    proc = subprocess.Popen([*KG, "serve", "--port", str(port), "--review", "--reviewer", "tester"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(0.1)
        yield {"base": base, "env": env, "sample": str(sample_path.resolve())}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        subprocess.run([*KG, "store", "stop"], env=env, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def wait_for_graph(page, times: int = 1) -> None:
    page.wait_for_function(f"Number(document.getElementById('graph').dataset.ready || 0) >= {times}", timeout=20_000)


def entity_url(server, q: str, type_: str) -> str:
    found = get_json(server["base"], f"/api/search?q={quote(q)}&type={type_}")["results"]
    return f"{server['base']}/entity/{quote(found[0]['id'], safe='')}"


def check_graph(page, tmp_path) -> dict:
    """The graph drawn: coloured pixels on the canvas, every node labelled, labels readable
    (font × zoom) and no two label boxes overlapping. Returns Cytoscape's figures."""
    import numpy as np
    from PIL import Image

    shot = tmp_path / "graph.png"
    page.locator("#graph").screenshot(path=str(shot))
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    coloured = (pixels.max(axis=2) - pixels.min(axis=2)) > 40  # nodes and edges; the background is white, text grey
    assert coloured.mean() > 0.002, f"{coloured.sum()} coloured pixels of {coloured.size}"
    figures = page.evaluate("""() => {
      const cy = window.kgGraph, zoom = cy.zoom();
      const labels = cy.nodes().map(n => ({id: n.id(), text: n.style('label'),
        px: parseFloat(n.style('font-size')) * zoom,
        box: n.boundingBox({includeLabels: true, includeNodes: false, includeEdges: false})}));
      return {nodes: cy.nodes().length, edges: cy.edges().length, labels};
    }""")
    assert figures["nodes"] > 2 and figures["edges"] >= figures["nodes"] - 1
    labels = figures["labels"]
    assert all(label["text"] for label in labels)
    assert min(label["px"] for label in labels) >= MIN_FONT_PX
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            ax, bx = a["box"], b["box"]
            apart = ax["x2"] <= bx["x1"] or bx["x2"] <= ax["x1"] or ax["y2"] <= bx["y1"] or bx["y2"] <= ax["y1"]
            assert apart, f"labels {a['text']} and {b['text']} overlap"
    return figures


def test_search_and_open_an_agency(server, page, tmp_path):
    page.goto(server["base"] + "/")
    page.fill("main input[name=q]", "水利局")
    page.press("main input[name=q]", "Enter")
    page.wait_for_url("**/search?**")
    page.click("ol.results a:text-is('阳泉市水利局')")
    page.wait_for_url("**/entity/**")
    assert page.inner_text("h1").startswith("阳泉市水利局")
    wait_for_graph(page)
    check_graph(page, tmp_path)
    assert page.evaluate("window.kgGraph.$('node.centre').data('name')") == "阳泉市水利局"
    assert page.locator("#legend li.rel").count() >= 2  # a colour per relation drawn


@pytest.mark.parametrize("q, type_", [("石成芳", "official"), (DOC, "document"), ("桃河", "river"),
                                      ("草地贪夜蛾", "group")])
def test_every_kind_of_page_draws_its_graph_readably(server, page, tmp_path, q, type_):
    page.goto(entity_url(server, q, type_))
    wait_for_graph(page)
    check_graph(page, tmp_path)


def test_a_click_on_a_node_expands_it(server, page, tmp_path):
    page.goto(entity_url(server, "阳泉市水利局", "agency"))
    wait_for_graph(page)
    before = page.evaluate("window.kgGraph.nodes().length")
    target = page.evaluate("""() => {
      const cy = window.kgGraph, box = document.getElementById('graph').getBoundingClientRect();
      const n = cy.nodes('[label = "Task"]').filter(n => !n.hasClass('centre'))[0];
      const p = n.renderedPosition();
      return {id: n.id(), x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.click(target["x"], target["y"])
    wait_for_graph(page, 2)
    assert page.evaluate("window.kgGraph.nodes().length") > before
    assert page.evaluate(f"window.kgGraph.getElementById({json.dumps(target['id'])}).hasClass('expanded')")
    assert "open page" in page.inner_text("#graph-info")
    check_graph(page, tmp_path)


def test_a_click_on_an_edge_opens_its_evidence(server, page):
    page.goto(entity_url(server, "阳泉市水利局", "agency"))
    wait_for_graph(page)
    spot = page.evaluate("""() => {
      const cy = window.kgGraph, box = document.getElementById('graph').getBoundingClientRect();
      const e = cy.edges().sort((a, b) => b.renderedSourceEndpoint().x - a.renderedSourceEndpoint().x)
        .max(e => Math.hypot(e.renderedSourceEndpoint().x - e.renderedTargetEndpoint().x,
                             e.renderedSourceEndpoint().y - e.renderedTargetEndpoint().y)).ele;
      const p = e.renderedMidpoint();
      return {id: e.id(), x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url("**/edge/**")
    assert quote(spot["id"], safe="") in page.url
    assert page.locator(".evidence mark").count() == 1 and page.locator("text=rule").count() >= 1
    assert "文号" in page.inner_text(".evidence")


def test_a_canned_query_runs_and_its_csv_downloads(server, page):
    page.goto(server["base"] + "/query/agency_tasks")
    page.fill("input[name=agency]", "市水利局")
    page.click("form.query-form button[type=submit]")
    page.wait_for_selector("table.rows")
    shown = page.locator("table.rows tr").count() - 1
    with page.expect_download() as download:
        page.click("#csv")
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert download.value.suggested_filename == "agency_tasks.csv"
    assert len(rows) == shown > 0 and {r["agency"] for r in rows} == {"阳泉市水利局"}


def test_a_rejected_fact_is_gone_and_stays_gone_after_a_forced_load(server, page):
    base = server["base"]
    facts = get_json(base, f"/api/entity/{quote(DOC, safe='')}")["facts"]
    fact = next(f for f in facts if f["type"] == "LEADS")
    page.goto(f"{base}/edge/{quote(fact['edge'], safe='')}?doc={quote(DOC)}")
    page.fill("#reject input[name=why]", "the bracket names who answers, not who leads")
    page.click("#reject button")
    page.wait_for_url("**/entity/**")
    assert "Done: reject" in page.inner_text("p.done")
    assert page.locator(f"tr[id='f-{quote(fact['edge'], safe='')}']").count() == 0

    def stored() -> set[str]:
        return {f["edge"] for f in get_json(base, f"/api/entity/{quote(DOC, safe='')}")["facts"]}

    assert fact["edge"] not in stored()
    reload = subprocess.run([*KG, "load", "--force", server["sample"]], env=server["env"], capture_output=True,
                            text=True, timeout=300)
    assert reload.returncode == 0, reload.stderr
    assert fact["edge"] not in stored() and len(stored()) == len(facts) - 1
    decisions = get_json(base, "/api/review/decisions")
    assert decisions[0]["kind"] == "reject" and decisions[0]["who"] == "tester"
