import pytest

from kg.evaluate import office_title_key
import opencc

from loaders.extract.groups import SET_UP, Marked
from loaders.extract.groups.names import set_ups
from loaders.extract.groups.rows import line_rows
from loaders.pipeline import view_of
from loaders.records import GroupFact
from loaders.text.script import to_simplified
from tests.loaders.extract_support import (documents_of_text as _documents, f1, fixture, fixture_names, key, run,
                                            run_sample, sample_documents)

ROLE_OF_KEY = {"leader": "leader", "deputy": "deputy", "members": "member"}


def members(groups: list[dict], by_doc: bool = True) -> set:
    """(doc, person, title, role) of every member; office staff are one role, as in the gold,
    compared as kg.evaluate compares them (办公室副主任（兼） in a gold file ≈ 副主任 as written)."""
    found = set()
    for group in groups:
        for role_key in ("leader", "deputy", "members", "office_staff"):
            for member in group[role_key]:
                role = ROLE_OF_KEY.get(role_key, "office")
                doc = group["doc"] if by_doc else None
                title = office_title_key(member["title"]) if role == "office" else key(member["title"])
                found.add((doc, key(member["person"]), title, role))
    return found


@pytest.fixture(scope="module")
def sample_groups():
    return [g.to_json() for g in run_sample("groups").groups]


def test_member_f1_on_the_gold_groups(gold, sample_groups):
    gold_docs = {g["doc"] for g in gold["groups"]}
    found = members([g for g in sample_groups if g["doc"] in gold_docs])
    assert f1(found, members(gold["groups"])) >= 0.97


def test_group_names_and_offices_as_the_gold_has_them(gold, sample_groups):
    found = {(g["doc"], key(g["name"]), key(g["office_at"])) for g in sample_groups}
    for group in gold["groups"]:
        assert (group["doc"], key(group["name"]), key(group["office_at"])) in found


def test_one_group_per_name_in_a_document(sample_groups):
    """18号 sets up its group in the text (…药品耗材…) and lists it in an attachment (…药品和医用耗材…)."""
    in_18 = [g for g in sample_groups if g["doc"] == "阳政办发〔2020〕18号"]
    assert [g["name"] for g in in_18] == ["阳泉市医疗机构药品和医用耗材集中采购工作领导小组"]


def test_the_expert_group_of_34_is_not_a_leading_group(sample_groups):
    names = [g["name"] for g in sample_groups if g["doc"] == "阳政办发〔2020〕34号"]
    assert names == ["阳泉市草地贪夜蛾防控领导小组"]
    people = {m["person"] for g in sample_groups for m in g["members"]}
    assert "乔飞" not in people and "张武云" not in people


def test_groups_of_bodies_keep_their_member_units(sample_groups):
    group = next(g for g in sample_groups if g["doc"] == "阳政办发〔2020〕41号")
    assert group["name"] == "阳泉市“菜篮子”市场供求应急调控领导小组"
    assert group["members"] == [] and group["office_at"] == "市发改委"
    assert group["member_agencies"][:3] == ["市委宣传部", "市商务局", "农业农村局"]
    assert "规划和自然资源局" in group["member_agencies"]  # broken over two lines in the text


def test_every_member_has_evidence_in_the_raw_text():
    document, _ = fixture("groups", "renewal_table")
    group = run("groups", document).groups[0]
    raw = document.text.source.text
    for member in group.members:
        span = raw[member.evidence.start:member.evidence.end]
        assert member.person in "".join(span.split()), member


@pytest.mark.parametrize("name", fixture_names("groups"))
def test_fixture_notices(name):
    document, expected = fixture("groups", name)
    groups = run("groups", document).groups
    assert all(isinstance(g, GroupFact) for g in groups)
    found = [g.to_json() for g in groups]
    assert [key(g["name"]) for g in found] == [key(g["name"]) for g in expected["groups"]]
    assert members(found, by_doc=False) == members(expected["groups"], by_doc=False)
    assert [key(g["office_at"]) for g in found] == [key(g["office_at"]) for g in expected["groups"]]
    agencies = [g["member_agencies"] for g in expected["groups"]]
    assert [g["member_agencies"] for g in found] == agencies


