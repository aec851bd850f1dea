"""RDF export withholds personal contact details (phone, mobile and e-mail in a document's
text) unless asked, and the redactor masks those numbers only, never amounts, hashes or dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from kg.export.privacy import _CONTACT, _MAYBE, Redactor
from kg.export.rdf import export_rdf
from tests.kg.rdf_support import BASE, MOBILE, NOW, PHONE, hand_data

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),  # rdflib's own, on parsing
              pytest.mark.filterwarnings("ignore::kg.export.describe.PlaceholderWarning")]


def test_contact_details_are_withheld_unless_included(tmp_path):
    counts = export_rdf(hand_data(), "ntriples", tmp_path / "withheld.nt", base=BASE, now=NOW)
    text = (tmp_path / "withheld.nt").read_text(encoding="utf-8")
    assert PHONE not in text and MOBILE not in text
    assert "****-*******" in text and "（手机***********）" in text
    assert counts["redacted"] == 2
    counts = export_rdf(hand_data(), "ntriples", tmp_path / "all.nt", base=BASE, include_contacts=True)
    text = (tmp_path / "all.nt").read_text(encoding="utf-8")
    assert PHONE in text and MOBILE in text and counts["redacted"] == 0


@pytest.mark.parametrize("written, shown", [
    ("联系人：市市场监管局 张炯珑\n0353-2880832 18635381792", "联系人：市市场监管局 张炯珑\n****-******* ***********"),
    ("市司法局 赵姣 0353-5605520", "市司法局 赵姣 ****-*******"),
    ("电话：2293232，传真（0353）2022222", "电话：*******，传真（****）*******"),
    ("邮箱 zhang.san@yq.gov.cn 联系", "邮箱 ***@*** 联系"),
    ("+86 139 1234 5678", "+** *** **** ****"),
    ("6ef4dc23be0bf91f6854d13912345678", "6ef4dc23be0bf91f6854d13912345678"),  # a hash, not a number
    ("安排资金12000000元，13912345678元", "安排资金12000000元，13912345678元"),  # amounts
    ("阳政发〔2020〕1号，2020-03-27印发", "阳政发〔2020〕1号，2020-03-27印发"),
])
def test_redactor_withholds_contact_numbers_only(written, shown):
    assert Redactor()(written) == shown
    assert Redactor(include=True)(written) == written


@settings(max_examples=500, deadline=None)
@given(st.from_regex(_CONTACT))
def test_the_quick_test_lets_every_contact_detail_through(text):
    """The cheap test that spares most strings the full search must pass whatever it finds."""
    if _CONTACT.search(text):  # from_regex can add text around a match that ends it
        assert _MAYBE.search(text)


def test_document_contact_details_are_withheld_unless_asked(tmp_path):
    from kg.build import GraphBuilder
    from kg.dump import GraphData
    from loaders.pipeline import extract_file
    from tests.conftest import SAMPLE

    facts = extract_file(SAMPLE)
    facts.documents = [d for d in facts.documents if d.number == "阳政办发〔2020〕25号"]
    data = GraphData.from_documents(GraphBuilder().build(facts))
    withheld, shown = tmp_path / "w.nt", tmp_path / "s.nt"
    export_rdf(data, "ntriples", withheld)
    export_rdf(data, "ntriples", shown, include_contacts=True)
    assert "18635381792" not in withheld.read_text(encoding="utf-8")
    assert "18635381792" in shown.read_text(encoding="utf-8")
