import pytest

from govkg.errors import SchemaError
from loaders.spans import gazetteer as gz
from loaders.spans.gazetteer import Gazetteer, get_gazetteer, table


@pytest.mark.parametrize("name, least", [
    ("agencies", 150), ("districts", 100), ("rivers", 50), ("programs", 30), ("variants", 2)])
def test_every_table_loads_with_rows(name, least):
    assert len(table(name)) >= least


def test_every_variant_names_a_canonical_its_table_knows():
    names = {"district": {r["name"] for r in table("districts")},
             "river": {r["name"] for r in table("rivers")},
             "agency": {r["canonical"] for r in table("agencies")},
             "program": {r["name"] for r in table("programs")}}
    for row in table("variants"):
        assert row["canonical"] in names[row["kind"]], row
        assert row["reason"], row


def test_agency_parents_are_agencies_of_the_table():
    canonical = {r["canonical"] for r in table("agencies")}
    for row in table("agencies"):
        assert not row["parent"] or row["parent"] in canonical, row


def test_district_parents_are_districts_of_the_table():
    names = {r["name"] for r in table("districts")}
    for row in table("districts"):
        assert not row["parent"] or row["parent"] in names, row


@pytest.mark.parametrize("text, expected", [
    ("市发改委牵头", [("市发改委", "AGENCY", "市发展和改革委员会")]),
    ("市发展改革委配合", [("市发展改革委", "AGENCY", "市发展和改革委员会")]),
    ("水利部、生态环境部", [("水利部", "AGENCY", "水利部"), ("生态环境部", "AGENCY", "生态环境部")]),
    ("孟县政府负责", [("孟县", "DISTRICT", "盂县"), ("县政府", "AGENCY", "县人民政府")]),
    ("阳泉市政府", [("阳泉市", "DISTRICT", "阳泉市"), ("阳泉市政府", "AGENCY", "阳泉市人民政府")]),
    ("漳沱河流域", [("漳沱河", "RIVER", "滹沱河")]),
    ("打赢蓝天保卫战", [("打赢蓝天保卫战", "PROGRAM", "蓝天保卫战")]),
    ("省水利厅", [("省水利厅", "AGENCY", "省水利厅")]),
])
def test_find_gives_label_canonical_and_written(text, expected):
    assert [(h.written, h.label, h.canonical) for h in get_gazetteer().find(text)] == expected


def test_find_prefers_the_longest_key_at_a_position_of_a_layer():
    hits = get_gazetteer().find("国务院办公厅印发")
    assert [(h.start, h.end, h.written) for h in hits] == [(0, 6, "国务院办公厅")]


def test_offsets_are_in_the_text_searched():
    text = "一、各县（区）人民政府和平定县政府"
    for hit in get_gazetteer().find(text):
        assert text[hit.start:hit.end] == hit.written


def test_a_variant_keeps_its_reason_and_a_name_has_none():
    assert "OCR" in get_gazetteer().variant_reason("孟县")
    assert get_gazetteer().variant_reason("盂县") is None


def test_an_empty_gazetteer_finds_nothing():
    assert Gazetteer({}).find("市水利局") == []


def _use_tables(monkeypatch, tmp_path, files):
    for name, content in files.items():
        (tmp_path / f"{name}.csv").write_text(content, encoding="utf-8")
    monkeypatch.setattr(gz, "_path", lambda name: tmp_path / f"{name}.csv")
    gz.read_table.cache_clear()


def test_an_empty_table_warns(monkeypatch, tmp_path):
    _use_tables(monkeypatch, tmp_path, {"rivers": "name,variants\n"})
    try:
        with pytest.warns(UserWarning, match="empty"):
            assert table("rivers") == ()
    finally:
        gz.read_table.cache_clear()


def test_a_table_missing_a_column_fails_naming_the_file(monkeypatch, tmp_path):
    _use_tables(monkeypatch, tmp_path, {"rivers": "name\n桃河\n"})
    try:
        with pytest.raises(SchemaError, match=r"rivers\.csv: missing columns variants"):
            table("rivers")
    finally:
        gz.read_table.cache_clear()
