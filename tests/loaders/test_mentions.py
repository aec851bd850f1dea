import pytest

from loaders.spans.gazetteer import get_gazetteer
from loaders.text.normalize import normalize
from loaders.spans.places import find_places
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
    assert mention.evidence.rule == "mentions"
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


@pytest.mark.parametrize("text, expected", [
    ("开展漳沱河、温河、桃河、南川河等重点河流、流域联合执法检查", []),  # all four known: no grammar hit
    ("实施柳林河、磁窑河、屯兰河河道治理", ["柳林河", "磁窑河", "屯兰河"]),
    ("开展大石河流域和白马河沿线整治，入河排污口、涉河项目", ["大石河", "白马河"]),
    ("建成盂县西烟镇、南娄镇污水处理厂", ["西烟镇", "南娄镇"]),
    ("秀水、孙家庄、路家村、牛村、南娄等乡镇", []),
    ("县城、乡镇、村镇", []),
    ("南坪、小河、辛庄、河北和温池水质自动监测站", []),
    ("全市河流、湖泊", []),
    # a verb or adverb before a name is not part of it: the name starts after it
    ("1.开展贡江、章江沿岸入河排污口排查整治", ["贡江", "章江"]),
    ("3.加强桃江流域畜禽养殖污染治理", ["桃江"]),
    ("全面推进琴江流域综合治理", ["琴江"]),
    ("实施梅江干流清淤", ["梅江"]),
    ("推进宁都河、平江、濂江治理", ["宁都河", "平江", "濂江"]),
    ("治理河道、整治河岸", []),
    ("加强流域水环境保护", []),
    ("完成黄河、小清河沿线灌区节水改造", ["小清河"]),  # 小 heads a longer name
])
def test_place_grammar(text, expected):
    hits = get_gazetteer().find(text)
    known = [(h.start, h.end) for h in hits if h.label in ("RIVER", "DISTRICT")]
    assert [text[p.start:p.end] for p in find_places(text, known)] == expected


@pytest.mark.parametrize("text, expected", [
    # a river heading a line or table row, then a colon, 河长 or the next cell: a river-chief list
    ("韩城河:县委副书记 马红梅\n陈宅河:县人民政府副县长 郭俊峰\n", ["韩城河", "陈宅河"]),
    ("  赵保河 河长:孙丽\n", ["赵保河"]),
    ("寻村河河长:程立国\n", ["寻村河"]),
    ("石门河(城关段):副县长 王刚\n", ["石门河"]),
    ("(一)白沙江:县长 李明\n", ["白沙江"]),
    ("3.柳溪河\t副县长\t赵强\n", ["柳溪河"]),
    # not names: a title, an office, a common word, a verb phrase, a word with a non-name head
    ("县级河长:张三\n总河长:李四\n", []),
    ("县河长制办公室:县水利局\n", []),
    ("主要河流:详见附表\n", []),
    ("入河排污口:12个\n", []),
    ("小河:县委书记 杨振华\n", []),
    ("整治河:县长 李东升\n", []),
    ("各乡镇沿河:巡查\n", []),
    ("城关镇河长:王五\n", []),  # a town's river chief
    ("办公室设在县水利局, 韩城河:马红梅\n", []),  # not at the head of its line
    # a row of a river-chief list laid out with spaces: river, title, chief; any river suffix
    ("县级河长\n新安江(歙县段) 县委书记 汪建国(总河长);县长 程立新\n练江      县委副书记 方志华\n",
     ["新安江", "练江"]),
    ("乡级河长\n大洲源  街口镇党委书记 叶建新\n小洲源  小川乡党委书记 汪小兵\n棉溪  深渡镇镇长 胡建设\n",
     ["大洲源", "小洲源", "棉溪"]),
    ("河长制\n资源  县长 李明\n", []),  # two characters ending in 源: a word, not a river
    ("河长名单\n开展巡河  县长 李明\n", []),  # a verb phrase
    ("河长名单\n小河  县长 李明\n", []),  # the common word
    ("南明河  县长 李明\n", []),  # no 河长 in the text: no river-chief list
])
def test_river_chief_lines(text, expected):
    assert [text[p.start:p.end] for p in find_places(text)] == expected
