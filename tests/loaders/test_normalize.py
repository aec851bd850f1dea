"""loaders.text.normalize: folding, joining spaced words, and the offset map back to the raw text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.text.normalize import normalize, normalize_key
from loaders.read import read
from loaders.records import Source

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "yangquan-gazette-2020-02.txt"


def text_of(raw: str):
    return normalize(Source.from_pages("t.txt", raw.split("\f"), "txt"))


def folds_to(raw_char: str) -> str:
    """What one raw character may become: its NFKC form, any whitespace but tab, newline and
    form feed as a space, a carriage return a newline (or nothing before one), a circled
    number itself."""
    if raw_char in "\r\u2028\u2029\u0085":
        return "\n"
    if "\u2460" <= raw_char <= "\u24ff":
        return raw_char
    out = unicodedata.normalize("NFKC", raw_char)
    return " " if out.isspace() and out not in "\t\n\f" else out


def assert_offsets_sound(text) -> None:
    raw = text.source.text
    assert len(text.raw) == len(text.text) + 1 and text.raw[-1] == len(raw)
    assert all(a <= b for a, b in zip(text.raw, text.raw[1:]))
    for i, ch in enumerate(text.text):
        assert ch in folds_to(raw[text.raw[i]]), (i, ch, raw[text.raw[i]])


def test_offsets_of_the_sample_gazette_point_at_the_raw_characters():
    text = normalize(read(SAMPLE))
    assert_offsets_sound(text)
    assert len(text.text) < len(text.source.text)  # something was folded or joined


@pytest.mark.parametrize("raw, expected", [
    ("（阳政办发〔2020〕15号）", "(阳政办发〔2020〕15号)"),
    ("１２３ＡＢＣ，；：", "123ABC,;:"),
    ("【政府文件】《通知》“河长制”、。", "【政府文件】《通知》“河长制”、。"),
    ("①完善", "①完善"),  # circled numbers mark list items
    ("第一行\u2028第二行", "第一行\n第二行"),
    ("第一行\r\n第二行", "第一行\n第二行"),
    ("组\t长", "组\t长"),  # tabs carry table structure
    ("名单如下︰", "名单如下:"),  # Hong Kong's releases write the vertical two-dot leader for a colon
])
def test_full_width_forms_fold_to_ascii(raw, expected):
    assert text_of(raw).text == expected


@pytest.mark.parametrize("raw, expected", [
    ("田 强", "田强"),
    ("田　强", "田强"),  # ideographic space
    ("组  长：李文兵", "组长:李文兵"),
    ("王 明 厚 副市长", "王明厚 副市长"),
    ("成 员：田 强 市卫生健康委员会", "成员:田强 市卫生健康委员会"),
    ("副组 长：李志强", "副组长:李志强"),  # a label's last character set apart, as OCR splits it
    ("副 组长：卫英慧", "副组长:卫英慧"),  # … or its first
    ("市长 副组长：卫英慧", "市长 副组长:卫英慧"),  # two words: the space stays
    ("党组书记副 主 任：高 杰", "党组书记副主任:高杰"),  # … or every one, a run-on list's label after a title
    ("2020 年 3 月 1 日", "2020年3月1日"),
    ("阳政任字〔2020〕6 号", "阳政任字〔2020〕6号"),
    ("郝文保 武雪", "郝文保 武雪"),  # two names: stays a list
    ("市水利局 市住建局", "市水利局 市住建局"),
    ("Yangquan City", "Yangquan City"),
    ("2020  年", "2020年"),
    # a wide gap by a digit is a table's column gap: it stays
    ("1     推行企业开办", "1     推行企业开办"),
    # an ideographic space is as wide as a Chinese character: a padded table keeps its columns
    ("1　　　库坑村", "1      库坑村"),
    ("副市长　王伟", "副市长  王伟"),
    ("市人社局      2021年6月底前", "市人社局      2021年6月底前"),
])
def test_spaces_inside_words_are_dropped_between_words_kept(raw, expected):
    assert text_of(raw).text == expected


def test_lone_carriage_return_still_ends_a_line():
    assert text_of("第一行\r第二行").text == "第一行\n第二行"


def test_written_form_of_a_spaced_name_comes_from_the_raw_text():
    text = text_of("成 员：田 强\t市卫生健康委员会")
    start = text.text.index("田强")
    assert text.raw_slice(start, start + 2) == "田 强"
    assert text.written(start, start + 2) == "田强"


def test_pages_survive_normalisation():
    text = text_of("第一页\f第 2 页")
    assert text.text == "第一页\f第2页"
    assert [text.page_at(text.text.index(w)) for w in ("第一页", "第2页")] == [1, 2]


def test_normalize_key_ignores_width_and_spaces():
    assert normalize_key("阳泉市　水利局（河长办）") == normalize_key("阳泉市水利局(河长办)")


PIECES = st.sampled_from(list("田强王明厚组长市水利局阳泉年月号 　\u00a0\t\n\r\f（），：；①２０Ａaz1 ") +
                         ["〔2020〕", "㈠", "2020", "郝文保"])
RAW = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_every_normalised_character_maps_to_a_raw_character_that_folds_to_it(raw):
    assert_offsets_sound(text_of(raw))


@settings(max_examples=300, deadline=None)
@given(RAW, st.data())
def test_raw_span_lies_in_the_raw_text_and_covers_the_span(raw, data):
    text = text_of(raw)
    start = data.draw(st.integers(0, len(text.text)))
    end = data.draw(st.integers(start, len(text.text)))
    a, b = text.raw_span(start, end)
    assert 0 <= a <= b <= len(text.source.text)
    assert all(a <= text.raw[i] < b for i in range(start, end))
    folded = "".join(folds_to(ch) for ch in text.raw_slice(start, end))
    assert "".join(text.text[start:end].split()) in "".join(folded.split())


def test_pinyin_a_mirror_printed_after_characters_is_dropped_and_noted():
    source = Source.from_pages("m.txt", ["決定接受許達(dá)哲辭去省長職務(wù)的請求（女）"], "txt")
    text = normalize(source)
    assert text.text == "決定接受許達哲辭去省長職務的請求(女)"
    start = text.text.index("許")
    assert text.written(start, start + 3) == "許達哲"  # the name as written, without the noise
    assert text.raw_slice(start, start + 3) == "許達(dá)哲"  # evidence keeps the raw span
    assert any("pinyin" in note for note in source.notes)


def test_quotation_marks_around_posts_are_dropped_and_noted():
    """A mainland report quotes Taiwan's posts and bodies; the marks around a post go, those
    around a body, a slogan or a programme stay."""
    source = Source.from_pages("r.txt", ["“國科會”出任“陸委會副主委”，推行“河长制”“跨省通办”，“財政部政務次長”徐仁輝"], "txt")
    text = normalize(source)
    assert text.text == "“國科會”出任陸委會副主委,推行“河长制”“跨省通办”,財政部政務次長徐仁輝"
    start = text.text.index("陸")
    assert text.raw_slice(start, start + 6) == "陸委會副主委"
    assert text.raw_slice(start - 2, start + 6) == "出任“陸委會副主委"  # the raw span keeps the mark
    assert any("2 pairs of quotation marks" in note for note in source.notes)


def test_a_name_in_latin_letters_keeps_one_space_between_its_words():
    text = normalize(Source.from_pages("n.txt", ["外籍英语教师David  Mennier、田 强"], "txt"))
    start = text.text.index("D")
    assert text.written(start, text.text.index("、")) == "David Mennier"
    assert text.written(text.text.index("田"), len(text.text)) == "田强"


def test_toneless_pinyin_between_characters_is_a_gloss_too():
    """OCR drops a gloss's tone marks: a toneless syllable between two characters is still one;
    a letter, an acronym or letters that make no syllable stay."""
    source = Source.from_pages("s.pdf", ["潘長(zhang)江為副縣長，見條款(a)項及(PPP)項目(ab)區"], "txt")
    text = normalize(source)
    assert text.text == "潘長江為副縣長,見條款(a)項及(PPP)項目(ab)區"
    assert text.written(0, 3) == "潘長江"


def test_a_copy_glossing_without_tone_marks_loses_every_toneless_gloss():
    """A mirror that glosses characters without tone marks: where a text holds several toneless
    syllables in brackets after characters, each is a gloss, before a mark too; one alone stays."""
    glossed = "第一组(zu):山西(xi),组长吴新雄,副组长林山青(qing);\n第二组:辽宁"
    assert normalize(Source.from_pages("g.txt", [glossed], "txt")).text == "第一组:山西,组长吴新雄,副组长林山青;\n第二组:辽宁"
    once = "见条款(xi),另见附表"
    assert normalize(Source.from_pages("o.txt", [once], "txt")).text == once


def test_question_marks_a_lossy_copy_put_for_an_indent_are_spaces():
    raw = "三、分组情况\n???(一)第一检查督导组;\n?(二)第二检查督导组;\n??h委副书记\n问题:?是否"
    text = normalize(Source.from_pages("t.txt", [raw], "txt")).text
    assert text.split("\n")[1:3] == ["   (一)第一检查督导组;", " (二)第二检查督导组;"]
    assert text.split("\n")[3:] == ["  h委副书记", "问题:?是否"]  # a run opening a line; one inside it stays


def test_a_gloss_whose_letters_ocr_misread_goes_in_a_scanned_copy_that_holds_glosses():
    """OCR misreads a gloss's letters (q0, zhing, 1ing) and drops the character after it for a
    mark: in a scan whose glosses read right elsewhere, a short run of letters, digits and
    stray marks in brackets after a character is one too; in a text file it stays."""
    raw = "特區(qu)政府,任命發(fa)展局長(zhing)”柯岚(q0)為社會文化司司長(zhang)”及(GDP)"
    scanned = Source.from_pages("s.pdf", [raw], "pdf", ocr_lines=((0, len(raw), 0.9),))
    text = normalize(scanned)
    assert text.text == "特區政府,任命發展局長”柯岚為社會文化司司長”及(GDP)"
    start = text.text.index("柯")
    assert text.written(start, start + 2) == "柯岚"
    assert "(q0)" in normalize(Source.from_pages("s.txt", [raw], "txt")).text  # no syllable: only a scan's
    lone = "局長(zhing)”"  # a scan without a gloss read right: the brackets stay
    assert normalize(Source.from_pages("s.pdf", [lone], "pdf", ocr_lines=((0, len(lone), 0.9),))).text == lone


def test_a_pages_line_break_tags_in_plain_text_are_breaks_and_a_stray_one_stays():
    """A copy that kept a page's <br> tags in plain text breaks its lines there (the raw text
    keeps the tags); one or two tags are the page's noise, kept as written."""
    source = Source.from_pages("c.txt", ["沪府办〔2016〕63号<br> 关于建立联席会议的通知<br/> 召集人:蒋卓庆<BR>成员:于福林"], "txt")
    text = normalize(source)
    assert [line.strip() for line in text.text.split("\n")] == [
        "沪府办〔2016〕63号", "关于建立联席会议的通知", "召集人:蒋卓庆", "成员:于福林"]
    start = text.text.index("召集人")
    assert text.raw_slice(start - 6, start) == "<br/> "
    stray = normalize(Source.from_pages("s.txt", ["第一行<br>第二行"], "txt"))
    assert stray.text == "第一行<br>第二行"
