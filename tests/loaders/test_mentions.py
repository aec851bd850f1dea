import pytest

from loaders.text.normalize import normalize
from loaders.records import Document, Source
from tests.loaders.extract_support import f1, fixture, fixture_names, run, run_sample


@pytest.fixture(scope="module")
def sample_mentions():
    return run_sample("mentions")


def test_river_f1_on_the_gold(gold, sample_mentions):
    assert f1(set(sample_mentions.names("river")), set(gold["rivers"])) >= 0.9


def test_a_variant_is_kept_as_written_with_its_canonical_name(sample_mentions):
    variants = {(m.name, m.canonical) for m in sample_mentions.mentions if m.canonical}
    assert ("漳沱河", "滹沱河") in variants
    assert ("孟县", "盂县") in variants
    assert "漳沱河" in sample_mentions.names("river") and "滹沱河" in sample_mentions.names("river")


def test_towns_of_a_list_are_districts(sample_mentions):
    districts = sample_mentions.names("district")
    for town in ("西烟镇", "南娄镇", "冠山镇", "冶西镇", "锁簧镇", "河底镇", "李家庄乡"):
        assert town in districts
    assert "平定县" in districts and "盂县" in districts


def test_programs(sample_mentions):
    programs = sample_mentions.names("program")
    for name in ("河长制", "打赢蓝天保卫战", "清洁取暖", "脱贫攻坚", "乡村振兴", "安全生产"):
        assert name in programs


def test_evidence_points_at_the_mention_and_quotes_its_sentence(sample_mentions):
    mention = next(m for m in sample_mentions.mentions if m.name == "漳沱河")
    assert mention.evidence.rule == "places/gazetteer"
    assert "漳沱河" in mention.evidence.sentence
    assert mention.evidence.end - mention.evidence.start == 3


def _document(body: str, jurisdiction: str | None) -> Document:
    text = normalize(Source.from_pages("x", [body], "txt"))
    return Document(id="x", text=text, start=0, end=len(text.text), title="x",
                    jurisdiction=jurisdiction, body_start=0)


@pytest.mark.parametrize("jurisdiction, kept", [("阳泉市", True), ("长治市", False), (None, False)])
def test_a_district_named_by_a_common_word_needs_its_city(jurisdiction, kept):
    document = _document("全市新建污水管网，其中城区1.76公里、矿区1.5公里。", jurisdiction)
    assert ("城区" in run("mentions", document).names("district")) is kept


@pytest.mark.parametrize("name", fixture_names("tasks"))
def test_fixture_rivers(name):
    document, expected = fixture("tasks", name)
    assert run("mentions", document).names("river") == sorted(expected["rivers"])


@pytest.mark.parametrize("body, kept", [("陽泉市城區新建污水管網。", True), ("長治市城區新建污水管網。", False)])
def test_a_traditional_text_is_read_simplified_and_kept_as_written(body, kept):
    """The city that makes 城區 a district is looked for in the simplified text; the mention
    keeps the name as the file writes it, its simplified form as the canonical one."""
    mentions = run("mentions", _document(body, None)).mentions
    assert (("城區", "城区") in {(m.name, m.canonical) for m in mentions}) is kept
    assert all(m.evidence.sentence == body for m in mentions)


def test_a_mention_names_the_rule_that_found_it():
    """A gazetteer name and a name of the grammar's (the pipeline's span ids name the grammar's
    rule exactly: see tests/cases/rivers-pipeline.yaml)."""
    document = _document("实施柳林河、磁窑河、屯兰河河道治理，漳沱河流域。", None)
    rules = {m.name: m.evidence.rule for m in run("mentions", document).mentions}
    assert rules["漳沱河"] == "places/gazetteer"
    assert rules["柳林河"].startswith("places/") and rules["柳林河"] != "places/gazetteer"


@pytest.mark.parametrize("text, teasers", [
    ("正文。\n【下一篇】陈一新检查东湖绿道二期建设情况\n", ["【下一篇】陈一新检查东湖绿道二期建设情况"]),
    ("相关新闻\n三峡水库蓄水\n黄河调水调沙\n正文又起,说明长江保护的意义。\n", ["相关新闻", "三峡水库蓄水", "黄河调水调沙"]),
    ("Tags:安江 责任编辑:张三\n", ["Tags:安江 责任编辑:张三"]),
    # a paragraph of the article is long, whatever word it holds
    ("省河长办要求各地首页公示河长名单,加强长江、汉江、清江等河流巡查,及时处置问题,确保河湖长制工作落实到位。\n", []),
])
def test_teaser_lines_are_short_lines_of_furniture(text, teasers):
    from loaders.extract.places import teaser_lines

    assert [text[a:b] for a, b in teaser_lines(text)] == teasers
