"""Appointments and removals: the sample against its gold, fixtures in other styles, forms."""

import pytest

from loaders import extract
from loaders.extract.acts import extract_appointments
from loaders.pipeline import view_of
from loaders.spans.posts import is_framed_name, is_person_name, parse_post, title_length
from loaders.text.normalize import normalize
from loaders.records import Source
from loaders.text.segment import segment
from loaders.view import DocumentView
from tests.loaders.docs_support import (FIXTURE_NAMES, FIXTURES, expected, gold, key, sample_text,
                                        text_of)


def _acts(text):
    return [a for doc in segment(text) for a in extract_appointments(DocumentView(doc)).acts]


def _fact(kind: str, f: dict, doc: bool = True) -> tuple:
    return (kind, f["person"], f["post"], key(f["org"]), f.get("note"), f["doc"] if doc else None)


def _found(acts, doc: bool = True) -> set:
    return {(a.kind, a.person, a.post, key(a.org), a.note, a.doc if doc else None) for a in acts}


@pytest.fixture(scope="module")
def sample_acts():
    return _acts(sample_text())


def test_sample_precision_and_recall_are_one(sample_acts):
    g = gold()
    want = {_fact("appointment", f) for f in g["appointments"]} | {_fact("removal", f) for f in g["removals"]}
    found = _found(sample_acts)
    assert len(sample_acts) == len(found) == len(want) == 24  # no duplicates either
    assert found - want == set(), "extras"
    assert want - found == set(), "missed"


def test_sample_acts_name_their_kind_of_act(sample_acts):
    acts = {(a.person, a.kind): a.act for a in sample_acts}
    assert acts[("曹阳", "appointment")] == "兼任"
    assert acts[("张铁红", "appointment")] == "正式任用"
    assert acts[("贾权", "removal")] == "免去"
    assert acts[("郝文保", "appointment")] == "任命"


def test_evidence_is_the_sentence_in_the_raw_text(sample_acts):
    raw = sample_acts[0].evidence
    act = next(a for a in sample_acts if a.person == "张卫东")
    source = sample_text().source.text
    assert act.evidence.sentence == "张卫东的阳泉市公安局城区分局局长职务(保留原职级待遇)"
    assert "张卫东的阳泉市公安局城区分局局长职务" in source[act.evidence.start:act.evidence.end]
    assert act.evidence.rule == "acts/block:免去" and act.evidence.page == 1
    assert raw.doc == "阳政任字〔2020〕6号"


def test_the_words_spacy_marked_find_what_a_scan_finds():
    """With the pipeline's marks the reader goes from act word to act word; a view read without
    the pipeline scans for the words: both read the same acts, naming the same rules."""
    def read(view):
        return [(a.kind, a.person, a.post, a.org, a.act, a.note, a.evidence.rule)
                for a in extract_appointments(view).acts]

    prose = normalize(Source.from_pages("mem.txt", [
        "关于做好有关工作的通知\n\n晋政办〔2021〕1号\n\n各县区人民政府：\n\n　　做好防汛工作。\n"
        "　　经研究，决定任命张三为市审计局局长；\n免去李四的市财政局局长职务。王五同志任市商务局\n局长，"
        "不再担任市财政局副局长职务。\n　　落实责任，完成任务。\n"], "txt"))
    documents = [*segment(sample_text()), *segment(prose)]
    assert len(read(view_of(documents[-1]))) == 4
    for document in documents:
        assert read(view_of(document)) == read(DocumentView(document))


def test_registered_by_name():
    # The registry as filled by this module's import (get_extractor also imports the other
    # extractors, which are tested in their own files).
    assert extract._REGISTRY["appointments"] is extract_appointments


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_documents(name):
    want = expected(name)
    rows = ({("appointment", f["person"], f["post"], key(f["org"]), f["note"], f["act"])
             for f in want["appointments"]}
            | {("removal", f["person"], f["post"], key(f["org"]), f["note"], f["act"])
               for f in want["removals"]})
    acts = _acts(text_of(FIXTURES / f"{name}.txt"))
    found = [(a.kind, a.person, a.post, key(a.org), a.note, a.act) for a in acts]
    assert set(found) == rows
    assert len(found) == len(rows)


def test_jurisdiction_ends_a_name_written_without_的():
    text = normalize(Source.from_pages("mem.txt", [
        "阳泉市人民政府关于张三职务任免的通知\n阳政任字〔2020〕5号\n免去张三阳泉市科技局局长职务。\n"], "txt"))
    assert [(a.person, a.org, a.post) for a in _acts(text)] == [("张三", "阳泉市科技局", "局长")]


def _one(raw: str, title: str = "关于张三等同志职务任免的通知"):
    text = normalize(Source.from_pages("mem.txt", [f"{title}\n\n晋政任〔2021〕1号\n\n{raw}\n"], "txt"))
    return [(a.kind, a.person, a.post, a.org, a.act, a.note) for a in _acts(text)]


