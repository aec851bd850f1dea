"""Segmentation of a gazette issue (and of single notices) into documents."""

import pytest

from govkg.ids import content_hash, make_id
from loaders.text.normalize import normalize
from loaders.records import Source
from loaders.text.segment import jurisdiction, segment
from tests.loaders.docs_support import (FIXTURE_NAMES, FIXTURES, expected, gold, key, sample_text,
                                        text_of)


@pytest.fixture(scope="module")
def sample_docs():
    return segment(sample_text())


def _meta(doc) -> tuple:
    return (doc.number, key(doc.issuer), doc.date, key(doc.title))


def test_sample_gives_exactly_the_gold_documents(sample_docs):
    want = [(d["number"], key(d["issuer"]), d["date"], key(d["title"])) for d in gold()["documents"]]
    assert [_meta(d) for d in sample_docs] == want


def test_sample_titles_come_from_the_body_not_the_table_of_contents(sample_docs):
    titles = [d.title for d in sample_docs]
    assert "阳泉市人民政府关于郝文保等二人任免职务的通知" in titles
    assert not any("郗文保" in t for t in titles)  # the TOC's OCR variant


def test_sample_documents_tile_the_text_after_the_contents(sample_docs):
    text = sample_docs[0].text.text
    assert text[sample_docs[0].start:].startswith("阳泉市人民政府")
    assert not any("郗文保" in text[d.start:d.end] for d in sample_docs)  # only the TOC has it
    for doc, after in zip(sample_docs, sample_docs[1:]):
        assert doc.start < doc.body_start < doc.end <= after.start
    assert all(d.jurisdiction == "阳泉市" for d in sample_docs)


def test_attachments_belong_to_their_document(sample_docs):
    doc = next(d for d in sample_docs if d.number == "阳政办发〔2020〕34号")
    assert "阳泉市草地贪夜蛾防控领导小组" in doc.body
    assert "附件 1:" in doc.body or "附件1:" in doc.body
    assert doc.date == "2020-04-03"  # the 成文日期 of the cover notice, not a date in the attachment


def test_body_starts_after_the_addressees(sample_docs):
    doc = next(d for d in sample_docs if d.number == "阳政任字〔2020〕7号")
    assert doc.body.startswith("经阳泉市人民政府2020年3月24日常务会议决定")


def test_ids_are_stable_and_follow_the_number(sample_docs):
    again = segment(sample_text())
    assert [d.id for d in again] == [d.id for d in sample_docs]
    assert sample_docs[0].id == make_id("doc", "阳政发〔2020〕1号")


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_documents(name):
    docs = segment(text_of(FIXTURES / f"{name}.txt"))
    want = expected(name)["documents"]
    assert [_meta(d) for d in docs] == [
        (w["number"], key(w["issuer"]), w["date"], key(w["title"])) for w in want]
    for doc, w in zip(docs, want):
        if "jurisdiction" in w:
            assert doc.jurisdiction == w["jurisdiction"]
        if "body_starts_with" in w:
            assert doc.body.startswith(w["body_starts_with"])
        if "ends_with" in w:
            assert doc.text.text[:doc.end].endswith(w["ends_with"])


def test_document_without_number_gets_a_content_id():
    docs = segment(text_of(FIXTURES / "shiyan-gazette-mini.txt"))
    unnumbered = [d for d in docs if d.number is None]
    assert len(unnumbered) == 1
    doc = unnumbered[0]
    text = doc.text.text[doc.start:doc.end]  # two notices sharing title and date stay two
    assert doc.key == doc.id == make_id("doc", doc.title, doc.date, content_hash(text))


def _text(raw: str):
    return normalize(Source.from_pages("mem.txt", [raw], "txt"))


def test_plain_text_is_one_document_titled_by_its_first_line():
    docs = segment(_text("市人大常委会举行第十次会议\n\n会议决定任命张三为市财政局局长。\n"))
    assert len(docs) == 1
    assert docs[0].title == "市人大常委会举行第十次会议"
    assert docs[0].body.startswith("会议决定任命")
    assert docs[0].number is None and docs[0].issuer is None


def test_one_notice_is_one_document_with_its_number_below_the_title():
    raw = ("平定县人民政府办公室关于做好2021年春耕备耕工作的通知\n（平政办发〔2021〕8 号）\n"
           "各乡镇人民政府，县直各单位：\n现就有关事项通知如下。\n平定县人民政府办公室\n二〇二一年三月一日\n")
    [doc] = segment(_text(raw))
    assert (doc.number, doc.date, doc.issuer, doc.jurisdiction) == (
        "平政办发〔2021〕8号", "2021-03-01", "平定县人民政府办公室", "平定县")
    assert doc.body.startswith("现就有关事项")


def test_title_split_by_spaces_and_lines_is_joined():
    raw = ("阳泉市人民政府 关于曹阳等十三人任免职务的 通知\n\n阳政任字〔2020〕7号\n\n"
           "各县（区）人民政府：\n任命：\n曹阳为阳泉市交通运输局副局长；\n阳泉市人民政府\n2020 年 3 月 25 日\n")
    [doc] = segment(_text(raw))
    assert doc.title == "阳泉市人民政府关于曹阳等十三人任免职务的通知"
    assert doc.date == "2020-03-25"


def test_signature_gives_the_issuer_when_the_title_has_none():
    raw = "关于做好防汛工作的通知\n\n晋水发〔2021〕2号\n\n各市水利局：\n请做好防汛工作。\n\n山西省水利厅\n2021年5月6日\n"
    [doc] = segment(_text(raw))
    assert (doc.issuer, doc.jurisdiction, doc.date) == ("山西省水利厅", "山西省", "2021-05-06")


