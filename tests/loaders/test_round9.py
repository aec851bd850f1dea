"""Rules added in the ninth blind round (tests/fixtures/unseen/r9-*): a date whose 日 a scan
read as 曰, 兹任命/兹聘任 blocks whose lines carry inline removals, names framed by a block
word, long bracket notes, `A区、B区人民政府` sharing its last words, a district named after its
river, a closing sentence with 各乡（镇）, no duty from a sentence of roles, and rivers after
打击 / 有, before 一级支流, or headed by 上. Each is checked on a few lines written the way such
documents write them."""

import pytest

from loaders.text.dates import find_dates
from loaders.spans.places import find_places
from loaders.extract.tasks.roles import parse_roles
from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers, _tasks


def test_a_date_whose_day_a_scan_read_as_yue():
    assert [d.iso for d in find_dates("二○○三年四月十曰")] == ["2003-04-10"]


NOTICE = ("天水市人民政府关于何振东等同志职务任免的通知\n\n天政任字〔2003〕18号\n\n各县区人民政府：\n\n"
          "　　兹任命：\n\n　　丁海文为天水市环境保护局副局长，免去其天水市城市建设局副局长职务；\n\n"
          "　　姚建军同志为天水市公安局副局长。\n\n　　兹聘任：\n\n　　杜文澜为天水市人民政府参事（聘期三年）。\n\n"
          "　　一、任命\n\n　　周启明为州发展和改革委员会副主任（挂职，浙江省援藏干部，挂职时间三年）；\n\n"
          "　　格绒彭措兼任州人民政府驻成都办事处主任。\n")


def test_block_words_frame_their_lines_whatever_a_line_adds():
    (document,) = _documents(NOTICE)
    acts = {(a.kind, a.person, a.post, a.act, a.note) for a in run("appointments", document).acts}
    assert acts == {
        ("appointment", "丁海文", "副局长", "任命", None),
        ("removal", "丁海文", "副局长", "免去", None),
        ("appointment", "姚建军", "副局长", "任命", None),  # the block's verb, not the 免去 before
        ("appointment", "杜文澜", "参事", "聘任", "聘期三年"),
        ("appointment", "周启明", "副主任", "任命", "挂职,浙江省援藏干部,挂职时间三年"),
        ("appointment", "格绒彭措", "主任", "兼任", "兼"),  # no known surname: the block vouches
    }


def test_places_listed_before_the_body_they_share():
    text = "市城市管理局,浉河区、平桥区人民政府"
    roles = parse_roles(text, 0, len(text))
    names = ["".join(text[a:b] for a, b in (u if isinstance(u[0], tuple) else (u,))) for u in roles.responsible]
    assert names == ["市城市管理局", "浉河区人民政府", "平桥区人民政府"]


def test_a_district_named_after_its_river_is_no_mention_of_the_river():
    text = "围绕浉河、小潢河等中心城区河道。\n浉河区人民政府负责。"
    assert _rivers(text) == ["浉河", "小潢河"]


PLAN = ("上犹县人民政府办公室关于印发上犹江“一河一策”实施方案的通知\n\n犹府办字〔2019〕41号\n\n各乡（镇）人民政府：\n\n"
        "　　1．整治入河排污口。全面排查上犹江干流入河排污口。县生态环境局负责，沿江各乡（镇）人民政府配合。\n\n"
        "　　2．落实河道保洁。建立河道保洁长效机制。沿江各乡（镇）人民政府负责。\n")


def test_closing_sentences_with_a_bracket_in_a_name_are_roles_not_duties():
    tasks = _tasks(PLAN)
    assert (tasks["1"].responsible, tasks["1"].cooperate) == (["县生态环境局"], ["沿江各乡（镇）人民政府"])
    assert tasks["2"].responsible == ["沿江各乡（镇）人民政府"]  # as written
    (document,) = _documents(PLAN)
    assert not run("duties", document).tasks


@pytest.mark.parametrize("text, rivers", [
    ("上犹江为章江一级支流,主要支流有营前河、寺下河。", ["章江", "营前河", "寺下河"]),
    ("严厉打击上犹江、油石河非法采砂行为", ["上犹江", "油石河"]),
    ("持续改善上犹江水环境质量", ["上犹江"]),
    ("加强上游河道和中段河道整治", []),  # positions, no names
])
def test_rivers_after_verbs_and_have_before_tributaries_and_headed_by_shang(text, rivers):
    assert _rivers(text) == rivers


def test_a_river_headed_by_a_position_word_needs_three_characters():
    assert [p for p in find_places("上河流域") if p.label == "RIVER"] == []
