"""Scoring: facts written two ways of one meaning match; precision per rule."""

import pytest

from kg.rules_score import by_rule, rule_rows, rules_of


def _act(person, post, rule):
    return {"doc": "d1", "person": person, "post": post, "org": "市水利局", "evidence": {"rule": rule}}


GOLD = {"appointments": [{"doc": "d1", "person": "王五", "post": "局长", "org": "市水利局"}],
        "tasks": [{"doc": "d1", "item": "1", "lead": ["市水利局"], "cooperate": ["市财政局"], "responsible": []}]}
FOUND = {"appointments": [_act("王五", "局长", "acts/form:任命…为"), _act("赵六", "局长", "acts/bare-line")],
         "tasks": [{"doc": "d1", "item": "1", "lead": ["市水利局"], "cooperate": ["市公安局"], "responsible": [],
                    "evidence": {"rule": "tasks/bracket"}}],
         "groups": [{"doc": "d1", "leader": [{"person": "李四", "title": "市长", "evidence": {"rule": "groups/label-line"}}],
                     "deputy": [], "members": [], "office_staff": [], "evidence": {"rule": "groups/set-up"}}]}


def test_each_rule_is_scored_on_its_own_facts():
    counts = by_rule(GOLD, FOUND, {"d1"})
    assert (counts[("appointments", "acts/form:任命…为", "correct")], counts[("appointments", "acts/bare-line", "correct")]) == (1, 0)
    assert counts[("task_agencies", "tasks/bracket", "found")] == 2
    assert counts[("task_agencies", "tasks/bracket", "correct")] == 1


def test_a_member_is_judged_by_its_own_rule_not_its_groups():
    assert set().union(*rules_of(FOUND, "group_members").values()) == {"groups/label-line"}


def test_rows_put_the_worst_rule_of_a_kind_first():
    rows = [r for r in rule_rows(by_rule(GOLD, FOUND, {"d1"})) if r["kind"] == "appointments"]
    assert [(r["rule"], r["precision"]) for r in rows] == [("acts/bare-line", 0.0), ("acts/form:任命…为", 1.0)]


# -- one fact written two ways ----------------------------------------------------------------

from kg.evaluate import score  # noqa: E402


def _acts(org, post):
    return {"appointments": [{"doc": "晋政发[2008]8号", "person": "王五", "org": org, "post": post}]}


@pytest.mark.parametrize("gold, found, same", [
    (("郑州市人民政府", "市长"), (None, "郑州市长"), True),        # a whole position in post
    (("浙江省人民政府外事办公室", "主任"), ("浙江省外事办", "主任"), True),  # a body's short form
    (("桂林市", "市长"), ("桂林市", "代市长"), False),            # another title
    (("吉林省人民政府", "副秘书长"), (None, "副秘书长"), False),     # the body left out
    (("省公安厅", "厅长"), ("省国家安全厅", "厅长"), False),         # another body
    (("金湾区人大常委会", "代表资格审查委员会组成人员"),              # the split between body and title
     ("区人大常委会代表资格审查委员会", "组成人员"), True),
    (("郑州市人民政府", "市长"), ("郑州市人民政府", "副市长"), False),  # a title cut short
])
def test_an_act_matches_a_gold_fact_written_another_way(gold, found, same):
    (appointments,) = [s for s in score(_acts(*gold), _acts(*found)) if s.kind == "appointments"]
    assert appointments.correct == int(same)


@pytest.mark.parametrize("gold_item, found_item, same", [
    ("三(二)4", "4", True), ("一(一)", "(一)", True), ("11", "1", False), ("2", "3", False),
    ("6", "6-2", True),  # the second task of item 6: the gold gives both tasks item 6
    (None, "0-1", True),  # a task the document does not number
    ("二", "二-d2", True), (None, "0-d1", True),  # a body's duty in item 二, and in no item
    ("16", "6-1", False), ("16", "6-d1", False)])
def test_an_item_labelled_alone_or_after_its_parents(gold_item, found_item, same):
    def tasks(item):
        return {"tasks": [{"doc": "d", "item": item, "lead": ["市水利局"], "cooperate": [], "responsible": []}]}
    (lead,) = [s for s in score(tasks(gold_item), tasks(found_item)) if s.kind == "lead_units"]
    assert lead.correct == int(same)


def test_a_number_matches_with_its_brackets_and_pinyin_written_any_way():
    gold = {"documents": [{"number": "國(guó)發(fā)〔2003〕28號(hào)", "date": None, "title": None}]}
    found = {"documents": [{"number": "国发[2003]28号", "date": None, "title": None}]}
    assert [s.correct for s in score(gold, found) if s.kind == "documents"] == [1]
