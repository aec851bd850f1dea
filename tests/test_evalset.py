"""The real-document evaluation set: its halves follow the fixed rule, its gold is well formed,
and the scorer aligns documents the way a reader would."""

from pathlib import Path

import pytest

from kg import evalset
from govkg.errors import InputError
from kg.evaluate import k

REAL = Path(__file__).parent / "fixtures" / "real"
DOCS, GOLD = REAL / "docs", REAL / "gold"


def test_split_file_follows_the_rule():
    assert (REAL / "SPLIT.txt").read_text(encoding="utf-8") == evalset.split_listing(DOCS, GOLD)


def test_halves_are_both_used():
    halves = [line.split()[0] for line in (REAL / "SPLIT.txt").read_text(encoding="utf-8").splitlines()]
    assert 0.35 < halves.count("sealed") / len(halves) < 0.65


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_names_its_documents(gold_path):
    gold = evalset.read_gold(gold_path)
    keys = {evalset.gold_key(d) for d in gold["documents"]}
    assert keys and all(keys), "every document needs a 文号 or an id"
    for kind in ("appointments", "removals", "tasks", "groups"):
        assert {f["doc"] for f in gold.get(kind, [])} <= keys, kind


def test_every_gold_file_has_a_source_row():
    sources = "".join(p.read_text(encoding="utf-8") for p in (REAL / "sources").glob("*.md"))
    missing = [p.stem for p in GOLD.glob("*.json") if p.stem not in sources]
    assert not missing


def test_align_names_a_lone_document_as_the_gold_does():
    gold = {"documents": [{"number": None, "id": "001_x", "title": None}]}
    found = {"documents": [{"id": "doc-3f2a", "number": None, "title": "关于任免的通知"}],
             "appointments": [{"doc": "doc-3f2a", "person": "王五", "post": "局长", "org": None}]}
    assert evalset.align(gold, found)["appointments"][0]["doc"] == "001_x"


def test_align_matches_by_number_across_scripts():
    gold = {"documents": [{"number": "國辦發〔2013〕30號"}, {"number": "国办发〔2013〕31号"}]}
    found = {"documents": [{"id": "a", "number": "国办发〔2013〕30号", "title": ""},
                           {"id": "b", "number": "国办发〔2013〕31号", "title": ""}],
             "groups": [{"doc": "国办发〔2013〕30号"}]}
    assert k(evalset.align(gold, found)["groups"][0]["doc"]) == k("國辦發〔2013〕30號")


def test_unreadable_gold_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(InputError, match="x.json"):
        evalset.read_gold(bad)