@pytest.mark.parametrize("raw, acts", [
    ("决定任命张三为市发展和改革委员会主任、党组书记。",
     [("appointment", "张三", "主任", "市发展和改革委员会", "任命", None),
      ("appointment", "张三", "党组书记", "市发展和改革委员会", "任命", None)]),
    ("免去李四的市财政局局长、党组书记职务。",
     [("removal", "李四", "局长", "市财政局", "免去", None),
      ("removal", "李四", "党组书记", "市财政局", "免去", None)]),
    ("任命张三、李四为市交通运输局副局长。",
     [("appointment", "张三", "副局长", "市交通运输局", "任命", None),
      ("appointment", "李四", "副局长", "市交通运输局", "任命", None)]),
    ("王五同志任市审计局局长。", [("appointment", "王五", "局长", "市审计局", "任命", None)]),
    ("赵六兼任市国资委主任。", [("appointment", "赵六", "主任", "市国资委", "兼任", "兼")]),
    ("决定孙七代理市长。", [("appointment", "孙七", "市长", None, "代理", "代理")]),
    ("任命周八为副市长、代理市长。",
     [("appointment", "周八", "副市长", None, "任命", None),
      ("appointment", "周八", "市长", None, "代理", "代理")]),
    ("吴九不再担任市水利局局长职务。", [("removal", "吴九", "局长", "市水利局", "不再担任", None)]),
    ("会议决定接受郑十辞去市人民政府副市长职务的请求。",
     [("removal", "郑十", "副市长", "市人民政府", "辞去", None)]),
    ("任命：\n冯一为市公安局刑事侦查支队支队长（试用期一年）；\n陈二为市看守所所长。",
     [("appointment", "冯一", "支队长", "市公安局刑事侦查支队", "任命", "试用期一年"),
      ("appointment", "陈二", "所长", "市看守所", "任命", None)]),
    ("任命褚三为市统计局副局长，试用期一年。",
     [("appointment", "褚三", "副局长", "市统计局", "任命", "试用期一年")]),
    ("卫四同志任市信访局局长，免去其市民政局副局长职务。",
     [("appointment", "卫四", "局长", "市信访局", "任命", None),
      ("removal", "卫四", "副局长", "市民政局", "免去", None)]),
    ("免去蒋五市财政局局长职务。", [("removal", "蒋五", "局长", "市财政局", "免去", None)]),
    ("免去沈六同志晋城市财政局局长职务。", [("removal", "沈六", "局长", "晋城市财政局", "免去", None)]),
    ("任命欧阳明为市卫生健康委员会二级调研员。",
     [("appointment", "欧阳明", "二级调研员", "市卫生健康委员会", "任命", None)]),
    ("韩七同志试用期满正式任用为市商务局副局长。",
     [("appointment", "韩七", "副局长", "市商务局", "正式任用", "试用期满正式任用")]),
    ("任命陽泉為市財政局局長。", [("appointment", "陽泉", "局長", "市財政局", "任命", None)]),
    # one 免去 naming several people's posts, joined by 、
    ("免去张三的省水利厅副厅长职务、李四的省林业厅副厅长职务。",
     [("removal", "张三", "副厅长", "省水利厅", "免去", None),
      ("removal", "李四", "副厅长", "省林业厅", "免去", None)]),
    # a clause with no name after an act of the same sentence is that person's
    ("黎五同志任市应急管理局副局长，不再担任市安全生产监督管理局副局长职务。",
     [("appointment", "黎五", "副局长", "市应急管理局", "任命", None),
      ("removal", "黎五", "副局长", "市安全生产监督管理局", "不再担任", None)]),
    ("钱六同志任市商务局局长，免去市财政局副局长职务。",
     [("appointment", "钱六", "局长", "市商务局", "任命", None),
      ("removal", "钱六", "副局长", "市财政局", "免去", None)]),
    # a PDF line ending inside a name
    ("任命赵七为市商务局局长；任命孙丽\n华为市水务局副局长；",
     [("appointment", "赵七", "局长", "市商务局", "任命", None),
      ("appointment", "孙丽华", "副局长", "市水务局", "任命", None)]),
])
def test_forms(raw, acts):
    assert _one(raw) == acts


@pytest.mark.parametrize("raw", [
    "领导小组下设办公室，办公室主任由安海润兼任，副主任由任仔苏兼任。",
    "市政府市长任领导小组组长，分管副市长任副组长。",
    "张三任组长，李四任副组长。",
    "进口产品全国总代理视为生产企业。",
    "同意正式任用，任命：",
    "郝文保等二人任免职务的提请已经会议审议通过。",
    "任命工作按照有关规定进行。",
    "各县区长为第一责任人。",
    "领导小组办公室设在市水务局，韩志勇同志兼任办公室主任。",  # the group's office: loaders.extract.groups.office
    "王立新同志兼任领导小组办公室副主任。",
    "王一同志拟任市商务局局长。",  # a proposal
    "张三现任市财政局局长，曾任市审计局局长。",  # a biography
    "市长提请任命吴十为市财政局局长。",
])
def test_prose_that_only_looks_like_an_act(raw):
    assert _one(raw, title="关于做好防控工作的通知") == []


