"""loaders.text.wrapped: a text wrapped at a fixed width reads its paragraphs whole."""

from __future__ import annotations

import re

from loaders.read import read
from loaders.text.normalize import normalize
from tests.conftest import REAL_DOCS, SAMPLE

CHRONICLE = REAL_DOCS / "1807_tahe_1999_xianzhi_bianweihui_zhi.txt"


def test_a_chronicle_wrapped_at_a_fixed_width_reads_its_names_whole():
    source = read(CHRONICLE)
    text = normalize(source)
    assert "副主任李延\n平" in source.text  # as the copy breaks it
    assert "副主任李延平" in text.text
    assert any("wrapped at a fixed width" in note for note in source.notes)


def test_the_raw_text_keeps_the_breaks_and_offsets_still_map_to_it():
    source = read(CHRONICLE)
    text = normalize(source)
    at = text.text.index("副主任李延平") + len("副主任")
    assert text.raw_slice(at, at + 3) == "李延\n平"
    assert text.written(at, at + 3) == "李延平"


def test_paragraphs_written_one_line_each_are_left_alone():
    source = read(SAMPLE)
    text = normalize(source)
    assert text.text.count("\n") == source.text.count("\n")
    assert not any("wrapped" in note for note in source.notes)


def test_a_heading_over_its_text_is_never_joined(tmp_path):
    lines = ["一、总体要求"] + ["按照省委省政府的部署要求，全面推进各项工作，确保任务落实到位"] * 6
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines + ["二、主要任务", "（一）加强组织领导"]) + "\n", encoding="utf-8")
    text = normalize(read(path))
    assert "\n二、主要任务\n(一)加强组织领导" in text.text


def _hanging_page(tmp_path):
    """A law database's page: items set with hanging indents, lines cut at one width."""
    lines = ["十二、应变中心依各类型灾害应变所需，设参谋、讯息、作业、行政等群",
             "      组及前进指挥所，各群组下设功能分组，处理各项灾害应变事宜。",
             "  （一）参谋群组：转化防救灾有关情资并综整统筹防救灾作业决策及救",
             "        灾措施建议。",
             "        1.幕僚参谋组：由行政院灾害防救办公室主导，各该灾害中央灾",
             "          害防救业务主管机关、国防部、经济部、交通部、内政部、行",
             "          政院农业委员会配合参与，办理灾情分析、后续灾情预判与应",
             "          变事宜。",
             "        2.管考追踪组：由行政院灾害防救办公室主导，行政院研究发展",
             "          考核委员会、各该灾害中央灾害防救业务主管机关配合参与，",
             "          办理各项应变事项执行管考追踪事宜。"]
    path = tmp_path / "rules.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read(path)


def test_items_set_with_hanging_indents_read_whole_with_their_indents_gone(tmp_path):
    text = normalize(_hanging_page(tmp_path)).text
    assert "各该灾害中央灾害防救业务主管机关、国防部" in text  # the indent went with the break
    assert "行政院农业委员会配合参与" in text
    assert "\n  (一)参谋群组" in text and "\n        1.幕僚参谋组" in text  # items still open lines
    assert "\n        2.管考追踪组" in text


def test_an_indented_paragraph_after_a_full_line_stays_a_paragraph(tmp_path):
    # a page whose paragraphs open with an indent: the full line before one is no item's first line
    lines = ["全面推进各项工作，确保任务落实到位，按照省委省政府的部署要求开展工作"] * 6 + ["　　各地要加强组织领导。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert re.search(r"\n\s+各地要加强组织领导", normalize(read(path)).text)
