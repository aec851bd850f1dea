"""Rules added in the eleventh blind round (tests/fixtures/unseen/r11-*): `，兼任Z` after an
appointment, places of different kinds sharing a body's name, the decisions of minutes
(`由X牵头，会同Y、Z，…`, `A负责，B配合，…`, `X要会同Y、Z抓紧…`) with no duties, 研究 before a
river, and `…及X等河流`. Each is checked on a few lines written the way such documents write
them."""

import pytest

from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers
from tests.loaders.test_round10 import _names


def test_a_concurrent_post_after_an_appointment_is_the_same_persons():
    raw = ("佳木斯市人民政府关于邵春梅等同志职务任免的通知\n\n佳政任〔2010〕7号\n\n各县（市）区人民政府：\n\n"
           "　　任命邵春梅同志为佳木斯市人民政府办公室副主任，兼任佳木斯市人民政府法制办公室主任。\n")
    (document,) = _documents(raw)
    acts = {(a.person, a.org, a.post, a.act, a.note) for a in run("appointments", document).acts}
    assert acts == {("邵春梅", "佳木斯市人民政府办公室", "副主任", "任命", None),
                    ("邵春梅", "佳木斯市人民政府法制办公室", "主任", "兼任", "兼")}


def test_places_of_different_kinds_share_a_body():
    assert _names("翁源县、曲江区政府", "responsible") == ["翁源县政府", "曲江区政府"]


MINUTES = ("芜湖市人民政府常务会议纪要\n\n芜政纪〔2021〕15号\n\n"
           "　　一、关于青弋江分洪道工程\n\n"
           "　　会议议定：由市水利局牵头，会同市发展改革委、市财政局，加快完成可研报告审查。湾沚区、南陵县政府负责做好征地拆迁工作。\n\n"
           "　　二、关于老旧管网改造\n\n"
           "　　会议议定：市住房城乡建设局负责，市城管局、市财政局配合，按照“先急后缓”的原则，制定年度改造计划。\n\n"
           "　　三、关于新增学位\n\n"
           "　　会议议定：市教育局要会同市发展改革委、市住房城乡建设局抓紧推进新建学校建设。\n")


def test_the_decisions_of_minutes_with_hui_tong_and_no_duties():
    (document,) = _documents(MINUTES)
    tasks = {t.item: (t.lead, t.cooperate, t.responsible) for t in run("tasks", document).tasks}
    assert tasks == {
        "一": (["市水利局"], ["市发展改革委", "市财政局"], ["湾沚区政府", "南陵县政府"]),
        "二": ([], ["市城管局", "市财政局"], ["市住房城乡建设局"]),
        "三": (["市教育局"], ["市发展改革委", "市住房城乡建设局"], []),
    }
    assert run("duties", document).tasks == []


@pytest.mark.parametrize("text, rivers", [
    ("研究青弋江、漳河防洪治理", ["青弋江", "漳河"]),
    ("统筹推进洋河、溢水河及金水河等河流保护", ["洋河", "溢水河", "金水河"]),
    ("加强我市北江干流、南水水库等水域保护", ["北江"]),
])
def test_rivers_after_yanjiu_and_in_a_list_ending_with_ji(text, rivers):
    assert _rivers(text) == rivers
