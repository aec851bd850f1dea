"""The surname gazetteer and its use as a confidence signal for person names."""


from loaders.view import DocumentView
import pytest

from loaders.extract.acts import extract_appointments
from loaders.spans.posts import is_person_name, surname_length, surnames
from loaders.spans.gazetteer import read_table
from loaders.text.normalize import normalize
from loaders.records import Source
from loaders.text.segment import segment
from tests.loaders.docs_support import gold


def test_gazetteer_holds_single_and_compound_surnames():
    rows = list(read_table("surnames", ("surname",)))
    names = [r["surname"] for r in rows]
    assert len(names) == len(set(names)) >= 500
    assert {"王", "李", "张", "郝", "闫", "于"} <= surnames()
    assert {"欧阳", "司马", "诸葛", "上官", "慕容", "令狐"} <= surnames()
    assert not {"市", "副", "的", "局"} & surnames()


def test_every_person_of_the_sample_gold_has_a_known_surname():
    data = gold()
    people = {a["person"] for kind in ("appointments", "removals") for a in data[kind]}
    people |= {m["person"] for g in data["groups"]
               for role in ("leader", "deputy", "members", "office_staff") for m in g.get(role, [])}
    assert people and all(surname_length(p) for p in people)


@pytest.mark.parametrize("name, size", [
    ("张三", 1), ("欧阳明", 2), ("司马俊杰", 2), ("诸葛文斌", 2), ("欧阳", 1), ("犇明", 0), ("专人", 0),
])
def test_surname_length_prefers_compound(name, size):
    assert surname_length(name) == size


@pytest.mark.parametrize("name, strong, ok", [
    ("张三", False, True), ("犇明", False, False), ("犇明", True, True),
    ("阿依古丽·买买提", False, True), ("专人", False, False), ("市长", True, False),
    ("初级法院", True, False), ("叶刘淑仪", False, True),  # four characters naming a body are none
])
def test_unknown_surnames_need_a_strong_frame(name, strong, ok):
    assert is_person_name(name, strong) is ok


def _acts(raw: str):
    text = normalize(Source.from_pages("mem.txt", [f"关于做好有关工作的通知\n\n晋政办〔2021〕1号\n\n{raw}\n"], "txt"))
    return [(a.person, a.post) for d in segment(text) for a in extract_appointments(DocumentView(d)).acts]


@pytest.mark.parametrize("raw, acts", [
    ("任命犇明为市审计局局长。", [("犇明", "局长")]),  # 任命X为: the frame vouches
    ("犇明同志任市审计局局长。", [("犇明", "局长")]),  # so does 同志
    ("犇明任市审计局局长。", []),  # X任Y with an unknown surname: not taken
    ("由专人代理办公室主任。", []),
    ("本人兼任工会主席。", []),
    ("于海涛不再担任县交通运输局副局长职务。", [("于海涛", "副局长")]),
])
def test_weak_forms_take_only_known_surnames(raw, acts):
    assert _acts(raw) == acts