def test_empty_text_has_no_documents():
    assert segment(_text("  \n\n")) == []


@pytest.mark.parametrize("issuer, place", [
    ("阳泉市人民政府办公室", "阳泉市"),
    ("山西省人民政府", "山西省"),
    ("平定县人民政府", "平定县"),
    ("阳泉市城区人民政府", "阳泉市城区"),
    ("阳泉市公安局城区分局", "阳泉市"),
    ("中共阳泉市委办公室", "阳泉市"),
    ("内蒙古自治区人民政府办公厅", "内蒙古自治区"),
    ("陽泉市人民政府辦公室", "陽泉市"),
    ("国务院办公厅", None),
    (None, None),
])
def test_jurisdiction(issuer, place):
    assert jurisdiction(issuer) == place


@pytest.mark.parametrize("raw, number, title, issuer", [
    ("阳泉市人民政府通告\n\n阳政发〔2020〕3号\n\n为加强管理，特通告如下。\n\n2020年5月6日\n",
     "阳政发〔2020〕3号", "阳泉市人民政府通告", "阳泉市人民政府"),
    ("表格末行 市水利局\n阳泉市人民政府\n通告\n阳政发〔2020〕4号\n特通告如下。\n2020年5月6日\n",
     "阳政发〔2020〕4号", "阳泉市人民政府通告", "阳泉市人民政府"),
    ("目　次\n阳泉市人民政府公告（第1号）…………（3）\n\n阳泉市人民政府公告\n第 1 号\n现予公告。\n2020年5月6日\n",
     "阳泉市人民政府公告第1号", "阳泉市人民政府公告", "阳泉市人民政府"),
])
def test_titles_without_关于(raw, number, title, issuer):
    [doc] = segment(_text(raw))
    assert (doc.number, doc.title, doc.issuer, doc.date) == (number, title, issuer, "2020-05-06")


def test_web_page_publishing_line_between_title_and_number():
    raw = ("当前位置：首页 > 政务公开 > 人事任免\n成都市人民政府关于何俊等同志职务任免的通知\n"
           "发布时间：2021-09-18　来源：市政府办公厅　【字体：大 中 小】\n成府任〔2021〕22号\n"
           "各区（市）县政府：\n任命何俊为成都市水务局局长。\n成都市人民政府\n2021年9月15日\n")
    [doc] = segment(_text(raw))
    assert (doc.number, doc.title, doc.date) == (
        "成府任〔2021〕22号", "成都市人民政府关于何俊等同志职务任免的通知", "2021-09-15")


def test_portal_metadata_block_above_the_title_gives_the_number():
    raw = ("索 引 号：11440300007542526D/2023-00215\n分　　类：人事任免\n发布机构：深圳市人民政府\n"
           "成文日期：2023-03-10\n名　　称：深圳市人民政府关于李卫东等职务任免的通知\n"
           "文　　号：深府人〔2023〕15号\n发布日期：2023-03-16\n主 题 词：\n\n"
           "深圳市人民政府关于李卫东等职务任免的通知\n\n各区人民政府：\n\n任命李卫东为深圳市水务局局长。\n\n"
           "深圳市人民政府\n\n2023年3月10日\n")
    [doc] = segment(_text(raw))
    assert (doc.number, doc.title, doc.issuer, doc.date) == (
        "深府人〔2023〕15号", "深圳市人民政府关于李卫东等职务任免的通知", "深圳市人民政府", "2023-03-10")
    assert doc.body.startswith("任命李卫东")


def test_a_metadata_label_glued_to_the_value_before_it_still_gives_its_date():
    """OCR loses the spaces of a metadata block: `发文机关:国务院办公厅成文日期:2014年02月23日`."""
    raw = ("发文机关:国务院办公厅成文日期:2014年02月23日\n"
           "标 题:国务院办公厅关于落实有关政策措施分工的通知\n发文字号:国办函〔2014〕31号发布日期:2014年03月10日\n\n"
           "国务院办公厅关于落实有关政策措施分工的通知\n\n各省人民政府：\n\n现将分工通知如下。\n")
    [doc] = segment(_text(raw))
    assert doc.date == "2014-02-23"


@pytest.mark.parametrize("caption, date", [
    ("（2022年5月20日上海市浦东新区第七届人民代表大会常务委员会第八次会议通过）", "2022-05-20"),
    ("(二〇二一年十月二十八日市第十六届人民代表大会常务委员会第四十八次会议通过)", "2021-10-28"),
    ("（会议通过的名单如下）", None),
])
def test_caption_dates_a_text_without_成文日期(caption, date):
    [doc] = segment(_text(f"浦东新区人大常委会任免名单\n\n{caption}\n\n任命：\n徐海峰为浦东新区教育局局长。\n"))
    assert doc.date == date


@pytest.mark.parametrize("first_line, number, title", [
    # a crawl joined the title and its 文号 on one line
    ("国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见国办发〔2020〕24号", "国办发〔2020〕24号",
     "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见"),
    # a title that only cites another document's number stays whole, and gives no number
    ("关于贯彻落实国发〔2019〕3号文件精神的通知", None, "关于贯彻落实国发〔2019〕3号文件精神的通知"),
])
def test_a_title_and_its_number_on_one_line(first_line, number, title):
    text = normalize(Source.from_pages("t.txt", [f"{first_line}\n\n各省、自治区、直辖市人民政府：\n现提出以下意见。\n"], "txt"))
    doc = segment(text)[0]
    assert (doc.number, doc.title) == (number, title)
