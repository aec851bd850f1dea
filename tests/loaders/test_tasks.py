import re

import pytest

from loaders.extract.tasks import extract_tasks
from loaders.text.normalize import normalize
from loaders.structure.outline import outline
from loaders.records import Document, Source
from loaders.extract.tasks.clauses import find_clauses
from loaders.extract.tasks.roles import parse_roles
from loaders.extract.tasks.table import task_rows
from loaders.view import DocumentView
from tests.loaders.extract_support import (fixture, fixture_names, key, run, sample_document,
                                           sample_documents)

RIVER_PLAN = "阳政办发〔2020〕33号"


def row(task: dict) -> tuple:
    """A task as the gold writes it, in keys that compare names by their matching key."""
    names = lambda role: tuple(sorted(key(n) for n in task[role]))  # noqa: E731
    return (str(task["item"]), key(task["text_start"]), names("lead"), names("cooperate"),
            names("responsible"), tuple(task["rivers"]))


@pytest.fixture(scope="module")
def sample_tasks():
    tasks = {}
    for document in sample_documents():
        for task in run("tasks", document).tasks:
            tasks[(task.doc, task.item)] = task
    return tasks


def test_the_river_chief_plan_gives_every_gold_task(gold, sample_tasks):
    expected = {row(t) for t in gold["tasks"] if t["doc"] == RIVER_PLAN}
    found = {row(t.to_json()) for (doc, _), t in sample_tasks.items() if doc == RIVER_PLAN}
    assert len(expected) == 28
    assert found == expected


@pytest.mark.parametrize("doc, item, heading, lead, cooperate, responsible, deadline", [
    # 28号: several clauses in one item close the text before each; 分别牵头, 按职责各自负责
    ("阳政办发〔2020〕28号", "8-2", "开展民用煤质量专项整治行动", ["市能源局"], ["市市场监督管理局"],
     ["各县区政府", "开发区管委会"], None),
    ("阳政办发〔2020〕28号", "12", "加强车用油品质量监管", ["市市场监督管理局", "市商务局", "市应急管理局"],
     ["市交通运输局", "市工信局", "市生态环境局"], ["各县区政府", "开发区管委会"], None),
    ("阳政办发〔2020〕28号", "13", "加快机动车结构升级", [], [],
     ["市交通运输局", "市交警支队", "市城市管理局", "市财政局", "市商务局", "市直属机关事务管理局",
      "各县区政府", "开发区管委会", "阳煤集团"], None),
    ("阳政办发〔2020〕28号", "17-1", "全面加强降尘整治",
     ["市住建局", "市城市管理局", "市交通运输局", "市交警支队", "市水利局", "市规划和自然资源局", "市生态环境局"],
     ["市公安局", "市工信局", "市市场监督管理局", "市中小企业局", "阳泉公路分局"], ["各县区政府", "开发区管委会"], None),
    ("阳政办发〔2020〕28号", "17-3", "加快国道307、207线阳泉市绕城改线工程项目建设",
     ["阳泉市公路分局", "市交通运输局", "市交警支队"], [], ["各县区政府", "开发区管委会"], None),
    # 22号: unnumbered paragraphs under (一), each closed by （责任单位：…）
    ("阳政办发〔2020〕22号", "二(三)", "减支减负强支持", [], [], ["阳泉银保监分局", "人行阳泉市支行", "市脱贫办"], None),
    ("阳政办发〔2020〕22号", "三(一)-2", "畅通产销衔接", [], [], ["各有关县区", "市商务局", "市供销社", "市驻村帮扶单位"], None),
    # 21号: a bare list of units at the end of an item
    ("阳政办发〔2020〕21号", "9", "完善防止返贫保障措施", [], [], ["阳泉银保监分局", "市扶贫办", "各保险承办机构"], None),
    # 38号: 完成时限 and 责任单位 lines; a list broken over two lines (市科技 / 局)
    ("阳政办发〔2020〕38号", "(一)", "进一步理顺郊区政府和市经济技术开发区管委会之间的关系", [], [],
     ["市商务局", "市行政审批局", "郊区人民政府", "阳泉经济技术开发区"], "2020年6月底前"),
    ("阳政办发〔2020〕38号", "(十五)", "推动开发区开展“双创”活动", [], [],
     ["市发改委", "市工信局", "市科技局", "平定县人民政府", "各开发区"], "2020年12月底前"),
    # 40号: the clause after sub-items 1、…6、 stands alone: it is the parent item's
    ("阳政办发〔2020〕40号", "四", "依托骨干企业在重点行业开展主题为“畅购品质山城乐享美好生活”的促消费活动", [], [],
     ["市商务局", "市市场监督管理局", "市城市管理局", "相关企业"], None),
    # 30号: 由X牵头、Y配合 inside a sentence
    ("阳政办发〔2020〕30号", "(十)-2", "建筑节能改造补贴标准由市住建局牵头、市财政局配合研究确定", ["市住建局"], ["市财政局"], [], None),
])
def test_hand_checked_tasks_of_other_plans(sample_tasks, doc, item, heading, lead, cooperate,
                                          responsible, deadline):
    task = sample_tasks[(doc, item)]
    assert (task.heading, task.lead, task.cooperate, task.responsible, task.deadline) == \
        (heading, lead, cooperate, responsible, deadline)


