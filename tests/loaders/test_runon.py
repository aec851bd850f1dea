"""loaders.text.runon: a crawl's run-on line gets its outline's breaks back; other text is left."""

from __future__ import annotations

import pytest

from loaders.read import read
from loaders.records import Source
from loaders.text.normalize import normalize
from loaders.text.runon import run_on_breaks
from tests.conftest import REAL_DOCS, SAMPLE

RUN_ON = REAL_DOCS / "2108_gwy_2020_youhua_yingshang_huanjing_shishi_yijian.txt"


def test_a_run_on_document_reads_its_parts_on_lines_of_their_own():
    source = read(RUN_ON)
    text = normalize(source)
    assert "现提出以下意见。一、持续提升" in source.text  # the crawl's one line
    assert "\n一、持续提升投资建设便利度\n(一)优化再造投资项目前期审批流程。" in text.text
    assert any("line breaks a copy ran on" in note for note in source.notes)
    at = text.text.index("\n(一)优化") + 1  # an inserted break maps to the character after it
    assert text.raw_slice(at, at + 3) == "（一）"


@pytest.mark.parametrize("line", [
    "依照第一条(二)项和第三条(一)项的规定办理。" * 40,  # items cited, not parts begun
    "增长6.5%。投资增长10.0%左右。" * 60,  # decimals are no numbers of parts
])
def test_prose_that_cites_items_keeps_its_lines(line):
    assert run_on_breaks(line) == []


@pytest.mark.parametrize("line, first", [
    ("(一)全面控制污染物排放1.狠抓重点排污行业整治。全面排查。", "1.狠抓"),  # a part's first item run on
    ("(二)实施种业振兴行动4.安排9000万元资金。", "4.安排"),  # items numbered through the document
    ("三、主要任务(一)全面控制污染物排放", "(一)全面"),
])
def test_a_heading_run_into_its_first_item_gets_the_item_a_line(line, first):
    assert [line[at:at + len(first)] for at in run_on_breaks(line)] == [first]


@pytest.mark.parametrize("line", ["(一)按照要求,1.做好工作。", "(二)2020年1.完成", "一、总体要求深入贯彻十八大"])
def test_a_sentence_or_a_date_before_a_number_keeps_its_line(line):
    assert run_on_breaks(line) == []


def test_the_sample_and_short_paragraphs_are_left_alone():
    assert run_on_breaks(normalize(read(SAMPLE)).text) == []
    short = "一、总体要求。(一)目标。(二)原则。"
    assert run_on_breaks(short) == []
    assert normalize(Source.from_pages("t.txt", [short], "txt")).text == short


def test_a_member_list_run_on_one_line_gets_a_line_for_each_label():
    line = "召 集 人:杨传堂  交通运输部党组书记  王洪祥  中央政法委副秘书长副召集人:刘振芳  国家铁路局局长成    员:杜航伟  公安部副部长"
    assert [line[at:at + 4] for at in run_on_breaks(line)] == ["副召集人", "成   "]
    assert run_on_breaks("组长:王明 市长") == []  # one label: nothing to part
    assert run_on_breaks("会议听取了成员:单位的汇报。副组长:李强") == []  # a line that opens with no label


def test_entries_run_on_after_their_titles_get_lines_and_a_label_its_whole_title_before_it():
    line = ("一、区应急救援委员会组成人员主 任:许维泽 区党工委副书记、管委会主任副主任:周青松 区党工委委员、"
            "管委会副主任陈东荣 区党工委委员、管委会副主任委 员:林 杰 区环境与国土资源局局长郑 宇 岚城片区开发管理局局长")
    assert [line[at:at + 3] for at in run_on_breaks(line)] == ["主 任", "副主任", "陈东荣", "委 员", "郑 宇"]
    assert run_on_breaks("一、领导小组组成人员主任:许维泽 区长。") == []  # few labels after other words


def test_the_office_sentence_run_on_after_the_last_entry_gets_a_line():
    line = ("名单通知如下: 组 长:汪茂昌(区党工委委员、管委会副主任) 副组长:陈道金(区党工委管委会办公室副主任) 成 员: 张 鼎"
            "(县公安局副局长) 曹宗雄(财保平潭支公司总经理) 领导小组办公室设在区财政金融局,陈孜同志兼任办公室主任。")
    assert [line[at:at + 3] for at in run_on_breaks(line)] == ["组 长", "副组长", "成 员", "领导小"]


def test_a_table_row_and_an_office_label_keep_their_line():
    row = "成 员:杜晓峰\t市发展和改革委员会副主任\t领导小组下设办公室。办公室主任:韩冰(兼),办公室副主任:杜晓峰(兼)"
    assert run_on_breaks(row) == []  # a two-column list with the office's cell beside it
    prose = "成 员:杜晓峰 市发展和改革委员会副主任 领导小组下设办公室,办公室主任:韩冰(兼)"
    assert run_on_breaks(prose) == []  # the office's staff, written in its sentence


def test_items_numbered_with_a_stroke_begin_lines_of_a_run_on_text():
    """1、 numbers an item as 1. does: a crawl (or OCR, which loses the spaces between them) that
    ran them on still gets them a line each."""
    items = "".join(f"{n}、加强第{n}项工作的监督检查。(牵头单位:规划科,配合单位:各国土所)" for n in range(1, 8))
    line = "为了认真贯彻意见,现将有关工作分工如下。" * 20 + items
    starts = [line[at:at + 2] for at in run_on_breaks(line)]
    assert starts == [f"{n}、" for n in range(1, 8)]
