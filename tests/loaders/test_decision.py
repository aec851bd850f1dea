"""The decision behind personnel acts: appointing body, meeting and its date."""

import json
from pathlib import Path

import pytest

from loaders.extract.acts.decision import decision_context, find_decision
from loaders.pipeline import view_of
from loaders.text.normalize import normalize
from loaders.read import read
from loaders.records import Source
from loaders.text.segment import segment
from tests.loaders.docs_support import ROOT, sample_text

REGRESSION = ROOT / "tests" / "fixtures" / "regression"
CITY_MEETING = ("阳泉市人民政府", "2020年3月24日常务会议", "2020-03-24")


@pytest.fixture(scope="module")
def sample_docs():
    return {d.key: view_of(d) for d in segment(sample_text())}


@pytest.mark.parametrize("number, context", [
    ("阳政任字〔2020〕6号", ("阳泉市人民代表大会常务委员会",
                         "阳泉市第十五届人民代表大会常务委员会第二十九次会议", "2020-02-27")),
    ("阳政任字〔2020〕7号", CITY_MEETING),
    ("阳政任字〔2020〕8号", CITY_MEETING),
    ("阳政任字〔2020〕9号", CITY_MEETING),  # written `阳泉市人民政府 2020 年 3 月 24 日常务会议`
    ("阳政办发〔2020〕17号", ("市人民政府", None, None)),  # 已经市人民政府同意
    ("阳政发〔2020〕1号", (None, None, None)),  # 召开一次会议: no meeting in particular
])
def test_sample(sample_docs, number, context):
    assert decision_context(sample_docs[number]) == context


def test_span_is_the_statement(sample_docs):
    view = sample_docs["阳政任字〔2020〕7号"]
    found = find_decision(view)
    assert view.text[found.start:found.end] == "阳泉市人民政府2020年3月24日常务会议"


def _regression_with_decision():
    for gold in sorted(REGRESSION.glob("*.gold.json")):
        want = json.loads(gold.read_text(encoding="utf-8")).get("decision")
        if want:
            doc = next(p for p in REGRESSION.glob(gold.name.replace(".gold.json", ".*")) if p != gold)
            yield pytest.param(doc, (want["body"], want["meeting"], want["date"]), id=doc.stem)


@pytest.mark.parametrize("path, context", list(_regression_with_decision()))
def test_regression_documents(path: Path, context):
    (doc,) = segment(normalize(read(path)))
    assert decision_context(view_of(doc)) == context


def _context(body: str, title: str = "关于张三等同志职务任免的通知"):
    text = normalize(Source.from_pages("mem.txt", [f"某某市人民政府{title}\n\n某政任〔2021〕1号\n\n{body}\n"], "txt"))
    return decision_context(view_of(segment(text)[0]))


@pytest.mark.parametrize("body, context", [
    ("经市政府第12次常务会议研究决定：", ("市政府", "第12次常务会议", None)),
    ("经县人民政府2021年第5次常务会议审议通过，", ("县人民政府", "2021年第5次常务会议", None)),
    ("经2021年6月1日常务会议决定，任命：", ("某某市人民政府", "2021年6月1日常务会议", "2021-06-01")),
    ("经省人民政府同意，", ("省人民政府", None, None)),
    ("经国务院批准，", ("国务院", None, None)),
    ("二〇二一年三月五日，临川区第五届人民代表大会常务委员会第三次会议决定：",
     ("临川区人民代表大会常务委员会", "临川区第五届人民代表大会常务委员会第三次会议", "2021-03-05")),
    ("会议在市人大常委会会议中心举行。", (None, None, None)),
    ("领导小组每半年召开一次全体会议。", (None, None, None)),
])
def test_forms(body, context):
    assert _context(body) == context
