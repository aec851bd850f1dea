"""Precision per rule: found facts split by the rule that read them, checked against the gold."""

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
