"""Evidence holds what a fact reports: the raw span of every fact names its people and bodies.

1. Every fact extracted from the sample, the fixture documents and the regression examples: the evidence
   span cut from the raw text (spaces removed) contains the person, the agency and the title of
   an act, the agencies and rivers of a task, the person and title of a group member (a name
   that a wrapped table cell cuts, in its two pieces in order).
2. Appointment sentences generated from parts (surnames from the gazetteer, given-name
   characters, agencies from place + field + suffix, titles from titles.csv) in the forms
   任命X为Y / 免去X的Y职务 / X任Y / X同志兼任Y: the extractor recovers person, agency and title,
   and the span contains them.
"""

from __future__ import annotations

from loaders.view import DocumentView

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from loaders.extract.acts import extract_appointments
from loaders.spans.posts import GROUP_ROLES, is_person_name, surnames, title_length, titles
from loaders.text.normalize import normalize
from loaders.pipeline import extract_source
from loaders.read import read
from loaders.records import Facts, Source
from loaders.text.segment import segment
from tests.loaders.docs_support import FIXTURES, ROOT, SAMPLE

REGRESSION = ROOT / "tests" / "fixtures" / "regression"
SOURCES = [SAMPLE, *sorted(FIXTURES.glob("*.txt")),
           *sorted(p for p in REGRESSION.iterdir() if not p.name.endswith(".gold.json"))]


@lru_cache(maxsize=None)
def _extract(path: Path) -> tuple[Source, Facts]:
    source = read(path)
    return source, extract_source(source)


def _cut(source: Source, evidence) -> str:
    return "".join(source.text[evidence.start:evidence.end].split())


def _missing(cut: str, names) -> list[str]:
    return [n for n in names if n and not _stands_in("".join(n.split()), cut)]


def _stands_in(name: str, cut: str) -> bool:
    """The name in the span, whole, or in two pieces in order: a table cell that wraps cuts a
    name between its line and the next, with the other columns' text between the pieces
    (`天台县人民` … `政府`)."""
    if name in cut:
        return True
    for k in range(1, len(name)):
        head = cut.find(name[:k])
        if head >= 0 and name[k:] in cut[head + k:]:
            return True
    return False


def _pieces(title: str) -> list[str]:
    """A title with a note is reported as one string (`办公室主任（兼）` from `办公室主任：王耀东(兼)`):
    its words and its note must each stand in the span."""
    return [p for p in re.split(r"[()（）]", title) if p.strip()]


def _claims(facts: Facts, kind: str):
    """(what, evidence, names it reports) for every fact of a kind."""
    if kind == "acts":
        for a in facts.acts:
            yield f"{a.kind} {a.person}", a.evidence, [a.person, a.org, a.post]
    elif kind == "tasks":
        for t in facts.tasks:
            yield f"task {t.doc} {t.item}", t.evidence, t.lead + t.cooperate + t.responsible + t.rivers
    else:
        for g in facts.groups:
            for m in g.members:
                yield f"group {g.name} {m.person}", m.evidence, [m.person, *_pieces(m.title)]


# Known gaps in extractors this file does not own, strict so that a fix is noticed.
KNOWN: dict[tuple[str, str], str] = {}


def _cases():
    for path in SOURCES:
        for kind in ("acts", "tasks", "groups"):
            reason = KNOWN.get((path.name, kind))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(path, kind, marks=marks, id=f"{path.name}-{kind}")


@pytest.mark.parametrize("path, kind", list(_cases()))
def test_every_fact_span_contains_its_names(path, kind):
    source, facts = _extract(path)
    bad = [(what, missing) for what, evidence, names in _claims(facts, kind)
           if (missing := _missing(_cut(source, evidence), names))]
    assert bad == []


def test_the_sources_hold_facts_of_every_kind():
    found = [_extract(p)[1] for p in SOURCES]
    assert sum(len(f.acts) for f in found) > 80
    assert sum(len(f.tasks) for f in found) > 150
    assert sum(len(f.groups) for f in found) >= 5


# -- generated appointment sentences -----------------------------------------------------------

GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文志海红玉兰春晓东林峰斌辉鹏宇浩凯俊婷雪琳颖慧晶欣"
PLACES = ["市", "县", "省", "区", "杭州市", "成都市", "平遥县", "浦东新区", "内蒙古自治区"]
FIELDS = ["财政", "水利", "教育", "交通运输", "卫生健康", "生态环境", "农业农村", "审计", "统计", "应急管理",
          "住房和城乡建设", "人力资源和社会保障", "发展和改革", "大数据"]
SUFFIXES = ["局", "委员会", "中心", "厅", "办公室"]


def _person():
    given_names = st.text(alphabet=GIVEN, min_size=1, max_size=2)
    return st.tuples(st.sampled_from(sorted(surnames())), given_names).map("".join)


def _agency():
    return st.tuples(st.sampled_from(PLACES), st.sampled_from(FIELDS), st.sampled_from(SUFFIXES)).map("".join)


FORMS = {  # form → (sentence, kind, act)
    "任命": ("任命{p}为{o}{t}。", "appointment", "任命"),
    "免去": ("免去{p}的{o}{t}职务。", "removal", "免去"),
    "任": ("{p}任{o}{t}。", "appointment", "任命"),
    "兼任": ("{p}同志兼任{o}{t}。", "appointment", "兼任"),
}


def _acts(sentence: str):
    raw = f"关于有关同志职务任免的通知\n\n某政任〔2021〕1号\n\n{sentence}\n"
    source = Source.from_pages("mem.txt", [raw], "txt")
    acts = [a for d in segment(normalize(source)) for a in extract_appointments(DocumentView(d)).acts]
    return source, acts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(person=_person(), org=_agency(), title=st.sampled_from(sorted(titles())),
       form=st.sampled_from(sorted(FORMS)))
def test_generated_acts_are_recovered_with_their_span(person, org, title, form):
    assume(is_person_name(person) and not title.endswith(GROUP_ROLES))
    assume(title_length(org + title) == len(title))  # the post as written ends with this title
    template, kind, act = FORMS[form]
    source, acts = _acts(template.format(p=person, o=org, t=title))
    assert [(a.kind, a.person, a.org, a.post, a.act) for a in acts] == [(kind, person, org, title, act)]
    assert _missing(_cut(source, acts[0].evidence), [person, org, title]) == []
