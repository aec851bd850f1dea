import re
import shutil
import subprocess

import pytest

from kg.viz import find_node, neighbourhood, render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def water_view(sample_data, tmp_path):
    centre = find_node(sample_data, "Agency", "阳泉市水利局")
    sub = neighbourhood(sample_data, centre, depth=1)
    path = tmp_path / "water.html"
    path.write_text(render_html(sub, "阳泉市水利局"), encoding="utf-8")
    return sub, path


def test_neighbourhood_holds_the_centre_and_its_tasks(water_view):
    sub, _ = water_view
    labels = {n.label for n in sub.nodes.values()}
    assert {"Agency", "Task"} <= labels
    assert all(e.source.id in sub.nodes and e.target.id in sub.nodes for e in sub.edges)


def test_the_page_is_self_contained(water_view):
    _, path = water_view
    page = path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page), "no resource may be fetched"
    assert page.count("<circle") > 5


@pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed (make test installs it)")
def test_headless_chromium_draws_the_nodes(water_view, tmp_path):
    sub, path = water_view
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          path.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<circle") == len(sub.nodes)
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                    "--window-size=1000,1000", path.as_uri()], capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000  # a drawn graph, not a blank page
