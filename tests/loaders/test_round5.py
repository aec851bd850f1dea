"""Rules added in the fifth blind round (tests/fixtures/unseen/r5-*): rivers ending in 溪 in a
list and before river words, a river ending in 水 before 流域, a river before its 闸站, a
river heading its block in a river-chief notice with its 河长 on the next line, and 主责单位
as the lead beside 协办单位. Each is checked on a few lines written the way such documents
write them."""

import pytest

from loaders.spans.places import find_places
from loaders.extract.tasks.roles import parse_roles
from loaders.extract.tasks.table import task_rows
from tests.loaders.extract_support import run


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


def _documents(raw: str):
    from loaders.text.normalize import normalize
    from loaders.records import Source
    from loaders.text.segment import segment
    return segment(normalize(Source.from_pages("mem.txt", [raw], "txt")))


def _tasks(raw: str) -> dict:
    """The tasks of the one document of `raw`, by item."""
    (document,) = _documents(raw)
    return {t.item: t for t in run("tasks", document).tasks}


def test_a_joint_documents_issuers_each_on_a_line_head_its_title():
    raw = ("中共三台县委办公室\n三台县人民政府办公室\n关于成立三台县脱贫攻坚领导小组的通知\n\n三委办〔2015〕86号\n\n"
           "各乡镇党委、人民政府，县级各部门：\n\n　　现将有关事项通知如下。\n")
    (document,) = _documents(raw)
    assert document.title == "中共三台县委办公室三台县人民政府办公室关于成立三台县脱贫攻坚领导小组的通知"


def test_a_masthead_above_a_title_is_not_an_issuer_of_it():
    raw = "阳泉市人民政府文件\n关于加强河道管理的通知\n\n阳政发〔2020〕3号\n\n各县（区）人民政府：\n\n　　现通知如下。\n"
    (document,) = _documents(raw)
    assert document.title == "关于加强河道管理的通知"


def test_entries_apart_by_a_stroke_on_one_line():
    from loaders.extract.groups.rows import paired_rows
    line = "杨启明 县人大常委会副主任、罗斌 县政协副主席"
    rows = paired_rows(line, 0, len(line), "deputy")
    assert [(line[slice(*r.name)], line[slice(*r.title_spans[0])]) for r in rows] == [
        ("杨启明", "县人大常委会副主任"), ("罗斌", "县政协副主席")]


PLAN = ("重庆市人民政府办公厅关于印发城市更新行动方案的通知\n\n渝府办发〔2024〕38号\n\n各区县（自治县）人民政府：\n\n"
        "　　现印发给你们。\n\n"
        "　　1．推进老旧小区改造。完善配套设施。（牵头单位：市住房城乡建委；配合单位：市财政局）\n"
        "　　2．改造提升沿江城市公园。完善无障碍和适儿化设施。各区县人民政府负责落实。\n"
        "　　3．市财政局负责统筹安排城市更新专项资金，加强资金绩效管理。\n")


def test_a_sentence_closing_an_item_with_its_units_and_verb_is_a_role_of_the_item():
    tasks = _tasks(PLAN)
    assert tasks["2"].responsible == ["各区县人民政府"]


def test_a_body_answering_for_nothing_named_has_no_duty_but_one_with_an_object_has():
    (document,) = _documents(PLAN)
    duties = [(t.responsible, t.text) for t in run("duties", document).tasks]
    assert ["各区县人民政府"] not in [r for r, _ in duties]
    assert (["市财政局"], "负责统筹安排城市更新专项资金，加强资金绩效管理") in duties


WRAPPED = (
    "序号   重点任务                              主责单位            协办单位                      完成时限\n\n"
    "1      推进椒江干流水环境综合治理，          市生态环境局        市治水办、市水利局、          2023年12月底\n"
    "       完成沿岸入河排污口排查整治                                椒江区人民政府\n\n"
    "2      推进始丰溪流域农业面源污染治理，      市农业农村局        市生态环境局、天台县人民      2023年11月底\n"
    "       化肥农药使用量比上年减少2%                                政府\n\n"
    "3      深化“污水零直排区”建设，完成          市治水办            市建设局、                    2023年12月底\n\n"
    "— 8 —\n\n"
    "台州市人民政府公报                                                          2023年第6期\n\n"
    "       工业园区“污水零直排区”                                    各县（市、区）人民政府\n"
    "       建设30个\n\n"
    "       各主责单位要会同协办单位细化工作举措，每季度末将进展情况报市治水办，确保各项任务按期完成。\n"
)


def _cells(rows, kind):
    return [["".join(WRAPPED[a:b] for a, b in (s if isinstance(s[0], tuple) else (s,)))
             for s in getattr(r.roles, kind)] for r in rows]


def test_a_wrapped_row_goes_on_under_its_columns_even_across_a_page_break():
    rows = task_rows(WRAPPED)
    assert [r.item for r in rows] == ["1", "2", "3"]
    assert ["".join(WRAPPED[a:b] for a, b in r.text) for r in rows] == [
        "推进椒江干流水环境综合治理，完成沿岸入河排污口排查整治",
        "推进始丰溪流域农业面源污染治理，化肥农药使用量比上年减少2%",
        "深化“污水零直排区”建设，完成工业园区“污水零直排区”建设30个"]
    assert _cells(rows, "lead") == [["市生态环境局"], ["市农业农村局"], ["市治水办"]]
    assert _cells(rows, "cooperate") == [["市治水办", "市水利局", "椒江区人民政府"],
                                         ["市生态环境局", "天台县人民政府"],  # cut by the wrap
                                         ["市建设局", "各县（市、区）人民政府"]]


def test_prose_after_a_table_and_running_heads_are_no_part_of_a_row():
    rows = task_rows(WRAPPED)
    last = WRAPPED[rows[-1].span[0]:rows[-1].span[1]]
    assert "建设30个" in last and "细化工作举措" not in last and "公报" not in "".join(
        WRAPPED[a:b] for a, b in rows[-1].text)


EMPTY_CELLS = (
    "序号   重点任务                              主责单位            协办单位                      完成时限\n"
    "1      推进椒江干流水环境综合治理            市生态环境局        市治水办、市水利局            2023年12月底\n"
    "2      新增污水管网120公里                   市建设局                                          2023年10月底\n"
    "3      建立水质自动监测数据共享机制          市大数据发展管理局  市生态环境局\n"
)


def test_a_row_with_empty_cells_keeps_its_cells_under_their_columns():
    rows = task_rows(EMPTY_CELLS)
    assert [r.item for r in rows] == ["1", "2", "3"]
    cells = lambda r, kind: [EMPTY_CELLS[a:b] for a, b in getattr(r.roles, kind)]  # noqa: E731
    assert [(cells(r, "lead"), cells(r, "cooperate")) for r in rows] == [
        (["市生态环境局"], ["市治水办", "市水利局"]), (["市建设局"], []), (["市大数据发展管理局"], ["市生态环境局"])]
    assert [EMPTY_CELLS[slice(*r.roles.deadline)] if r.roles.deadline else None for r in rows] == [
        "2023年12月底", "2023年10月底", None]