# The rules a group fact may name: a reader of a wrong fact finds the code from them.
RULES = {"groups/set-up", "groups/short-name", "groups/heading", "groups/heading:named-before",
         "groups/members-of", "groups/title",
         "groups/label-line", "groups/label-line:brackets", "groups/label-line:pairs",
         "groups/label-line:glued", "groups/label-line:name-glued", "groups/label-line:names",
         "groups/two-columns", "groups/two-columns:cells", "groups/one-cell-a-line",
         "groups/prose:held-by", "groups/prose:holds", "groups/prose:list",
         "groups/office:label", "groups/office:held-by", "groups/office:holds"}


def test_every_fact_names_one_of_the_groups_rules():
    groups = run_sample("groups").groups
    for name in fixture_names("groups"):
        groups += run("groups", fixture("groups", name)[0]).groups
    named = {g.evidence.rule for g in groups} | {m.evidence.rule for g in groups for m in g.members}
    assert named <= RULES
    assert {"groups/set-up", "groups/heading", "groups/label-line:pairs", "groups/two-columns"} <= named


def test_groups_set_up_at_the_marked_verbs_are_those_a_scan_of_the_text_finds():
    """The set-up verbs are found where spaCy marked them (groups.yaml `spans:`), not by a scan."""
    for document in sample_documents():
        view = view_of(document)
        found = [m.span(1) for m in set_ups(view.text, Marked(view).at("GROUP_SET_UP"))]
        assert found == [m.span(1) for m in SET_UP.finditer(view.text)], document.number


COMMITTEE = ("库尔勒市人民政府办公室关于调整库尔勒市安全生产委员会组成人员的通知\n\n库政办发〔2016〕58号\n\n"
             "各乡镇人民政府，市直各部门：\n\n　　决定对库尔勒市安全生产委员会（以下简称市安委会）组成人员进行调整。名单如下：\n\n"
             "　　主　　任：市委副书记、市长　　　　艾尔肯·吐尔地\n\n　　副 主 任：市人民政府副市长　　　　阿布都热依木·买买提\n\n"
             "　　委　　员：\n　　市人民政府办公室主任　周海鹰\t市发展和改革委员会主任　李　强\n\n"
             "　　市安委会办公室设在市安全生产监督管理局，办公室主任由古丽娜尔·买买提同志兼任。\n")


def _read(raw: str) -> list[tuple]:
    (document,) = _documents(raw)
    return [(to_simplified(g.name), to_simplified(g.office_at or ""),
             [(m.role, to_simplified(m.person), to_simplified(m.title)) for m in g.members])
            for g in run("groups", document).groups]


def test_a_notice_in_traditional_script_gives_the_groups_of_its_simplified_twin():
    traditional = opencc.OpenCC("s2t").convert(COMMITTEE)
    assert traditional != COMMITTEE
    assert _read(traditional) == _read(COMMITTEE) != []


# One person written every way lists and sentences write a name beside a post: the one grammar
# of loaders.extract.groups.entries reads each the same.
ONE_PERSON = ["张三 市发展改革委主任", "张三(市发展改革委主任)", "张三市发展改革委主任", "市发展改革委主任 张三",
              "市发展改革委主任张三", "张三,市发展改革委主任", "1.张三 市发展改革委主任", "张三同志 市发展改革委主任",
              "张三 市发展改革委主任6 s; H/", "①市发展改革委主任张三。", "张 三 (市发展改革委主任)"]


@pytest.mark.parametrize("line", ONE_PERSON)
def test_one_entry_written_every_way_reads_the_same(line):
    text = "成员:" + line
    rows = line_rows(text, 0, len(text), "")
    assert [("".join(text[slice(*r.name)].split()), text[slice(*r.title_spans[0])], r.role) for r in rows] == \
        [("张三", "市发展改革委主任", "member")]


@pytest.mark.parametrize("line", ["市发展改革委主任、市财政局局长", "市发展改革委、市财政局分管负责同志",
                                  "研究决定有关事项", "各县(区)人民政府县(区)长"])
def test_posts_bodies_and_sentences_name_no_one(line):
    text = "成员:" + line
    assert line_rows(text, 0, len(text), "") == []
