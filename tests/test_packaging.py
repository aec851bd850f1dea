"""The wheel and sdist `python -m build` makes carry everything `kg` needs at run time: built
from a copy of the working tree, the wheel is installed into a fresh virtual environment
outside the clone, where `kg` loads the sample and lists its queries.

The fresh environment sees the project venv's site-packages through a .pth file (so that no
dependency is downloaded again) but not the editable govkg install, whose finder is only run
from a .pth that a plain path entry does not process; the test checks that govkg is imported
from the new environment. About 15 s; marked `packaging` (`make test` runs it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("govkg", "kg", "loaders", "ontology", "queries")
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

pytestmark = pytest.mark.packaging


def working_tree() -> list[str]:
    """The files of the clone as a commit would hold them: tracked and new, not ignored."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                         capture_output=True, check=True)
    return sorted(name for name in out.stdout.decode().split("\0") if name and (ROOT / name).is_file())


def shipped(tree: list[str]) -> set[str]:
    """Every file under the packages: code and the data it reads, but the folders of files
    copied for the tests only (THIRD_PARTY.md lists them: tools/third_party.py VENDORED)."""
    test_only = {str(Path(name).parent) for name in vendored()}
    return {n for n in tree if n.split("/")[0] in PACKAGES and "__pycache__" not in n
            and str(Path(n).parent) not in test_only}


def vendored() -> dict:
    spec = importlib.util.spec_from_file_location("third_party", ROOT / "tools" / "third_party.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VENDORED


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict:
    """The sdist and the wheel built from it, from a copy of the tree (a build in the clone
    would leave build/ there, whose stale files a later wheel would pick up), and the files
    the packages held when copied (others may add files while the tests run)."""
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    tree = working_tree()
    for name in tree:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    # without isolation: the venv's setuptools builds, nothing is downloaded
    build = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(src)],
                           capture_output=True, text=True, timeout=300, cwd=out)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return {"wheel": next(out.glob("govkg-*.whl")), "sdist": next(out.glob("govkg-*.tar.gz")),
            "sources": shipped(tree)}


def test_the_wheel_carries_every_package_and_data_file(dists):
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    missing = sorted(dists["sources"] - names)
    assert not missing, f"not in the wheel: {missing[:10]} (declare them in pyproject.toml)"
    assert {"loaders/spans/places/__init__.py", "ontology/lexicon/acts.yaml", "ontology/gazetteer/rivers.csv",
            "queries/post_holders.cypher", "ontology/shapes.ttl"} <= names
    assert not {n for n in names if n.startswith(("tests/", "bench/", "tools/", "examples/"))}


def test_the_wheel_declares_its_licence_version_and_command(dists):
    wheel = zipfile.ZipFile(dists["wheel"])
    info = f"govkg-{VERSION}.dist-info"
    metadata = wheel.read(f"{info}/METADATA").decode()
    assert f"Version: {VERSION}\n" in metadata and "License-Expression: Apache-2.0\n" in metadata
    assert wheel.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    assert wheel.read(f"{info}/licenses/THIRD_PARTY.md") == (ROOT / "THIRD_PARTY.md").read_bytes()
    assert "kg = kg.cli:main" in wheel.read(f"{info}/entry_points.txt").decode()


def test_the_sdist_holds_the_sources_and_notices(dists):
    with tarfile.open(dists["sdist"]) as tar:
        top = f"govkg-{VERSION}/"
        names = {m.name.removeprefix(top) for m in tar.getmembers() if m.isfile()}
    assert {"LICENSE", "THIRD_PARTY.md", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names
    assert dists["sources"] <= names
    assert not {n for n in names if n.startswith("tests/")}


@pytest.fixture(scope="module")
def installed(dists, tmp_path_factory) -> dict[str, str]:
    """A venv outside the clone with the wheel installed (no dependency downloaded), and the
    environment to run its `kg` in: a temporary data directory, a working directory that is
    not the clone."""
    home = tmp_path_factory.mktemp("outside")
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                          str(dists["wheel"])], capture_output=True, text=True, timeout=300, cwd=home)
    assert pip.returncode == 0, pip.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(KG_DATA_DIR=str(home / "data"), KG_GRAPH="wheel", PATH=f"{venv / 'bin'}:{env.get('PATH', '')}")
    yield {"env": env, "venv": str(venv), "home": str(home), "site": str(site)}
    subprocess.run([str(venv / "bin" / "kg"), "store", "stop"], env=env, cwd=home, capture_output=True, timeout=60)


def run(installed, *args: str) -> subprocess.CompletedProcess:
    out = subprocess.run(list(args), env=installed["env"], cwd=installed["home"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return out


def test_the_installed_kg_runs_from_the_wheel_not_the_clone(installed):
    python = str(Path(installed["venv"]) / "bin" / "python")
    where = json.loads(run(installed, python, "-c", "import json, kg, loaders.lexicon as lx, ontology, queries; "
                           "print(json.dumps([kg.__file__, lx.__file__, str(lx.LEXICON_DIR), ontology.__file__, "
                           "queries.__file__, kg.__version__]))").stdout)
    *paths, version = where
    assert all(p.startswith(installed["site"]) for p in paths), paths
    assert version == VERSION
    assert run(installed, "kg", "--version").stdout.strip() == f"kg (govkg) {VERSION}"


def test_the_installed_kg_loads_the_sample_and_lists_its_queries(installed):
    loaded = run(installed, "kg", "load", str(SAMPLE)).stdout
    assert " 0 failed" in loaded and "documents written" in loaded and not loaded.startswith("1 files: 0 ")
    stats = json.loads(run(installed, "kg", "stats", "--format", "json").stdout)
    assert stats["nodes"]["Document"] > 0 and stats["edges"]["APPOINTED_TO"] > 0
    listing = json.loads(run(installed, "kg", "query", "--list", "--format", "json").stdout)
    assert {q["name"] for q in listing} == {p.stem for p in (ROOT / "queries").glob("*.cypher")}
    rows = json.loads(run(installed, "kg", "query", "documents", "--format", "json").stdout)
    assert len(rows) == stats["nodes"]["Document"]
