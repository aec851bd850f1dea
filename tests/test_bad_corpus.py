"""The bad-input corpus as data (tests/fixtures/bad/cases.yaml), run over every entry point:
each file through `kg load`, `kg extract` and `kg eval`; each command case through `kg`
with the sample gazette loaded. An error is one line naming the file (or the setting) and
the problem, with exit code 2; nothing hangs, nothing prints a traceback.

The commands run in this process (the CLI's `main`), so that spaCy loads once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from kg import cli
from tests.cli_run import run_kg
from kg.lock import writer_lock
from loaders.pipeline import documents_of
from loaders.read import read
from tests.fixtures.bad.make import ROOT, SAMPLE, make

BAD = ROOT / "tests" / "fixtures" / "bad"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
GOLD = ROOT / "tests" / "fixtures" / "gold" / "yangquan-gazette-2020-02.json"
ENTRIES = ("load", "extract", "eval")
FILE_RUNS = [pytest.param(case, entry, id=f"{case['name']}-{entry}")
             for case in CASES["files"] for entry in case.get("entries", ENTRIES)]
COMMANDS = [pytest.param(case, id=case["name"]) for case in CASES["commands"]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bad-corpus")


@pytest.fixture(scope="module")
def inputs(folder) -> dict[str, Path]:
    """Every file case's input, made once."""
    made: dict[str, Path] = {}
    for case in CASES["files"]:
        if "file" in case:
            made[case["name"]] = BAD / "files" / case["file"]
        else:
            key = case["make"]
            made[case["name"]] = made.get(key) or make(key, folder / "made")
            made[key] = made[case["name"]]
    return made


@pytest.fixture(scope="module")
def data_dir(folder):
    """A store holding the sample gazette (what the command cases query), stopped at the end."""
    from kg.stores.server import FalkorServer

    path = folder / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_DATA_DIR", str(path))
        patch.setenv("KG_GRAPH", "bad")
        patch.setattr(sys, "argv", ["kg", "load", str(SAMPLE)])
        cli.main()  # exits only when something failed
    yield path
    FalkorServer(path).stop()


@pytest.fixture
def env(data_dir, monkeypatch):
    monkeypatch.setenv("KG_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KG_GRAPH", "bad")
    return monkeypatch


def test_every_case_is_well_formed():
    names = [c["name"] for c in CASES["files"] + CASES["commands"]]
    assert len(names) == len(set(names)) >= 40
    for case in CASES["files"] + CASES["commands"]:
        assert case["expect"] in ("ok", "error"), case
        assert case["expect"] == "ok" or "message" in case or "messages" in case, case
    assert all(("file" in c) != ("make" in c) for c in CASES["files"])


def _argv(entry: str, path: Path) -> list[str]:
    return {"load": ["load", str(path)], "extract": ["extract", str(path), "--format", "json"],
            "eval": ["eval", "--gold", str(GOLD), str(path), "--format", "json"]}[entry]


def assert_one_line_error(code: int, out: str, err: str, where: str, message: str) -> None:
    lines = err.splitlines()
    assert code == 2, (code, err)
    assert "Traceback" not in err and len(lines) == 1, err
    assert lines[0].startswith("kg: error: ") and where in lines[0] and message in lines[0], lines[0]


@pytest.mark.parametrize("case, entry", FILE_RUNS)
def test_file_case(case, entry, inputs, env, capsys):
    path = inputs[case["name"]]
    env.setenv("KG_GRAPH", f"bad-{case['name']}")  # each file loads into a graph of its own
    for name, value in case.get("env", {}).items():
        env.setenv(name, str(value))
    code, out, err = run_kg(_argv(entry, path), env, capsys)
    if case["expect"] == "error":
        message = case.get("messages", {}).get(entry) or case["message"]
        assert_one_line_error(code, out, err, case.get("where", str(path)), message)
        return
    assert code == 0, err
    assert "Traceback" not in err and "error" not in err
    if entry == "load":
        assert "1 files: " in out and " 0 failed" in out, out
    if entry == "extract":
        _check_reading(case, path, json.loads(out), env, capsys)


def _check_reading(case: dict, path: Path, facts: dict, env, capsys) -> None:
    source = read(path)
    if "documents" in case:
        assert len(documents_of(source)) == len(facts["documents"]) == case["documents"]
    if "note" in case:
        assert any(note.startswith(case["note"]) for note in source.notes), source.notes
    if "same_facts_as" in case:
        code, out, _ = run_kg(_argv("extract", ROOT / case["same_facts_as"]), env, capsys)
        expected = json.loads(out)
        assert code == 0 and {k: len(v) for k, v in facts.items()} == {k: len(v) for k, v in expected.items()}
        assert facts["appointments"] and facts["appointments"] == expected["appointments"]


@pytest.mark.parametrize("case", COMMANDS)
def test_command_case(case, folder, env, data_dir, capsys):
    values = {"out": folder / case["name"], "sample": SAMPLE, "file": folder / "a-file"}
    values["out"].mkdir(exist_ok=True)
    values["file"].write_text("not a folder", encoding="utf-8")
    argv = [str(a).format(**values) for a in case["args"]]
    if case.get("hold_writer_lock"):
        with writer_lock(data_dir):
            code, out, err = run_kg(argv, env, capsys)
    else:
        code, out, err = run_kg(argv, env, capsys)
    if case["expect"] == "error":
        assert_one_line_error(code, out, err, case.get("where", ""), case["message"])
    else:
        assert code == 0, err
