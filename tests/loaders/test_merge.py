"""One fact stated twice in a document is one fact with several evidence spans; a fact read
from a doubtful OCR line says how sure the reading was."""

from __future__ import annotations

from loaders.merge import merged
from loaders.records import Evidence, Facts, GroupFact, GroupMember, PersonnelAct, Source


def ev(start: int, confidence: float | None = None) -> Evidence:
    return Evidence("阳政任字〔2020〕7号", 1, start, start + 10, "免去韩文明的阳泉市公安局郊区分局局长职务", "acts/form",
                    confidence)


def removal(person: str, evidence: Evidence) -> PersonnelAct:
    return PersonnelAct("removal", person, "局长", "阳泉市公安局郊区分局", "免去", "阳政任字〔2020〕7号", evidence)


def test_an_act_stated_three_times_is_one_act_with_three_spans_the_surest_leading():
    facts = Facts(acts=[removal("韩文明", ev(10, 0.62)), removal("韩 文明", ev(300, 0.95)),
                        removal("韩文明", ev(900, 0.70)), removal("石成芳", ev(40))])
    acts = merged(facts).acts
    assert [a.person for a in acts] == ["韩文明", "石成芳"]
    assert acts[0].evidence.start == 300 and [e.start for e in acts[0].also] == [10, 900]
    assert [e["start"] for e in acts[0].to_json()["also"]] == [10, 900]
    assert "also" not in acts[1].to_json()


def test_a_member_listed_twice_in_one_group_is_one_member():
    group = GroupFact("阳政办发〔2020〕18号", "领导小组", ev(0),
                      [GroupMember("田强", "市卫健委二级调研员", "member", ev(100)),
                       GroupMember("田 强", "市卫健委二级调研员", "member", ev(200)),
                       GroupMember("田强", "主任", "office_director", ev(300))])
    (member, director) = merged(Facts(groups=[group])).groups[0].members
    assert (member.role, [e.start for e in member.also], director.role) == ("member", [200], "office_director")


def test_evidence_from_ocr_lines_carries_the_least_confidence_and_a_flag():
    source = Source.from_pages("scan.pdf", ["第一行\n第二行\n第三行"], "pdf", ocr_lines=((0, 3, 0.95), (4, 7, 0.62), (8, 11, 0.9)))
    assert source.ocr_confidence(0, 3) == 0.95
    assert source.ocr_confidence(1, 6) == 0.62  # a span over two lines is as sure as the lesser
    assert Source.from_pages("a.txt", ["正文"], "txt").ocr_confidence(0, 2) is None
    as_json = ev(0, 0.62).to_json()
    assert (as_json["ocr_confidence"], as_json["ocr_doubtful"]) == (0.62, True)
    assert "ocr_confidence" not in ev(0).to_json()  # a text layer's facts are not flagged
