"""Rules added in the sixth blind round (tests/fixtures/unseen/r6-*): a task table drawn with
box characters whose cells wrap, the rule 表中“责任单位”为牵头单位, rivers heading a line before
乡级河长, a table column of river names with reaches, a list item ending in two river suffixes
(邢江河), and 关于/公布 before a river. Each is checked on a few lines written the way such
documents write them."""

import pytest

from loaders.text.normalize import normalize
from loaders.records import Source
from loaders.extract.tasks.table import task_rows
from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers, _tasks

BOXED = ("┌──┬──────────┬──────┬────────┬─────┐\n"
         "│序号│工作任务          │责任单位   │配合单位     │时间节点  │\n"
         "├──┼──────────┼──────┼────────┼─────┤\n"
         "│1 │开展长江经开区段岸线排查整治│生态环境分局 │建设发展局、自然资│2025年6│\n"
         "│  │,清理违规占用岸线项目   │       │源和规划分局   │月底前   │\n"
         "├──┼──────────┼──────┼────────┼─────┤\n"
         "│2 │加强建筑工地扬尘管控    │建设发展局  │       │持续推进  │\n"
         "└──┴──────────┴──────┴────────┴─────┘\n")


def _names(text, spans):
    return ["".join(text[a:b] for a, b in (s if isinstance(s[0], tuple) else (s,))) for s in spans]


def test_a_table_drawn_with_box_characters_is_read_with_its_wrapped_cells():
    rows = task_rows(BOXED)
    assert [r.item for r in rows] == ["1", "2"]
    assert ["".join(BOXED[a:b] for a, b in r.text) for r in rows] == [
        "开展长江经开区段岸线排查整治,清理违规占用岸线项目", "加强建筑工地扬尘管控"]
    assert [_names(BOXED, r.roles.responsible) for r in rows] == [["生态环境分局"], ["建设发展局"]]
    assert [_names(BOXED, r.roles.cooperate) for r in rows] == [["建设发展局", "自然资源和规划分局"], []]
    assert _names(BOXED, [r.roles.deadline for r in rows]) == ["2025年6月底前", "持续推进"]


@pytest.mark.parametrize("rule, lead", [("注：表中“责任单位”为牵头单位。", ["生态环境分局"]), ("", [])])
def test_the_responsible_column_leads_when_the_document_says(rule, lead):
    raw = (f"芜湖经济技术开发区管理委员会关于印发生态环境保护重点任务清单的通知\n\n芜开管〔2025〕12号\n\n"
           f"各局、各街道：\n\n　　现印发给你们。\n\n{rule}\n\n{BOXED}")
    (document,) = _documents(raw)
    first = run("tasks", document).tasks[0]
    assert first.lead == lead
    assert first.responsible == ([] if lead else ["生态环境分局"])


@pytest.mark.parametrize("text, rivers", [
    ("  龙坑溪乡级河长:乡党委副书记 汪丽君\n\n  长虹河村级副河长:村委会主任 徐国平\n", ["龙坑溪", "长虹河"]),
    ("序号  村名      河道名称                村级河长  职务\n"
     "1     高田坑村  高田坑溪(高田坑村段)    汪志明    村党支部书记\n"
     "2     真子坑村  真子坑溪                程小红    村党支部书记\n", ["高田坑溪", "真子坑溪"]),
    ("范围内河道(包括贯城河、邢江河及其支流,湖泊)", ["贯城河", "邢江河"]),
    ("定期公布贯城河、邢江河水质状况。", ["贯城河", "邢江河"]),
    ("一、关于七里河、牛尾河综合治理三期工程\n", ["七里河", "牛尾河"]),
])
def test_rivers_of_chief_lines_tables_and_lists(text, rivers):
    assert _rivers(text) == rivers


def test_a_table_padded_with_ideographic_spaces_keeps_its_columns():
    """A second river of a village, on a line of its own, stands in the river column only by
    its padding: each ideographic space is as wide as a Chinese character."""
    raw = ("序号　村　名　　　　河道名称　　　　　　　　　　村级河长　　职　务\n\n"
           "1　　　高田坑村　　　高田坑溪（高田坑村段）　　　汪志明　　　村党支部书记\n\n"
           "2　　　库坑村　　　　库坑溪（库坑村段）　　　　　余　军　　　村委会主任\n\n"
           "　　　　　　　　　　　杨家沟　　　　　　　　　　　余　军　　　村委会主任\n")
    assert _rivers(normalize(Source.from_pages("t.txt", [raw], "txt")).text) == ["高田坑溪", "库坑溪", "杨家沟"]


MINUTES = ("邢台市人民政府常务会议纪要\n\n邢政纪〔2019〕12号\n\n"
           "  一、关于七里河、牛尾河综合治理三期工程\n\n"
           "  会议听取了市水务局的汇报。会议议定:原则同意三期工程实施方案。由市水务局牵头,市发改委、市财政局配合,"
           "抓紧完成初步设计审批,确保7月底前开工。桥东区政府、桥西区政府负责做好沿线征迁工作。\n\n"
           "  二、关于老旧小区改造\n\n"
           "  会议议定:由市住房城乡建设局牵头,市财政局配合,制定分批改造时间表。\n")


def test_a_topic_stating_one_task_gives_it_the_units_answering_for_part_and_its_rivers():
    tasks = _tasks(MINUTES)
    first = tasks["一"]
    assert (first.lead, first.cooperate) == (["市水务局"], ["市发改委", "市财政局"])
    assert first.responsible == ["桥东区政府", "桥西区政府"]
    assert first.rivers == ["七里河", "牛尾河"]
    assert (tasks["二"].responsible, tasks["二"].rivers) == ([], [])


@pytest.mark.parametrize("preamble, title", [
    ("《安顺市城市河道管理办法》已经2016年8月15日市人民政府第36次常务会议通过，现予公布，自2016年10月1日起施行。",
     "安顺市城市河道管理办法"),
    ("现将有关事项公布如下。", "安顺市人民政府令"),  # an order that publishes no named text keeps its own title
])
def test_an_order_is_titled_by_the_text_it_publishes(preamble, title):
    raw = f"安顺市人民政府令\n\n第12号\n\n　　{preamble}\n\n市　长　　周　峰\n\n2016年8月26日\n\n第一条　为了加强管理，制定本办法。\n"
    (document,) = _documents(raw)
    assert (document.number, document.title, document.issuer) == ("安顺市人民政府令第12号", title, "安顺市人民政府")


def test_a_minutes_own_title_under_the_masthead_of_its_series():
    raw = ("邢台市人民政府常务会议纪要\n\n邢政纪〔2019〕12号\n\n邢台市人民政府办公室　　　　　　2019年6月14日\n\n"
           "市政府第二十三次常务会议纪要\n\n　　2019年6月11日上午，市长主持召开市政府第二十三次常务会议。现纪要如下：\n")
    (document,) = _documents(raw)
    assert (document.title, document.issuer, document.date) == (
        "市政府第二十三次常务会议纪要", "邢台市人民政府办公室", "2019-06-14")


def test_a_masthead_without_a_title_of_its_kind_below_stays_the_title():
    raw = ("邢台市人民政府常务会议纪要\n\n邢政纪〔2019〕12号\n\n　　2019年6月11日上午，市长主持召开会议。现纪要如下：\n\n"
           "邢台市人民政府办公室\n2019年6月14日\n")
    (document,) = _documents(raw)
    assert document.title == "邢台市人民政府常务会议纪要"
