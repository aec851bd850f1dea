"""The real-document evaluation set: its halves follow the fixed rule, its gold is well formed,
and the scorer aligns documents the way a reader would."""

from pathlib import Path

import pytest

from kg import evalset
from govkg.errors import InputError
from kg.evaluate import k
from tests.cli_run import run_kg

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


def test_no_text_is_in_the_set_twice():
    # a text in both halves would let the development half tune the sealed one; the same page may come
    # back under another address (percent-encoded, a mirror), so the texts themselves are compared
    seen: dict[str, str] = {}
    twice = [(seen.setdefault(p.read_text(encoding="utf-8").strip(), p.stem), p.stem)
             for p in sorted(DOCS.glob("*.txt"))]
    assert [pair for pair in twice if pair[0] != pair[1]] == []


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


@pytest.mark.parametrize("text, problem", [
    ("not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"appointments": [{"person": "王五"}]}', "'appointments' must be a list of facts with doc, person, post"),
    ('{"tasks": {"doc": "x"}}', "'tasks' must be a list"),
])
def test_unreadable_gold_is_one_line_naming_the_file(tmp_path, text, problem):
    bad = tmp_path / "x.json"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        evalset.read_gold(bad)
    assert "x.json" in str(error.value)


def _small_set(tmp_path):
    """A set of three real documents (both halves) in folders of their own."""
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir(), gold.mkdir()
    for stem in ("002_guangdong_2021_wangweizhong_daili", "012_gansu_2014_huangbiaoche_group",
                 "003_shanxi_2021_lanfoan_daili"):
        (docs / f"{stem}.txt").write_bytes((DOCS / f"{stem}.txt").read_bytes())
        (gold / f"{stem}.json").write_bytes((GOLD / f"{stem}.json").read_bytes())
    return docs, gold


def test_eval_of_a_set_prints_both_halves_and_rules(tmp_path, monkeypatch, capsys):
    docs, gold = _small_set(tmp_path)
    code, out, err = run_kg(["eval", "--gold", str(gold), str(docs), "--split", "dev", "--by-rule",
                               "--format", "csv"], monkeypatch, capsys)
    assert code == 0, err
    assert "dev_f1" in out and "kind,rule,found,correct,precision" in out


def test_the_sealed_halfs_errors_need_unseal(tmp_path, monkeypatch, capsys):
    docs, gold = _small_set(tmp_path)
    code, _, err = run_kg(["eval", "--gold", str(gold), str(docs), "--errors", "appointments"], monkeypatch, capsys)
    assert code == 2 and "sealed" in err and len(err.splitlines()) == 1
    code, out, _ = run_kg(["eval", "--gold", str(gold), str(docs), "--errors", "appointments", "--unseal",
                             "--format", "csv"], monkeypatch, capsys)
    assert code == 0 and out.startswith("kind,")


def test_a_file_and_a_folder_do_not_mix(tmp_path, monkeypatch, capsys):
    docs, gold = _small_set(tmp_path)
    code, _, err = run_kg(["eval", "--gold", str(next(gold.iterdir())), str(docs)], monkeypatch, capsys)
    assert code == 2 and "both be files or both be folders" in err


def test_one_document_without_a_number_is_scored_as_its_set_scores_it(tmp_path, monkeypatch, capsys):
    """`kg eval --gold G.json D.txt` names D's documents as G does, as the set's scoring does: a
    document without 文号 gets a hash for id, which no gold file can know."""
    import json

    stem = "003_shanxi_2021_lanfoan_daili"
    docs, gold = _small_set(tmp_path)
    assert not evalset.read_gold(gold / f"{stem}.json")["documents"][0].get("number")
    code, out, err = run_kg(["eval", "--gold", str(gold / f"{stem}.json"), str(docs / f"{stem}.txt"),
                             "--format", "json"], monkeypatch, capsys)
    assert code == 0, err
    scores = {s["kind"]: s for s in json.loads(out)}
    assert scores["appointments"]["gold"] and scores["appointments"]["correct"]


def test_only_scores_the_documents_a_pattern_names(tmp_path, monkeypatch, capsys):
    """`--only PATTERN` scores one part of a set (a blind batch, a province): the other
    documents are neither read nor counted, and a pattern matching none is an error."""
    import csv
    import io

    docs, gold = _small_set(tmp_path)
    stem = "003_shanxi_2021_lanfoan_daili"
    code, out, err = run_kg(["eval", "--gold", str(gold), str(docs), "--only", "003_*", "--format", "csv"],
                            monkeypatch, capsys)
    assert code == 0, err
    rows = {r["kind"]: r for r in csv.DictReader(io.StringIO(out))}
    alone = evalset.read_gold(gold / f"{stem}.json")
    half = evalset.half_of(stem)
    assert int(rows["appointments"][f"{half}_gold"]) == len(alone["appointments"])
    code, _, err = run_kg(["eval", "--gold", str(gold), str(docs), "--only", "zzz*"], monkeypatch, capsys)
    assert code == 2 and "no document of the set matches zzz*" in err and len(err.splitlines()) == 1
    code, _, err = run_kg(["eval", "--gold", str(gold / f"{stem}.json"), str(docs / f"{stem}.txt"),
                           "--only", "003_*"], monkeypatch, capsys)
    assert code == 2 and "--only picks documents of a set" in err and len(err.splitlines()) == 1
