"""Rules added in the fifth blind round (tests/fixtures/unseen/r5-*): rivers ending in 溪 in a
list and before river words, a river ending in 水 before 流域, a river before its 闸站, a
river heading its block in a river-chief notice with its 河长 on the next line, and 主责单位
as the lead beside 协办单位. Each is checked on a few lines written the way such documents
write them."""

import pytest

from loaders.places import find_places
from loaders.roles import parse_roles
from loaders.task_table import task_rows


def _rivers(text: str) -> list[str]:
    return [text[p.start:p.end] for p in find_places(text) if p.label == "RIVER"]


@pytest.mark.parametrize("text, rivers", [
    ("推进清水溪、跳磴河等次级河流综合整治。", ["清水溪", "跳磴河"]),
    ("推进始丰溪流域农业面源污染治理，", ["始丰溪"]),
    ("为加快推进资江、邵水流域水污染综合整治，", ["邵水"]),
    ("实施永宁江闸站联调联控工程，", ["永宁江"]),
    ("(二)金水河\n\n河 长:区委常委、常务副区长 李晓东\n\n(三)金口港\n\n副河长:区政协副主席 万春林\n",
     ["金水河", "金口港"]),
    # no river: water that is no river's name, a heading followed by no chief, a 水 without 流域
    ("加强城镇污水收集处理，提升供水保障能力。", []),
    ("(二)金水河\n\n加强巡查。\n", []),
    ("完善排水管网，推进雨水资源化利用。", []),
])
def test_river_names_by_their_suffix_words_and_blocks(text, rivers):
    assert _rivers(text) == rivers


def test_main_duty_units_lead_beside_assisting_units():
    text = "主责单位：市水利局；协办单位：市生态环境局、市财政局"
    roles = parse_roles(text, 0, len(text))
    assert [text[a:b] for a, b in roles.lead] == ["市水利局"]
    assert [text[a:b] for a, b in roles.cooperate] == ["市生态环境局", "市财政局"]
    assert roles.responsible == []


def test_a_main_duty_column_leads_in_a_task_table():
    table = ("序号\t重点任务\t主责单位\t协办单位\t完成时限\n"
             "1\t推进椒江干流水环境综合治理\t市生态环境局\t市治水办、市水利局\t2023年12月底\n")
    (row,) = task_rows(table)
    assert [table[a:b] for a, b in row.roles.lead] == ["市生态环境局"]
    assert sorted(table[a:b] for a, b in row.roles.cooperate) == sorted(["市治水办", "市水利局"])
    assert row.roles.responsible == []
