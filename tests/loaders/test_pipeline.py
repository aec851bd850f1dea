"""The pipeline on documents of any length: spaCy reads a long one in pieces, and the spans it
marks are the spans one reading would mark, shifted to the document's offsets."""

from loaders.pipeline import extract_source, pieces, view_of
from loaders.records import Source
from loaders.text.normalize import normalize
from loaders.text.segment import segment

NOTICE = ("阳泉市人民政府关于做好防汛工作的通知\n\n各县（区）人民政府：\n\n"
          "一、市水利局牵头，市财政局配合，做好汾河、桃河防汛工作。\n")


def _document(text: str):
    (document,) = segment(normalize(Source.from_pages("long.txt", [text], "txt")))
    return document


def test_pieces_cover_the_text_and_end_at_line_breaks():
    text = ("甲乙丙丁。\n" * 50_000)
    spans = pieces(text, 10_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))
    assert all(b - a <= 10_000 and text[b - 1] == "\n" for a, b in spans[:-1])


def test_a_line_without_breaks_is_cut_all_the_same():
    assert pieces("字" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_spans_of_a_long_document_are_those_of_its_pieces_in_place():
    text = NOTICE + "加强巡查，市水利局牵头。\n" * 20_000  # ~260k characters: three pieces
    view = view_of(_document(text))
    assert view.doc is None and len(pieces(view.text)) > 2
    agencies = view.spans("agency")
    assert len(agencies) > 20_000
    assert all(view.text[m.start_char:m.end_char].endswith("局") for m in agencies)
    rivers = {view.text[m.start_char:m.end_char] for m in view.spans("place")}
    assert {"汾河", "桃河"} <= rivers


def test_a_document_over_spacys_length_limit_is_read():
    text = NOTICE + "市水利局负责。\n" * 150_000  # over a million characters, spaCy's default limit
    facts = extract_source(Source.from_pages("long.txt", [text], "txt"))
    assert len(text) > 1_000_000 and len(facts.documents) == 1
