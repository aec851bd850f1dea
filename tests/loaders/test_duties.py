"""Agency duties: the sample's duty tables and paragraphs (18号, 30号, 34号, 41号), and forms."""

from loaders.view import DocumentView
import pytest

from loaders import extract
from loaders.extract.duties import extract_duties, is_duty_subject
from loaders.text.normalize import normalize
from loaders.records import Source
from loaders.text.segment import segment
from tests.loaders.docs_support import sample_text


@pytest.fixture(scope="module")
def sample_duties():
    return {d.key: extract_duties(DocumentView(d)).tasks for d in segment(sample_text())}


def _by_agency(tasks):
    return {(t.lead or t.cooperate or t.responsible)[0]: t for t in tasks}


def test_only_documents_that_state_duties_have_them(sample_duties):
    counts = {doc: len(tasks) for doc, tasks in sample_duties.items() if tasks}
    assert counts == {"阳政办发〔2020〕17号": 7, "阳政办发〔2020〕18号": 9, "阳政办发〔2020〕30号": 13,
                      "阳政办发〔2020〕34号": 11, "阳政办发〔2020〕41号": 22}


def test_member_unit_table_of_18(sample_duties):
    tasks = sample_duties["阳政办发〔2020〕18号"]
    assert [t.item for t in tasks] == [f"0-d{n}" for n in range(1, 10)]  # a table no item holds
    duties = _by_agency(tasks)
    assert list(duties)[:3] == ["市医保局", "市卫健委", "市财政局"]
    assert duties["市医保局"].heading == "负责具体工作的组织实施"
    # the layout broke 市卫健委's row after 中选药品、: the duty runs on over the break
    assert "畅通中选药品、耗材进院、使用工作的政策宣传" in duties["市卫健委"].text
    assert duties["市卫健委"].text.endswith("指导公立医疗机构改革等")
    # a row of the table need not say 负责
    assert duties["市机关事务管理局"].heading == "协同落实保障市药械集中招标采购中心办公业务用房"
    assert duties["市财政局"].text == "负责药品耗材集中带量采购中医保基金拨付使用情况的监管"


def test_paragraphs_opening_with_a_body_in_30(sample_duties):
    duties = _by_agency(sample_duties["阳政办发〔2020〕30号"])
    assert "市直各有关部门" not in duties and "其他相关部门" not in duties
    assert duties["市能源局"].heading == "负责牵头审定热源侧清洁化改造各专项实施方案、指导推进和督促落实"
    assert "负责与省住建厅积极沟通" in duties["市住房和城乡建设局"].text
    assert duties["国网阳泉供电公司"].text.endswith("负责清洁取暖用电量的监测统计")
    assert duties["市人民政府金融工作办公室"].text == "负责研究制定清洁取暖相关产业金融优惠政策"
    assert duties["市能源局"].lead == ["市能源局"]  # 负责牵头审定…: the verb makes it the lead
    assert all(t.lead == t.cooperate == [] for body, t in duties.items() if body != "市能源局")


def test_headed_sections_and_numbered_items_in_41(sample_duties):
    tasks = sample_duties["阳政办发〔2020〕41号"]
    owners = [t.responsible[0] for t in tasks[:10]]
    assert owners == ["领导小组"] * 5 + ["领导小组办公室"] * 5  # （一）领导小组工作职责 1.–5.
    duties = _by_agency(tasks[10:])
    assert duties["市委宣传部"].heading == "协调相关单位做好新闻发布有关事宜"
    assert duties["国家统计局阳泉调查队"].heading == "负责“菜篮子”商品价格统计调查"
    assert duties["县（区）人民政府"].heading == "负责本辖区内“菜篮子”基地建设工作"
    assert tasks[13].lead == ["市发改委"] and tasks[13].text.startswith("负责牵头并会同市商务局")
    assert "统计局" not in duties  # 10. 统计局、…等单位职责参照…执行: a reference, no duty


def test_evidence_holds_the_body_and_the_text(sample_duties):
    raw = sample_text().source.text
    for tasks in sample_duties.values():
        for t in tasks:
            cut = "".join(raw[t.evidence.start:t.evidence.end].split())
            assert (t.lead or t.cooperate or t.responsible)[0] in cut and t.heading in cut
            assert t.evidence.rule.startswith("duties/")


def test_registered_by_name():
    assert extract.get_extractor("duties") is extract_duties
    assert "duties" in extract.MODULES


def _duties(body: str):
    text = normalize(Source.from_pages("mem.txt", [f"关于做好防汛工作的通知\n\n豫政办〔2021〕3号\n\n{body}\n"], "txt"))
    return [((t.lead or t.cooperate or t.responsible)[0], t.heading) for d in segment(text) for t in extract_duties(DocumentView(d)).tasks]


@pytest.mark.parametrize("body, duties", [
    ("市交通运输局负责公路养护；市公安局负责交通秩序维护。",
     [("市交通运输局", "负责公路养护"), ("市公安局", "负责交通秩序维护")]),
    ("各成员单位职责：\n市发改委：负责项目审批，做好协调；\n市财政局：负责资金保障。",
     [("市发改委", "负责项目审批"), ("市财政局", "负责资金保障")]),
    ("各成员单位职责：市发改委：负责项目审批；市财政局：负责资金保障。",
     [("市发改委", "负责项目审批"), ("市财政局", "负责资金保障")]),
    ("成员单位职责分工\n市委宣传部：组织新闻宣传。\n市气象局：及时提供气象信息。",
     [("市委宣传部", "组织新闻宣传"), ("市气象局", "及时提供气象信息")]),
    ("（一）县（区）人民政府职责。负责本辖区防汛工作；负责转移群众。",
     [("县（区）人民政府", "负责本辖区防汛工作")]),
    ("二、指挥部办公室工作职责\n1. 承担指挥部日常工作。\n2. 汇总上报汛情。\n三、其他\n1. 及时总结。",
     [("指挥部办公室", "承担指挥部日常工作"), ("指挥部办公室", "汇总上报汛情")]),
    ("3. 领导小组办公室具体负责日常工作。", [("领导小组办公室", "具体负责日常工作")]),
    ("水利部负责指导全国水旱灾害防御工作。", [("水利部", "负责指导全国水旱灾害防御工作")]),
])
def test_forms(body, duties):
    assert _duties(body) == duties


@pytest.mark.parametrize("body", [
    "市委宣传部：组织新闻宣传。",  # a row of a table only under a 职责 heading
    "本预案由市发改委负责解释。",
    "残疾儿童康复救助工作实行各级人民政府负责制。",
    "落实各级政府主要负责同志是第一责任人的责任。",
    "各有关部门负责做好本行业防汛工作。",
    "张三负责全面工作，李四负责日常工作。",
    "市长负责全面工作。",
    "开展河道清障（市水利局负责）。",
    "严格落实安全生产职责。\n市应急局：王某，电话12345。",
])
def test_prose_that_is_no_duty(body):
    assert _duties(body) == []


@pytest.mark.parametrize("name, ok", [
    ("市医保局", True), ("国网阳泉供电公司", True), ("县(区)人民政府", True), ("市科协", True),
    ("领导小组办公室", True), ("国家统计局阳泉调查队", True),
    ("各有关部门", False), ("成员单位", False), ("市长", False), ("张三", False),
    ("本预案由市发改委", False), ("(市住建局", False), ("市发改委等单位", False),
])
def test_is_duty_subject(name, ok):
    assert is_duty_subject(name) is ok
