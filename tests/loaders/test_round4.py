"""Rules added in the fourth blind round (tests/fixtures/unseen/r4-*): a task table with a
牵头领导 column, a 人大常委会 名单 with the post under the name, a name padded with two spaces,
river words after a river (沿岸, 水环境), a person whose name holds a river (宋长江), and a
…的公示 title. Each is checked on a few lines written the way such documents write them."""

import pytest

from loaders.spans.nlp import get_nlp
from loaders.text.normalize import normalize
from loaders.spans.places import find_places
from loaders.records import Source
from loaders.text.segment import segment
from loaders.extract.tasks.table import task_rows
from tests.loaders.extract_support import run
from tests.loaders.test_appointments import _one

LEADER_TABLE = ("序号\t重点工作任务\t牵头领导\t责任单位\n"
                "1\t新建改造农村公路1000公里\t刘玉梅\t市交通运输局、市财政局\n"
                "2\t完成城区棚户区改造5000套\t张  涛、王军\t市住房和城乡建设局\n")


def _documents(raw: str):
    return segment(normalize(Source.from_pages("mem.txt", [raw], "txt")))


def test_a_leader_column_names_people_and_the_table_is_read():
    rows = task_rows(LEADER_TABLE)
    assert [r.item for r in rows] == ["1", "2"]
    names = [LEADER_TABLE[a:b] for r in rows for a, b in r.roles.responsible]
    assert names == ["市交通运输局", "市财政局", "市住房和城乡建设局"]  # no 刘玉梅, 张涛


@pytest.mark.parametrize("rule, lead, cooperate", [
    ("责任单位中排在第一位的为牵头单位，其他为配合单位。", ["市交通运输局"], ["市财政局"]),
    ("", [], []),
])
def test_the_first_unit_of_a_responsible_cell_leads_when_the_document_says(rule, lead, cooperate):
    raw = (f"襄阳市人民政府关于印发重点工作任务分解方案的通知\n\n襄政发〔2019〕5号\n\n"
           f"各县（市、区）人民政府：\n\n　　现印发给你们。\n\n{rule}\n\n{LEADER_TABLE}")
    (document,) = _documents(raw)
    first = run("tasks", document).tasks[0]
    assert (first.lead, first.cooperate) == (lead, cooperate)
    assert first.responsible == ([] if rule else ["市交通运输局", "市财政局"])


@pytest.mark.parametrize("raw, acts", [
    ("一、决定任命\n\n郭振中\n　　洛阳市教育局局长\n\n二、决定免去\n\n宋长江\n　　洛阳市发展和改革委员会主任职务\n",
     [("appointment", "郭振中", "局长", "洛阳市教育局", "任命", None),
      ("removal", "宋长江", "主任", "洛阳市发展和改革委员会", "免去", None)]),
    ("批准任命\n\n周立民\n洛阳市人民检察院副检察长\n",
     [("appointment", "周立民", "副检察长", "洛阳市人民检察院", "任命", None)]),
])
def test_a_name_alone_on_its_line_takes_the_post_below_under_a_block_word(raw, acts):
    assert _one(raw, title="洛阳市人民代表大会常务委员会任免名单") == acts


def test_a_name_line_without_a_block_word_is_no_act():
    assert _one("郭振中\n洛阳市教育局局长\n", title="洛阳市人民代表大会常务委员会任免名单") == []


@pytest.mark.parametrize("raw", ["任命赵  明为省林业和草原局副局长；", "任命赵\u00a0\u00a0明为省林业和草原局副局长；"])
def test_a_name_padded_with_two_spaces(raw):
    assert _one(raw) == [("appointment", "赵明", "副局长", "省林业和草原局", "任命", None)]


@pytest.mark.parametrize("text, rivers", [
    ("县水利水电局：负责分水江干流堤防加固。", ["分水江"]),
    ("配合做好富春江沿岸生态修复。", ["富春江"]),
    ("实施唐白河水环境综合治理。", ["唐白河"]),
    ("推进清水河两岸绿化。", ["清水河"]),
])
def test_river_words_after_a_river_and_verbs_before_it(text, rivers):
    assert [text[p.start:p.end] for p in find_places(text) if p.label == "RIVER"] == rivers


@pytest.mark.parametrize("text, rivers", [
    ("二、决定免去\n\n宋长江\n洛阳市发展和改革委员会主任职务\n", []),
    ("加强长江流域生态保护，沿长江\n", ["长江", "长江"]),
])
def test_a_surname_before_a_known_river_alone_on_its_line_is_a_person(text, rivers):
    doc = get_nlp()(text)
    assert [s.text for s in doc.spans["place"] if s.label_ == "RIVER"] == rivers


def test_a_notice_titled_gongshi_is_a_document():
    raw = ("南宁市全面推行河长制办公室关于市级河长名单的公示\n\n南河长办〔2018〕3号\n\n"
           "　　现将我市市级河长名单公示如下：\n\n　　1.邕江：市委书记王小东\n\n"
           "南宁市全面推行河长制办公室\n\n2018年3月19日\n")
    (document,) = _documents(raw)
    assert document.title == "南宁市全面推行河长制办公室关于市级河长名单的公示"
    assert document.number == "南河长办〔2018〕3号"
