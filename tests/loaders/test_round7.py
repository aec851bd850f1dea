"""Rules added in the seventh blind round (tests/fixtures/unseen/r7-*): 参与部门 lines, the
units after an inline lead (`由X牵头，Y按职责分工负责，Z负责落实属地责任`), a role line under
labelled lines, a （牵头） mark closing a 、-list, a number of rivers after their names (五河),
a verb running into a river's name, a river table cut by single spaces, a river named again,
a 签发人 line, the notice under the 文号 over a plan heading above it, 聘任 to an adviser's
post, a member list over a page break, a notice without 文号 or 主送机关. Each is checked on a
few lines written the way such documents write them."""

import pytest

from loaders.structure.furniture import is_furniture
from loaders.extract.tasks.roles import parse_roles
from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers, _tasks

HEAD = "江西省人民政府办公厅关于印发稳经济若干措施分工方案的通知\n\n赣府厅字〔2022〕47号\n\n各设区市人民政府，省政府各部门：\n\n"


def _plan_tasks(items: str) -> dict:
    return _tasks(HEAD + items)


def test_participating_departments_cooperate_and_a_role_line_under_the_labels_joins_them():
    tasks = _plan_tasks("　　（一）加快推进交通基础设施建设。\n\n　　牵头部门：省交通运输厅\n\n"
                   "　　参与部门：国铁集团南昌局、省财政厅\n\n　　各设区市人民政府按属地负责落实。\n\n"
                   "　　（二）稳定增加大宗消费。\n")
    first = tasks["(一)"]
    assert (first.lead, first.cooperate, first.responsible) == (
        ["省交通运输厅"], ["国铁集团南昌局", "省财政厅"], ["各设区市人民政府"])


@pytest.mark.parametrize("sentence, lead, cooperate, responsible", [
    ("由人行南昌中心支行牵头，省地方金融监管局、江西银保监局按职责分工负责。",
     ["人行南昌中心支行"], [], ["省地方金融监管局", "江西银保监局"]),
    ("由省能源局牵头，省发展改革委参与，各设区市人民政府负责落实属地责任。",
     ["省能源局"], ["省发展改革委"], ["各设区市人民政府"]),
    ("补贴标准由市能源局牵头、市财政局配合研究确定。", ["市能源局"], ["市财政局"], []),
])
def test_units_after_an_inline_lead_take_their_own_verbs(sentence, lead, cooperate, responsible):
    task = _plan_tasks(f"　　（一）保障能源安全稳定供应。{sentence}\n")["(一)"]
    assert (task.lead, task.cooperate, task.responsible) == (lead, cooperate, responsible)


@pytest.mark.parametrize("text, lead, rest", [
    # a mark closing a 、-list set apart by commas is the whole list's
    ("责任单位：州卫生健康委、州农业农村局（牵头），州财政局，各县（市）人民政府",
     ["州卫生健康委", "州农业农村局"], ["州财政局", "各县(市)人民政府"]),
    # a mark inside a list is its unit's only
    ("责任单位：省水利厅（牵头）、省发展改革委、省财政厅", ["省水利厅"], ["省发展改革委", "省财政厅"]),
    # a list that is the whole clause: the mark stays with the unit it follows
    ("责任单位：市发展改革委、市水利局（牵头）", ["市水利局"], ["市发展改革委"]),
])
def test_a_lead_mark_closing_a_list_set_apart_by_commas(text, lead, rest):
    text = text.replace("（", "(").replace("）", ")").replace("，", ",").replace("：", ":")
    roles = parse_roles(text, 0, len(text))
    assert [text[a:b] for a, b in roles.lead] == lead
    assert [text[a:b] for a, b in roles.responsible] == [r.replace("（", "(").replace("）", ")") for r in rest]


@pytest.mark.parametrize("text, rivers", [
    ("加快赣江、抚河、信江、饶河、修河五河干流防洪提升工程", ["赣江", "抚河", "信江", "饶河", "修河"]),
    ("实施昆都仑河、四道沙河综合治理。", ["昆都仑河", "四道沙河"]),
    # a table cut by single spaces, its rivers first after the number, one named again later
    ("序号 河流(湖库)名称 流经乡镇 长度(公里) 区级河长 乡镇级河长\n"
     "5坎市溪 坎市镇、培丰镇 29.8 副区长 熊晓东 坎市镇镇长 苏永红\n"
     "7棉花滩水库(永定库区) 峰市镇 — 区委常委 王刚 峰市镇镇长 邹国忠\n"
     "8东风渠 凤城街道、城郊镇 12.4 区人大常委会副主任 廖荣生 城郊镇镇长 阙建明\n\n"
     "实施东风渠清淤疏浚。\n", ["坎市溪", "东风渠", "东风渠"]),
])
def test_rivers_by_count_verb_single_spaced_table_and_second_mention(text, rivers):
    assert _rivers(text) == rivers


