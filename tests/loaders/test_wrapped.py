"""loaders.text.wrapped: a text wrapped at a fixed width reads its paragraphs whole."""

from __future__ import annotations

from loaders.read import read
from loaders.text.normalize import normalize
from tests.conftest import REAL_DOCS, SAMPLE

CHRONICLE = REAL_DOCS / "1807_tahe_1999_xianzhi_bianweihui_zhi.txt"


def test_a_chronicle_wrapped_at_a_fixed_width_reads_its_names_whole():
    source = read(CHRONICLE)
    text = normalize(source)
    assert "副主任李延\n平" in source.text  # as the copy breaks it
    assert "副主任李延平" in text.text
    assert any("wrapped at a fixed width" in note for note in source.notes)


def test_the_raw_text_keeps_the_breaks_and_offsets_still_map_to_it():
    source = read(CHRONICLE)
    text = normalize(source)
    at = text.text.index("副主任李延平") + len("副主任")
    assert text.raw_slice(at, at + 3) == "李延\n平"
    assert text.written(at, at + 3) == "李延平"


def test_paragraphs_written_one_line_each_are_left_alone():
    source = read(SAMPLE)
    text = normalize(source)
    assert text.text.count("\n") == source.text.count("\n")
    assert not any("wrapped" in note for note in source.notes)


def test_a_heading_over_its_text_is_never_joined(tmp_path):
    lines = ["一、总体要求"] + ["按照省委省政府的部署要求，全面推进各项工作，确保任务落实到位"] * 6
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines + ["二、主要任务", "（一）加强组织领导"]) + "\n", encoding="utf-8")
    text = normalize(read(path))
    assert "\n二、主要任务\n(一)加强组织领导" in text.text
