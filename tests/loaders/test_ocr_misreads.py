"""Labels and part numbers OCR misread (loaders.text.ocr_misreads)."""

from __future__ import annotations

import pytest

from loaders.pipeline import extract_source
from loaders.records import Source
from loaders.text.normalize import normalize

PLAN = ("1.全省生产总值增长7%以上。\n举头责任单位：省发展改革委。\n协同次任单位：省财政厅、省统计局。\n"
        "2.固定资产投资增长10%。\n（豆任单位：市工信局、市财政局）\n")


def ocr_source(text: str, ocr: bool = True) -> Source:
    return Source.from_pages("plan.pdf", [text], "pdf", ocr_lines=((0, len(text), 0.9),) if ocr else ())


@pytest.mark.parametrize("written, read", [
    ("举头责任单位：省发展改革委", "牵头责任单位:省发展改革委"),
    ("（豆任单位：市工信局）", "(责任单位:市工信局)"),
    ("奉头单位：市工业和信息化局", "牵头单位:市工业和信息化局"),
    ("第一可组长：\n王勇国务委员", "第一副组长:\n王勇国务委员"),  # a group's role
    ("協同責任單位：省財政廳", "協同責任單位:省財政廳"),  # a label in traditional characters is no misreading
    ("牽頭賣任單位：省財政廳", "牽頭责任單位:省財政廳"),  # … and one misread in them is read
    ("牵头责任单位：省财政厅", "牵头责任单位:省财政厅"),  # known: unchanged
    ("单位：省财政厅", "单位:省财政厅"),  # too short to tell
    ("年度重点工作单位：省财政厅", "年度重点工作单位:省财政厅"),  # no label's length
    ("(牵头单位:局监察室,配合单位;征地事务部)", "(牵头单位:局监察室,配合单位:征地事务部)"),  # a colon read as ;
    ("(牵头单位;:用地科,配合单位:各国土所)", "(牵头单位: 用地科,配合单位:各国土所)"),  # … and read again
    ("(举头单位;用地科)", "(牵头单位:用地科)"),
    ("检查〈牵头单位:用地科,配合单位:各国土所)", "检查(牵头单位:用地科,配合单位:各国土所)"),  # a bracket misread
    ("工作。“牵头单位:征地部)", "工作。(牵头单位:征地部)"),
    ("《牵头单位:征地部》", "《牵头单位:征地部》"),  # closed by its own mark: as printed
    ("各地要明确责任单位;加强督查", "各地要明确责任单位;加强督查"),  # a word in a sentence: no label
    ("完成任务;加强督查", "完成任务;加强督查"),
])
def test_a_label_one_character_off_on_an_ocr_line_is_read_as_the_label(written, read):
    source = ocr_source(written)
    assert normalize(source).text == read
    if read != written.replace("：", ":").replace("（", "(").replace("）", ")"):
        assert any("characters of labels OCR misread" in note for note in source.notes)


def test_text_that_was_not_read_by_ocr_keeps_its_words():
    assert normalize(ocr_source("举头责任单位：省发展改革委", ocr=False)).text == "举头责任单位:省发展改革委"


def test_the_units_after_a_misread_label_are_read_and_its_span_is_the_written_one():
    source = ocr_source(PLAN)
    tasks = extract_source(source).to_json()["tasks"]
    units = [(role, unit) for task in tasks for role in ("lead", "cooperate", "responsible") for unit in task[role]]
    evidence = tasks[0]["evidence"]
    assert "举头责任单位" in source.text[evidence["start"]:evidence["end"]]
    assert units == [("lead", "省发展改革委"), ("cooperate", "省财政厅"), ("cooperate", "省统计局"),
                     ("responsible", "市工信局"), ("responsible", "市财政局")]


@pytest.mark.parametrize("written, read", [
    ("转型〈一)增强粮食综合生产能力", "转型(一)增强粮食综合生产能力"),
    ("(二〉实施种业振兴行动", "(二)实施种业振兴行动"),
    ("〈一〉增强粮食综合生产能力", "〈一〉增强粮食综合生产能力"),  # a pair of one shape: as printed
    ("4.进出口总额增长9%。\n5,一般公共预算收入增长7%左右。", "4.进出口总额增长9%。\n5.一般公共预算收入增长7%左右。"),
    ("10,000元", "10,000元"),
    ("增长5,其中", "增长5,其中"),  # not at a line's start
])
def test_a_part_number_with_a_misread_mark_on_an_ocr_line_is_read_as_the_number(written, read):
    assert normalize(ocr_source(written)).text == read
    assert normalize(ocr_source(written, ocr=False)).text == written  # text not read by OCR: as written
