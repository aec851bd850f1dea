import pytest

from kg.evaluate import office_title_key
from loaders.extract.groups.members import member_blocks
from loaders.extract.groups.office import office_staff
from loaders.records import GroupFact
from tests.loaders.extract_support import f1, fixture, fixture_names, key, run, run_sample

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


def test_a_two_column_row_is_read_column_by_column():
    body = ("组长:甲乙丙\t副市长\t丁戊\t市财政局副局长\n"
            "成员:己庚\t市水利局副局长\t办公室设在市水利局。\t\n")
    block = member_blocks(body)[0]
    rows = [(body[slice(*r.name)], r.role) for r in block.rows]
    assert rows == [("甲乙丙", "leader"), ("己庚", "member"), ("丁戊", "member")]
    assert [body[a:b] for a, b in block.office] == ["办公室设在市水利局。\t"]


def test_titles_in_brackets_after_names():
    body = "组长:王建国(市长)\n副组长:张三(市政府副秘书长)、李四(市发改委主任)\n成员:赵五(市财政局局长)\n"
    block = member_blocks(body)[0]
    rows = [(body[slice(*r.name)], body[slice(*r.title_spans[0])], r.role) for r in block.rows]
    assert rows == [("王建国", "市长", "leader"), ("张三", "市政府副秘书长", "deputy"),
                    ("李四", "市发改委主任", "deputy"), ("赵五", "市财政局局长", "member")]


def test_title_before_name_and_two_entries_on_a_line():
    """`组　长：市人民政府市长　张宏伟`, and a two-column table flattened with spaces."""
    body = ("组长:市人民政府市长 张宏伟\n副组长:市人民政府副市长 刘军\n"
            "成员:市委宣传部副部长 杨帆    市发展改革委主任 何建平\n"
            "市财政局局长 孙莉      何平 市水务局局长\n")
    block = member_blocks(body)[0]
    rows = [(body[slice(*r.name)], body[slice(*r.title_spans[0])], r.role) for r in block.rows]
    assert rows == [("张宏伟", "市人民政府市长", "leader"), ("刘军", "市人民政府副市长", "deputy"),
                    ("杨帆", "市委宣传部副部长", "member"), ("何建平", "市发展改革委主任", "member"),
                    ("孙莉", "市财政局局长", "member"), ("何平", "市水务局局长", "member")]


def test_a_line_of_words_that_are_no_pairs_ends_the_list():
    body = "组长:市长 张三\n领导小组办公室设在市水务局,负责日常工作。\n"
    block = member_blocks(body)[0]
    assert [body[slice(*r.name)] for r in block.rows] == ["张三"]


def test_a_wrapped_title_is_joined():
    body = "成员:任仔苏 市农业农村局二级调\n研员\n"
    row = member_blocks(body)[0].rows[0]
    assert "".join(body[a:b] for a, b in row.title_spans) == "市农业农村局二级调研员"


@pytest.mark.parametrize("text, expected", [
    # a list label is the title of each name after it; a bracket after a name joins its title
    ("办公室主任:王耀东(兼),办公室副主任:杨瑞(兼)、尹亮(市卫健委医政医管科科长),",
     [("王耀东", "office_director", "办公室主任(兼)"), ("杨瑞", "office_deputy", "办公室副主任(兼)"),
      ("尹亮", "office_deputy", "办公室副主任(市卫健委医政医管科科长)")]),
    ("领导小组办公室成员:周敏、吴涛。", [("周敏", "office_member", "办公室成员"),
                                    ("吴涛", "office_member", "办公室成员")]),
    # 由…兼任: the title as written, 办公室 not added where the text leaves it out, no (兼)
    ("办公室主任由安海润兼任,副主任由任仔苏兼任。",
     [("安海润", "office_director", "办公室主任"), ("任仔苏", "office_deputy", "副主任")]),
    ("办公室主任由林晓东同志兼任。", [("林晓东", "office_director", "办公室主任")]),
    ("办公室常务副主任由李红担任。", [("李红", "office_deputy", "办公室常务副主任")]),
    ("指挥部下设办公室,孙丽华同志兼任办公室主任。", [("孙丽华", "office_director", "办公室主任")]),
    ("王刚兼任领导小组办公室副主任。", [("王刚", "office_deputy", "办公室副主任")]),
    # a name run on after the person's title starts where the title ends
    ("韩志勇同志兼任办公室主任,市水务局副局长王立新兼任办公室副主任。",
     [("韩志勇", "office_director", "办公室主任"), ("王立新", "office_deputy", "办公室副主任")]),
    ("办公室主任由市农业农村局局长兼任。", []),  # a post, not a person
    ("办公室负责日常工作。", []),
])
def test_office_staff(text, expected):
    rows = office_staff(text, [(0, len(text))])
    found = [(text[slice(*r.name)], r.role, "".join(text[a:b] for a, b in r.title_spans))
             for r in rows]
    assert found == expected