@pytest.mark.parametrize("post, org, title, notes", [
    ("阳泉市公安局西城分局局长", "阳泉市公安局西城分局", "局长", ()),
    ("阳泉市公安局交通警察支队支队长", "阳泉市公安局交通警察支队", "支队长", ()),
    ("阳泉市交通运输局副局长(兼)", "阳泉市交通运输局", "副局长", ("兼",)),
    ("市卫生健康委员会二级调研员", "市卫生健康委员会", "二级调研员", ()),
    ("党组书记", None, "党组书记", ()),
    ("某某协会秘书", "某某协会", "秘书", ()),
])
def test_parse_post(post, org, title, notes):
    parsed = parse_post(post, 0, len(post))
    assert (post[slice(*parsed.org)] if parsed.org else None, post[slice(*parsed.title)],
            parsed.notes) == (org, title, notes)


def test_an_acting_title_inside_a_position():
    parsed = parse_post("山东省代省长", 0, 6)
    assert (parsed.org, parsed.title, parsed.acting) == ((0, 3), (4, 6), True)


@pytest.mark.parametrize("name, ok", [
    ("侯为东", True), ("张和平", True), ("李为民", True),  # given names that are words of prose too
    ("张三为", False), ("为人民", False), ("李为主任", False), ("张三", True),
])
def test_a_name_an_act_frames(name, ok):
    assert is_framed_name(name) is ok


@pytest.mark.parametrize("name, ok", [
    ("张三", True), ("欧阳明", True), ("阿依古丽·买买提", True), ("任仔苏", True),
    ("市长", False), ("副主", False), ("各县区", False), ("张三等四人", False), ("张", False),
])
def test_is_person_name(name, ok):
    assert is_person_name(name) is ok


def test_titles_gazetteer_prefers_the_longest_title():
    assert title_length("交通警察支队支队长") == 3
    assert title_length("市委常委、市政府党组书记") == 4
    assert title_length("交通警察支队") == 0


@pytest.mark.parametrize("rows, acts", [
    # tab-cut cells; an empty cell; two posts in one cell; a note in brackets; a spaced name
    ("序号\t姓名\t任职\t免职\n1\t沈一\t区水务局局长\t区农业农村局副局长\n"
     "2\t钱二\t区商务局副局长（试用期一年）\t\n3\t费三\t\t区统计局局长\n"
     "4\t陆四\t区交通运输局局长、区港航事业发展中心主任\t\n5\t吴　婷\t区审计局副局长\t\n",
     [("appointment", "沈一", "局长", "区水务局", "任命", None),
      ("appointment", "钱二", "副局长", "区商务局", "任命", "试用期一年"),
      ("appointment", "陆四", "局长", "区交通运输局", "任命", None),
      ("appointment", "陆四", "主任", "区港航事业发展中心", "任命", None),
      ("appointment", "吴婷", "副局长", "区审计局", "任命", None),
      ("removal", "沈一", "副局长", "区农业农村局", "免去", None),
      ("removal", "费三", "局长", "区统计局", "免去", None)]),
    # cells cut by runs of spaces, a column of the person not read, a 备注 column of notes
    ("姓名    性别    拟任职务            拟免职务            备注\n"
     "李五    男      县教育局副局长      县文化馆馆长        试用期一年\n",
     [("appointment", "李五", "副局长", "县教育局", "任命", "试用期一年"),
      ("removal", "李五", "馆长", "县文化馆", "免去", None)]),
])
def test_acts_of_a_table(rows, acts):
    found = _one(f"经研究，决定对下列同志职务进行任免。\n\n{rows}")
    assert sorted(found) == sorted(acts)


def test_a_table_in_a_notice_that_is_no_personnel_notice_gives_no_acts():
    rows = "序号\t姓名\t任职\t免职\n1\t沈一\t区水务局局长\t区农业农村局副局长\n"
    assert _one(rows, title="关于表彰先进集体的通知") == []


@pytest.mark.parametrize("name, strong, ok", [
    ("冯国经", True, True),  # a framed name may end with 经, as given names do
    ("冯国经", False, False),  # unframed, 经 is prose's (张三经研究)
    ("冯经国", True, False),  # only last
])
def test_a_framed_name_may_end_with_a_stop_character_given_names_end_with(name, strong, ok):
    assert is_person_name(name, strong) is ok
