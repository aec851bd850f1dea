"""Rules added in the third blind round (tests/fixtures/regression/r3-*): layouts and wordings of
other places and years, each checked on a few lines written the way such documents write them."""

import pytest

from loaders.extract.groups import HEADING, SET_UP
from loaders.extract.groups.members import member_blocks
from loaders.text.normalize import normalize
from loaders.extract.groups.office import office_staff
from loaders.records import Source
from loaders.extract.tasks.clauses import find_clauses
from tests.loaders.test_appointments import _one
from tests.loaders.test_decision import _context


def _rows(body: str) -> list[tuple]:
    return [(body[slice(*r.name)], "".join(body[a:b] for a, b in r.title_spans), r.role)
            for block in member_blocks(body) for r in block.rows]


def test_a_line_of_labelled_runs_apart_by_semicolons():
    """应急预案: `指挥长：A（…）；副指挥长：B（…）、C（…）；成员：<title>D、<title>E。` in one line,
    a padded name (田　勇) in brackets form, titles written against the names after them."""
    body = ("指挥长:龙晓华(县委副书记、县长);副指挥长:吴国强(县人民政府副县长)、田 勇(县水利局局长);"
            "成员:县应急管理局局长杨正清、县交通运输局局长向东。\n")
    assert _rows(body) == [("龙晓华", "县委副书记、县长", "leader"),
                           ("吴国强", "县人民政府副县长", "deputy"),
                           ("田 勇", "县水利局局长", "deputy"),
                           ("杨正清", "县应急管理局局长", "member"),
                           ("向东", "县交通运输局局长", "member")]


def test_glued_entries_that_are_no_title_and_name_are_no_rows():
    assert _rows("成员:县应急管理局、县气象局。\n") == []


def test_minority_names_and_a_note_between_name_and_title():
    body = ("召集人:阿不都·热合曼 市人民政府副市长\n副召集人:马秀兰(女,回族) 市人民政府副秘书长\n"
            "    艾尔肯·吐尔逊 市人力资源和社会保障局局长\n成员单位:市财政局、市水务局。\n"
            "联席会议办公室设在市人力资源和社会保障局,办公室主任由艾尔肯·吐尔逊同志兼任。\n")
    (block,) = member_blocks(body)
    assert _rows(body) == [("阿不都·热合曼", "市人民政府副市长", "leader"),
                           ("马秀兰", "市人民政府副秘书长", "deputy"),
                           ("艾尔肯·吐尔逊", "市人力资源和社会保障局局长", "deputy")]
    staff = office_staff(body, block.office)  # the office line after the 成员单位 line is kept
    assert [(body[slice(*r.name)], r.role) for r in staff] == [("艾尔肯·吐尔逊", "office_director")]


@pytest.mark.parametrize("text, name", [
    ("决定建立乌鲁木齐市根治拖欠农民工工资工作联席会议制度", "乌鲁木齐市根治拖欠农民工工资工作联席会议"),
])
def test_a_group_set_up_by_建立(text, name):
    assert SET_UP.search(text).group(1) == name


def test_a_numbered_heading_adjusting_a_group_names_it():
    m = HEADING.match("二、调整洛阳市河长制工作领导小组组成人员")
    assert m.group(1) == "洛阳市河长制工作领导小组"


@pytest.mark.parametrize("text, lead, cooperate", [
    ("1.开展排查。逐一登记造册。责任单位:市交通运输局牵头,市水利局、市自然资源局配合。\n",
     ["市交通运输局"], ["市水利局", "市自然资源局"]),
    ("2.取缔码头。责任单位:市水利局牵头,市公安局配合\n", ["市水利局"], ["市公安局"]),
])
def test_a_label_closing_an_items_paragraph(text, lead, cooperate):
    (clause,) = find_clauses(text, 0, len(text))
    assert [text[a:b] for a, b in clause.roles.lead] == lead
    assert [text[a:b] for a, b in clause.roles.cooperate] == cooperate


def test_a_label_inside_a_bracket_after_a_semicolon_is_the_brackets():
    text = "(一)深化改革。(牵头单位:市行政审批局;责任单位:各县(区)人民政府;完成时限:2021年6月底)\n"
    (clause,) = find_clauses(text, 0, len(text))
    assert [text[a:b] for a, b in clause.roles.responsible] == ["各县(区)人民政府"]


@pytest.mark.parametrize("raw, acts", [
    ("马国林（回族）任自治区民族事务委员会副主任；",
     [("appointment", "马国林", "副主任", "自治区民族事务委员会", "任命", None)]),
    ("杨淑芳（女）任自治区人民政府副秘书长（正厅级）；",
     [("appointment", "杨淑芳", "副秘书长", "自治区人民政府", "任命", "正厅级")]),
    ("买买提·艾力同志任自治区商务厅副厅长（挂职一年）；",
     [("appointment", "买买提·艾力", "副厅长", "自治区商务厅", "任命", "挂职一年")]),
    ("海宝成任自治区水利厅副厅长，免去其自治区农牧厅副厅长职务；",  # 海: a Hui surname
     [("appointment", "海宝成", "副厅长", "自治区水利厅", "任命", None),
      ("removal", "海宝成", "副厅长", "自治区农牧厅", "免去", None)]),
    ("三、聘任刘建新为株洲市人民政府参事；",
     [("appointment", "刘建新", "参事", "株洲市人民政府", "聘任", None)]),
])
def test_act_forms_of_other_places(raw, acts):
    assert _one(raw) == acts


@pytest.mark.parametrize("body, context", [
    ("市政府决定：\n一、陈伟任市交通运输局局长；", ("市政府", None, None)),
    ("自治区人民政府决定：\n马国林任自治区民族事务委员会副主任；", ("自治区人民政府", None, None)),
    ("会议决定：", (None, None, None)),
])
def test_a_body_stated_as_deciding(body, context):
    assert _context(body) == context


def test_sources_are_normalised_before_reading():  # the rules above read folded text
    text = normalize(Source.from_pages("m.txt", ["责任单位：市水利局牵头，市公安局配合。"], "txt"))
    assert "责任单位:" in text.text