def test_documents_without_clauses_give_no_tasks(sample_tasks):
    docs = {doc for doc, _ in sample_tasks}
    for number in ("阳政任字〔2020〕6号", "阳政办发〔2020〕35号", "阳政办发〔2020〕15号"):
        assert number not in docs


def test_a_tasks_evidence_holds_its_text_and_clause():
    document = sample_document(RIVER_PLAN)
    task = next(t for t in run("tasks", document).tasks if t.item == "6")
    raw = document.text.source.text[task.evidence.start:task.evidence.end]
    assert raw.startswith("开展入河排污口排查整治")
    assert raw.endswith("（市生态环境局牵头，市水利局、市住建局配合，各县（区）政府负责）")
    assert task.evidence.rule == "tasks/bracket" and task.evidence.doc == RIVER_PLAN


# The rules a task may name: a mechanism, its detail, the document rules that changed its roles.
RULE = re.compile(r"tasks/(?:bracket(?::cut)?|closing|table|heading|label:\S+|inline:(?:由)?…(?:牵头|负责|会同|要在…))"
                  r"(?:\+(?:first-leads|others-cooperate|responsible-leads))*(?:\+answering)?(?:\+heading)?")


def test_every_task_of_the_sample_names_one_of_a_few_rules(sample_tasks):
    rules = {task.evidence.rule for task in sample_tasks.values()}
    assert all(RULE.fullmatch(rule) for rule in rules), rules
    assert {"tasks/bracket", "tasks/label:责任单位", "tasks/inline:由…牵头"} <= rules


def _roles(tasks) -> list[tuple]:
    return [(t.item, t.lead, t.cooperate, t.responsible, t.deadline, t.evidence.rule) for t in tasks]


def test_a_view_no_pipeline_marked_gives_the_same_tasks():
    """Inline mandates are tried where spaCy marked their verbs; a view without marks finds
    the verbs itself, with the same result."""
    for document in sample_documents():
        assert _roles(extract_tasks(DocumentView(document)).tasks) == _roles(run("tasks", document).tasks)


@pytest.mark.parametrize("name", fixture_names("tasks"))
def test_fixture_plans(name):
    document, expected = fixture("tasks", name)
    found = [t.to_json() for t in run("tasks", document).tasks]
    assert [row(t) for t in found] == [row(t) for t in expected["tasks"]]
    assert [t["deadline"] for t in found] == [t["deadline"] for t in expected["tasks"]]


@pytest.mark.parametrize("clause, lead, cooperate, responsible", [
    ("市水利局牵头,市河长制成员单位配合,各县(区)政府、开发区管委会负责",
     ["市水利局"], ["市河长制成员单位"], ["各县(区)政府", "开发区管委会"]),
    ("市规划和自然资源局牵头,各县区人民政府、开发区管委会,阳煤集团负责落实",
     ["市规划和自然资源局"], [], ["各县区人民政府", "开发区管委会", "阳煤集团"]),
    ("教育部会同人力资源社会保障部负责", ["教育部"], ["人力资源社会保障部"], []),
    ("市、县河长办、水利部门按职责分工负责", [], [], ["市、县河长办", "水利部门"]),
    ("牵头单位:市发改委;配合单位:市财政局、市商务局", ["市发改委"], ["市财政局", "市商务局"], []),
    ("责任单位:市工信局、市人社局", [], [], ["市工信局", "市人社局"]),
    ("市商务局、市扶贫办、市供销社", [], [], ["市商务局", "市扶贫办", "市供销社"]),
    # a unit's role in brackets after it; the others keep the list's role
    ("责任单位:省水利厅(牵头),省发展改革委、省环保厅", ["省水利厅"], [], ["省发展改革委", "省环保厅"]),
    ("责任单位:省物价局(牵头)、省财政厅(配合)", ["省物价局"], ["省财政厅"], []),
])
def test_parse_roles(clause, lead, cooperate, responsible):
    roles = parse_roles(clause, 0, len(clause))
    names = lambda spans: [clause[a:b] for a, b in spans]  # noqa: E731
    found = (names(roles.lead), names(roles.cooperate), names(roles.responsible))
    assert found == (lead, cooperate, responsible)


