import pytest
import spacy

from loaders.spans.nlp import PIPES, get_nlp
from tests.loaders.extract_support import SAMPLE


@pytest.fixture(scope="module")
def spacy_zh():
    """spaCy's own zh tokenizer, the reference for ours."""
    return spacy.blank("zh")


def test_pipeline_is_blank_chinese_with_char_segmenter_and_our_components():
    nlp = get_nlp()
    assert nlp.lang == "zh"
    assert nlp.config["nlp"]["tokenizer"]["segmenter"] == "char"
    assert tuple(nlp.pipe_names) == PIPES
    assert get_nlp() is nlp  # built once


@pytest.mark.parametrize("text", [
    "市水利局牵头，各县（区）政府负责",
    "组 长：李文兵\t副市长\t张小军\t市人社局副 局长\n",
    "  two  spaces\tand\n\nlines ",
    "a b  c\u3000d",
    "",
])
def test_tokens_are_those_of_spacys_char_segmenter(text, spacy_zh):
    ours = get_nlp().make_doc(text)
    theirs = spacy_zh.make_doc(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
    assert ours.text == text


def test_tokens_match_spacy_on_the_sample(spacy_zh):
    text = SAMPLE.read_text(encoding="utf-8")[:20000]
    ours, theirs = get_nlp().make_doc(text), spacy_zh.make_doc(text)
    assert [t.text for t in ours] == [t.text for t in theirs]


def spans(doc, group):
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[group]]


def test_gazetteer_spans_carry_label_and_canonical_name():
    doc = get_nlp()("开展漳沱河、温河联合执法，孟县政府负责，市发改委牵头落实河长制。")
    found = spans(doc, "gazetteer")
    assert ("漳沱河", "RIVER", "滹沱河") in found
    assert ("孟县", "DISTRICT", "盂县") in found
    assert ("市发改委", "AGENCY", "市发展和改革委员会") in found
    assert ("河长制", "PROGRAM", "河长制") in found


def test_agency_spans_add_grammar_names_the_gazetteer_lacks():
    doc = get_nlp()("阳泉市公安局西城分局局长，由市清洁取暖领导小组办公室负责，市医保局配合。")
    names = [s.text for s in doc.spans["agency"]]
    assert "阳泉市公安局西城分局" in names
    assert "市清洁取暖领导小组办公室" in names
    assert "市医保局" in names
    grammar_only = [s for s in doc.spans["agency"] if s.text == "阳泉市公安局西城分局"][0]
    assert grammar_only.kb_id_ == ""  # unknown to the gazetteer, kept all the same


def test_place_spans_drop_river_names_inside_other_words():
    doc = get_nlp()("上海河道管理处对香河县和桃河流域、白马河、黑水河进行治理。")
    found = [(s.text, s.label_) for s in doc.spans["place"]]
    assert ("海河", "RIVER") not in found  # 上海河道
    assert ("香河", "RIVER") not in found  # 香河县
    assert ("桃河", "RIVER") in found
    assert ("白马河", "RIVER") in found and ("黑水河", "RIVER") in found
