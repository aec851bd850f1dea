"""A PDF gives the facts of its text (a small part of the parity harness, bench/parity.py).

Real documents with member lists, task items and appointments are set in the harness's
layouts and read back; every kind of fact must match the text's own, as `kg eval` scores.
"""

from __future__ import annotations

import pytest

from bench.parity import SCAN_SOURCE, compare, document_text, facts_of_file, facts_of_text, f1, render, texts
from bench.parity_layouts import LAYOUTS, text_of

CASES = [  # (document, layouts): each document in the layouts that change how it is read
    ("013_gwy_2022_yayunhui_group", ["names-2", "names-3", "two-column", "landscape"]),
    ("014_gwy_2013_jingjipucha_group_trad", ["names-2", "traditional", "furniture", "two-column"]),
    ("311_zhejiang_2020_zfgzbg_zeren_fenjie", ["two-column"]),  # a gap both columns share
    ("323_pingdingshan_2013_zhongdian_gongzuo_fenjie", ["task-table", "furniture", "two-column"]),
    ("107_jiyuan_2023_zhanghongyi_jueding", ["one-column", "two-column", "traditional"]),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("parity")


def _scores(stem: str, setting: str, out) -> dict:
    (path,) = texts([stem])
    layout = LAYOUTS.get(setting, SCAN_SOURCE)
    expected = facts_of_text(text_of(document_text(path), layout), str(path))
    counts = compare(expected, facts_of_file(render(path, setting, out)))
    assert sum(gold for gold, _, _ in counts.values()) > 1, "a case with no facts tests nothing"
    return {kind: f1(*triple) for kind, triple in counts.items()}


@pytest.mark.parametrize("stem, setting", [(stem, s) for stem, settings in CASES for s in settings])
def test_a_born_digital_pdf_gives_the_facts_of_its_text(out, stem, setting):
    scores = _scores(stem, setting, out)
    assert scores == {kind: 1.0 for kind in scores}, scores


def test_a_name_table_set_two_entries_a_row_is_read_column_by_column(out):
    """The issue's leadership group: a member list set as a two-entry name table."""
    (path,) = texts(["013"])
    found = facts_of_file(render(path, "names-2", out))
    (group,) = found["groups"]
    assert len(group["leader"]) + len(group["deputy"]) + len(group["members"]) == 32
    assert [m["person"] for m in group["deputy"]] == ["王勇", "袁家军", "苟仲文", "张海迪"]


def test_a_scan_at_200_dpi_gives_the_text_s_appointments(out):
    """107: 张宏义 keeps his first character (the issue's scan lost it to a speck)."""
    scores = _scores("107_jiyuan_2023_zhanghongyi_jueding", "scan-200", out)
    assert scores["appointments"] == 1.0 and scores["removals"] == 1.0, scores


def test_a_text_holding_a_pages_markup_is_set_as_its_visible_text(out):
    """A PDF holds no tags: the harness sets what govkg reads from the text file, so a crawled
    page's 228 task units come back from its PDF (set as tags they broke across lines)."""
    (path,) = texts(["2410_enyang"])
    assert "<p" in path.read_text(encoding="utf-8") and "<p" not in document_text(path)
    scores = _scores(path.stem, "traditional", out)
    assert scores["task_agencies"] == scores["lead_units"] == 1.0, scores