@pytest.mark.parametrize("clause", [
    "名单由市工信局牵头确定", "各县(区)、开发区管委会目标待省下达我市目标后由市大气污染防治工作领导小组办公室另行分解下达",
    "简称联采办", "试行", "含洁净型煤", "国务院令 第 394 号,以下简称《条例》",
])
def test_brackets_holding_prose_are_no_clause(clause):
    assert parse_roles(clause, 0, len(clause)) is None


def test_a_deadline_inside_a_clause():
    clause = "市水利局牵头,2020年底前完成"
    roles = parse_roles(clause, 0, len(clause))
    assert clause[slice(*roles.deadline)] == "2020年底前完成"


def test_a_deadline_with_what_is_due_by_then():
    clause = "交通运输部牵头,发展改革委、水利部等按职责分工负责,2019年底前取得阶段性成果"
    roles = parse_roles(clause, 0, len(clause))
    assert clause[slice(*roles.deadline)] == "2019年底前取得阶段性成果"
    assert [clause[a:b] for a, b in roles.responsible] == ["发展改革委", "水利部"]


def _tasks(body: str) -> list[tuple]:
    text = normalize(Source.from_pages("mem.txt", [body], "txt"))
    document = Document(id="d", text=text, start=0, end=len(text.text), title="t", number="某政办〔2021〕1号",
                        jurisdiction=None, body_start=0)
    return [(t.item, t.lead, t.cooperate, t.responsible, t.deadline) for t in run("tasks", document).tasks]


def test_others_cooperate_beside_a_marked_lead_when_the_document_says_so():
    items = "(一)严格取水许可管理。\n责任单位:省水利厅(牵头),省发展改革委、省环保厅\n"
    rule = "各项任务责任单位中,标明“牵头”的为牵头单位,其余为配合单位。\n"
    assert _tasks(items + rule) == [("(一)", ["省水利厅"], ["省发展改革委", "省环保厅"], [], None)]
    assert _tasks(items) == [("(一)", ["省水利厅"], [], ["省发展改革委", "省环保厅"], None)]


TABLE = ("序号  重点任务                          牵头单位          配合单位                  完成时限\n"
         "1     推行企业开办一网通办              市市场监管局      市公安局、市税务局        2021年6月底前\n"
         "— 12 —\n"
         "2     加强南明河沿线排污口整治          市生态环境局      各区(市、县)人民政府      持续推进\n")


def test_a_task_table_gives_a_task_per_row():
    assert _tasks(TABLE) == [
        ("1", ["市市场监管局"], ["市公安局", "市税务局"], [], "2021年6月底前"),
        ("2", ["市生态环境局"], ["各区(市、县)人民政府"], [], "持续推进")]


def test_a_tab_cut_table_with_a_responsible_column_and_the_first_listed_rule():
    body = ("序号\t工作任务\t责任单位\t完成时限\n1\t建设政务云\t省大数据局、省财政厅\t\n"
            "2\t完善外网\t省通信管理局\t2022年底前\n列第一位者为牵头单位,其他为配合单位。\n")
    assert _tasks(body) == [("1", ["省大数据局"], ["省财政厅"], [], None),
                            ("2", ["省通信管理局"], [], [], "2022年底前")]


def test_prose_after_a_table_ends_it():
    body = TABLE + "二、保障措施\n各地要加强领导。\n请认真落实。\n市政府办公室负责督查。\n3  另一行  市水利局  市财政局  年底\n"
    assert [row.item for row in task_rows(body)] == ["1", "2"]


@pytest.mark.parametrize("others, counts", [("cooperate", (1, 2, 0)), ("responsible", (1, 0, 2))])
def test_the_first_listed_leads_when_the_document_says_so(others, counts):
    roles = parse_roles("责任单位:省水利厅、省财政厅、各市人民政府", 0, 20)
    assert roles.first_leads(others)
    assert (len(roles.lead), len(roles.cooperate), len(roles.responsible)) == counts


