"""The explorer's browser libraries: served from the package (never a CDN), the versions the
npm lock file names, each with its licence, listed in THIRD_PARTY.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "kg" / "serve"
VENDOR = SERVE / "static" / "vendor"
EXPLORER = ROOT / "tools" / "explorer"


def test_the_vendored_copies_are_the_locked_versions():
    locked = json.loads((EXPLORER / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    recorded = json.loads((VENDOR / "VERSIONS.json").read_text(encoding="utf-8"))
    assert set(recorded) == {p.removeprefix("node_modules/") for p in locked if p}
    for name, entry in recorded.items():
        assert entry["version"] == locked[f"node_modules/{name}"]["version"], name
        assert (VENDOR / entry["file"]).stat().st_size > 10_000 and (VENDOR / f"{name}.LICENSE.txt").is_file()


@pytest.mark.skipif(not (EXPLORER / "node_modules").is_dir(), reason="npm ci has not run in tools/explorer")
def test_the_copies_match_what_npm_installed():
    done = subprocess.run([sys.executable, str(EXPLORER / "vendor.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_pages_fetch_nothing_from_elsewhere():
    for path in [*(SERVE / "templates").glob("*.html"), SERVE / "static" / "explorer.js", SERVE / "static" / "explorer.css"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["'](https?:)?//""", text), path.name
        assert not re.search(r"""(fetch|import)\s*\(\s*["']https?:""", text) and "@import" not in text, path.name


def test_every_script_a_page_loads_is_served():
    page = (SERVE / "templates" / "entity.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="/static/([^"]+)"', page)
    assert "vendor/cytoscape.min.js" in scripts and "vendor/cytoscape-fcose.js" in scripts
    assert all((SERVE / "static" / s).is_file() for s in scripts)


def test_third_party_lists_the_browser_libraries():
    text = (ROOT / "THIRD_PARTY.md").read_text(encoding="utf-8")
    section = text.split("## Browser libraries the explorer serves")[1].split("\n## ")[0]
    for name in json.loads((VENDOR / "VERSIONS.json").read_text(encoding="utf-8")):
        assert re.search(rf"\| {re.escape(name)} \| [\d.]+ \| MIT \|", section), name
