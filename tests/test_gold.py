"""The sample gazette against its hand-made gold: the floors issue 3 sets, per fact kind."""

import pytest

from kg.evaluate import score

FLOORS = {"documents": 1.0, "appointments": 0.98, "removals": 0.98, "task_agencies": 0.95,
          "group_members": 0.97, "rivers": 0.9, "task_rivers": 0.9}


@pytest.fixture(scope="module")
def scores(gold, sample_facts):
    return {s.kind: s for s in score(gold, sample_facts.to_json())}


@pytest.mark.parametrize("kind, floor", FLOORS.items())
def test_f1_reaches_its_floor(scores, kind, floor):
    s = scores[kind]
    assert s.f1 >= floor, f"{kind}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"


def test_documents_outside_the_gold_yield_tasks_too(sample_facts):
    per_doc = {}
    for t in sample_facts.tasks:
        per_doc[t.doc] = per_doc.get(t.doc, 0) + 1
    for number in ("28号", "38号", "21号", "22号", "40号", "30号", "41号"):
        doc = f"阳政办发〔2020〕{number}"
        assert per_doc.get(doc, 0) >= 3, doc