def test_a_bare_list_is_a_clause_only_at_a_line_end():
    text = "依托市政务服务中心(市行政审批局、市大数据应用局)开展工作。\n完成改造(市住建局、市财政局)\n"
    clauses = find_clauses(text, 0, len(text))  # normalised text: brackets are ASCII
    assert [text[c.start:c.end] for c in clauses] == ["(市住建局、市财政局)"]


def test_outline_names_items_as_documents_cite_them():
    body = "一、目标\n（一）甲\n1. 乙\n2. 丙\n（1）丁\n（二）戊\n1. 己\n附件1：\n一、庚\n"
    items = [(u.level, u.item) for u in outline(body.replace("（", "(").replace("）", ")"))]
    # 1 is used twice, so it is cited after its parent; 2 once, so alone; (1) always after 2
    assert items == [(0, ""), (1, "一"), (2, "(一)"), (3, "(一)1"), (3, "2"), (4, "2(1)"),
                     (2, "(二)"), (3, "(二)1"), (0, "附件1"), (1, "附件1一")]



def test_a_plans_decimal_heading_is_an_item_its_numbered_lines_are_under():
    body = "2.1.2成员单位职责\n(1)市委宣传部:负责舆论引导。\n(2)市教育局:负责学校防控。\n1.5万元用于防疫物资采购。\n"
    items = [(u.level, u.item) for u in outline(body)]
    # a decimal opening a long line is a figure (1.5万元), not a heading
    assert items == [(0, ""), (3, "2.1.2"), (4, "2.1.2(1)"), (4, "2.1.2(2)")]


@pytest.mark.parametrize("text, end", [
    ("省编办、省国土资源厅、省住", "省编办、省国土资源厅"),  # the piece the cut broke is left out
    ("省编办、省国土资源厅、", "省编办、省国土资源厅"),
    ("牵头单位:广州供电局;配合单", "牵头单位:广州供电局"),
    ("省编办、省国土资源厅", "省编办、省国土资源厅"),  # a whole last unit stays
])
def test_a_list_the_texts_end_cuts_keeps_its_whole_units(text, end):
    from loaders.extract.tasks.units import whole_end

    assert text[:whole_end(text, 0, len(text))] == end


def test_items_a_copy_ran_into_one_line_are_named_as_numbered():
    from loaders.extract.tasks.flat import plan_outline

    body = ("通知 现将重点工作任务予以分解,各责任单位要尽快制定具体落实方案,确保重点工作如期推进,"
            "并按季度向省政府报告进展情况,年底报告全年落实情况。 一、加快提振市场信心 (一)全面促进消费增长。"
            " 1.把恢复和扩大消费摆在优先位置。(省商务厅负责) 2.落实好提振市场信心措施。(省发展改革委牵头)"
            " 共 3 个方面。")
    document = Document(id="d", text=normalize(Source.from_pages("d.txt", [body], "txt")), start=0,
                        end=len(body), title="d", number=None, jurisdiction=None, body_start=0)
    items = [u.item for u in plan_outline(DocumentView(document))]
    assert items == ["", "一", "(一)", "1", "2"]


@pytest.mark.parametrize("label, value", [("3", 3), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21)])
def test_item_numbers_have_values(label, value):
    from loaders.extract.tasks.flat import number_value

    assert number_value(label) == value


@pytest.mark.parametrize("line, items", [
    ("（一）增长11%。（省发改委负责）（二）增长13%。（省财政厅负责）", ["(一)", "(二)"]),
    ("1.抓好项目。（省发改委主办）2.抓好服务。（省工信委主办）", ["1", "2"]),
    ("1.抓好项目。（省发改委负责）3.5亿元用于项目。", ["1"]),  # 3.5 is a figure, 3 no successor
    ("（一）稳增长。1.扩大投资。（省发改委牵头）2.促进消费。", ["(一)", "1", "2"]),
    ("①扩大投资。（省发改委牵头）②促进消费。（省商务厅牵头）④", ["①", "②"]),
])
def test_items_a_line_runs_together(line, items):
    from loaders.extract.tasks.flat import plan_outline

    text = normalize(Source.from_pages("t.txt", [line], "txt"))
    view = DocumentView(Document(id="d", text=text, start=0, end=len(text.text), title="t"))
    assert [unit.label for unit in plan_outline(view) if unit.level] == items
