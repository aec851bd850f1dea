"""Rules added in the tenth blind round (tests/fixtures/unseen/r10-*): 代理 inside a position,
正式任 without 用, places before the body they share after a lead (`西宁市、海东市人民政府负责`),
`各市、自治州人民政府` as one body, office staff named after a title, lists the text calls
rivers (`湘江、渌水、洣水等河流`), a reach without brackets, a city's name before its river,
建立 and 支流 before a river, and the rivers a duty names. Each is checked on a few lines
written the way such documents write them."""

import pytest

from loaders.extract.tasks.roles import parse_roles
from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers

NOTICE = ("吉林省人民政府关于高平等同志任免职务的通知\n\n吉政任〔2022〕18号\n\n各市（州）人民政府：\n\n"
          "　　任命于通化为吉林省能源局代理局长；\n\n"
          "　　柳河清同志试用期满，经考核合格，正式任吉林省统计局副局长（试用期从2021年9月起计算）。\n")


def test_an_acting_title_inside_a_position_and_a_confirmation_without_yong():
    (document,) = _documents(NOTICE)
    acts = {(a.person, a.org, a.post, a.act, a.note) for a in run("appointments", document).acts}
    assert acts == {("于通化", "吉林省能源局", "局长", "代理", "代理"),
                    ("柳河清", "吉林省统计局", "副局长", "正式任用", "试用期从2021年9月起计算；试用期满正式任用")}


def _names(text: str, role: str) -> list[str]:
    roles = parse_roles(text, 0, len(text))
    return ["".join(text[a:b] for a, b in (u if isinstance(u[0], tuple) else (u,))) for u in getattr(roles, role)]


@pytest.mark.parametrize("text, responsible", [
    ("省水利厅牵头,西宁市、海东市人民政府负责", ["西宁市人民政府", "海东市人民政府"]),
    ("省水利厅牵头,各市、自治州人民政府负责", ["各市、自治州人民政府"]),
    ("各县区人民政府、开发区管委会,阳煤集团负责落实", ["各县区人民政府", "开发区管委会", "阳煤集团"]),
])
def test_places_sharing_a_body_and_every_body_of_some_kinds(text, responsible):
    assert _names(text, "responsible") == responsible


GROUP = ("酒泉市人民政府办公室关于调整市河湖长制工作领导小组的通知\n\n酒政办发〔2023〕37号\n\n各县（市、区）人民政府：\n\n"
         "　　调整后的市河湖长制工作领导小组组成人员如下：\n\n"
         "　　组　长：王建华　市长\n\n　　成　员：李文斌　市水务局局长\n\n"
         "　　领导小组办公室设在市水务局，办公室主任由李文斌同志兼任，"
         "副主任由市水务局副局长牛建平同志担任。领导小组主要负责统筹推进党河、疏勒河流域的保护治理。\n")


def test_office_staff_after_a_title_and_the_rivers_of_a_duty():
    (document,) = _documents(GROUP)
    (group,) = run("groups", document).groups
    assert ("牛建平", "office_deputy") in [(m.person, m.role) for m in group.members]
    (duty,) = run("duties", document).tasks
    assert duty.rivers == ["党河", "疏勒河"]


@pytest.mark.parametrize("text, rivers", [
    ("推动湘江、渌水、洣水等河流和酒埠江水库、官庄湖等水域管理", ["湘江", "渌水", "洣水"]),
    ("建立湟水流域上下游横向生态保护补偿机制", ["湟水"]),
    ("统筹推进州河流域及其支流明月江、铜钵河水环境综合治理", ["州河", "明月江", "铜钵河"]),
    ("成立达州市州河流域水环境综合治理工作领导小组", ["州河"]),
    ("推进永定区永定河沿岸整治", ["永定河"]),
    ("加强新市河流域、坎市溪流域治理", ["新市河", "坎市溪"]),  # a 市 inside a river's name stays
    ("序号\t河段名称\t起止点\t河长\n5\t清江河兴隆镇段\t太平村至新联村\t敖德成\n", ["清江河"]),
    ("生活污水、工业废水等全部收集处理", []),  # no 等河流: no rivers
])
def test_rivers_called_so_after_verbs_and_places_and_without_their_reach(text, rivers):
    assert _rivers(text) == rivers