def test_a_two_character_river_named_again_only_where_it_stands_alone():
    text = "流域:汀江流域\n\n李汀江同志,推进汀江治理。"
    assert _rivers(text) == ["汀江", "汀江"]  # not the one in the person's name


def test_a_signer_line_is_no_part_of_the_title_and_an_adviser_is_a_post():
    raw = ("宁都县人民政府文件\n\n宁府字〔2007〕56号\n\n　　　　　　签发人：曾国华\n\n宁都县人民政府\n"
           "关于刘建华等同志任免职务的通知\n\n各乡（镇）人民政府：\n\n"
           "　　经县人民政府研究决定：聘任李春生为县人民政府经济顾问；免去廖春生的县人民政府经济顾问职务。\n")
    (document,) = _documents(raw)
    assert document.title == "宁都县人民政府关于刘建华等同志任免职务的通知"
    acts = {(a.kind, a.person, a.post, a.act) for a in run("appointments", document).acts}
    assert acts == {("appointment", "李春生", "经济顾问", "聘任"), ("removal", "廖春生", "经济顾问", "免去")}


def test_the_notice_under_the_number_is_the_title_not_the_plan_heading_above():
    raw = ("永定区全面推行河长制工作方案\n\n龙永政办〔2017〕63号\n\n"
           "龙岩市永定区人民政府办公室关于印发永定区全面推行河长制工作方案的通知\n\n各乡镇人民政府，区直有关单位：\n\n"
           "　　现将《永定区全面推行河长制工作方案》印发给你们。\n")
    (document,) = _documents(raw)
    assert document.title == "龙岩市永定区人民政府办公室关于印发永定区全面推行河长制工作方案的通知"


GROUP = ("衡阳市人民政府办公室关于成立创建国家卫生城市工作领导小组的通知\n\n衡政办函〔2012〕88号\n\n各县市区人民政府：\n\n"
         "    决定成立衡阳市创建国家卫生城市工作领导小组。名单如下：\n\n"
         "    组    长：张  志  刚    市长\n\n"
         "    成    员：罗  军    市人民政府副秘书长\n                彭国华    市爱卫办主任\n"
         "                陈  静    市卫生局局长\n                                — 2 —\n\n"
         "衡阳市人民政府公报                                2012年第9期\n\n"
         "                邹  红    市教育局副局长\n                各县市区人民政府区长、县市长\n\n"
         "    领导小组下设办公室，办公室设在市爱卫办，彭国华同志兼任办公室主任，陈  静同志兼任办公室副主任。\n")


def test_a_member_list_goes_on_over_a_page_break_and_a_collective_entry():
    (document,) = _documents(GROUP)
    (group,) = run("groups", document).groups
    members = [(m.person, m.role) for m in group.members]
    assert ("邹红", "member") in members
    assert ("彭国华", "office_director") in members and ("陈静", "office_deputy") in members
    assert group.office_at == "市爱卫办"


def test_a_public_notice_without_number_or_addressees_is_a_document():
    raw = ("赣州市人民政府公报　　　　2017年第9期\n\n【人事信息】\n\n干部任前公示\n\n"
           "　　根据有关规定，经市委研究，拟对下列同志进行任职前公示：\n\n"
           "　　钟志华，男，1972年8月生，现任赣州市财政局副局长。\n\n"
           "中共赣州市委组织部\n\n2017年4月16日\n\n"
           "赣州市人民政府关于曾建平等同志职务任免的通知\n\n赣市府字〔2017〕38号\n\n各县（市、区）人民政府：\n\n"
           "　　任命曾建平为赣州市商务局局长。\n\n赣州市人民政府\n\n2017年5月2日\n")
    titles = [d.title for d in _documents(raw)]
    assert titles == ["干部任前公示", "赣州市人民政府关于曾建平等同志职务任免的通知"]


def test_a_heading_of_a_notice_inside_an_undated_document_is_no_document():
    raw = ("阳泉市人民政府关于加强河道管理的通知\n\n阳政发〔2020〕3号\n\n各县（区）人民政府：\n\n"
           "　　一、总体要求\n\n重大事项公示\n\n　　根据规定，对下列事项进行公示。\n\n"
           "阳泉市人民政府\n\n2020年3月1日\n")
    assert len(_documents(raw)) == 1


@pytest.mark.parametrize("line, furniture", [
    ("                                 — 2 —", True),
    ("- 12 -", True),
    ("第3页", True),
    ("衡阳市人民政府公报                              2012年第9期", True),
    ("2012年第9期  山东省人民政府公报", True),
    ("邹  红    市教育局副局长", False),
    ("2012年9月12日", False),
    ("", False),
])
def test_page_numbers_and_running_heads_are_furniture(line, furniture):
    assert is_furniture(line) is furniture
