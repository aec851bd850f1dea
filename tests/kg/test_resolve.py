import pytest

from kg.resolve import AgencyResolver, Directory, is_abbreviation, parent_of

DIRECTORY = Directory(
    aliases={"市发展和改革委员会": "市发展和改革委员会", "市发改委": "市发展和改革委员会",
             "市发展改革委": "市发展和改革委员会", "市水利局": "市水利局"},
    kinds={}, variants={"孟县": ("盂县", "OCR variant")})


@pytest.fixture
def resolver():
    r = AgencyResolver(DIRECTORY)
    for full in ("市住房和城乡建设局", "市工业和信息化局", "市卫生健康委员会"):
        r.observe(full, "阳泉市")
    return r


@pytest.mark.parametrize("written, canonical, decision", [
    ("市水利局", "阳泉市水利局", "jurisdiction: 市 → 阳泉市"),
    ("阳泉市水利局", "阳泉市水利局", None),
    ("市发改委", "阳泉市发展和改革委员会", "alias: 市发改委 → 市发展和改革委员会 (gazetteer)"),
    ("市发展改革委", "阳泉市发展和改革委员会", "alias: 市发展改革委"),
    ("市住建局", "阳泉市住房和城乡建设局", "abbreviation: 市住建局 → 市住房和城乡建设局"),
    ("市卫健委", "阳泉市卫生健康委员会", "abbreviation: 市卫健委"),
    ("孟县政府", "盂县人民政府", "variant: 孟县 → 盂县 (OCR variant)"),
    ("市政府", "阳泉市人民政府", "alias: 阳泉市政府 → 阳泉市人民政府"),
    ("国务院办公厅", "国务院办公厅", None),
])
def test_resolution_is_a_visible_decision(resolver, written, canonical, decision):
    r = resolver.resolve(written, "阳泉市")
    assert r.canonical == canonical
    assert r.written == written
    if decision:
        assert any(d.startswith(decision) for d in r.decisions), r.decisions
    else:
        assert not r.changed


@pytest.mark.parametrize("written", ["各县（区）政府", "市河长制成员单位", "市、县河长办", "有关成员单位"])
def test_collectives_stay_as_written(resolver, written):
    r = resolver.resolve(written, "阳泉市")
    assert (r.kind, r.canonical) == ("collective", written)


@pytest.mark.parametrize("short, full, expected", [
    ("市工信局", "市工业和信息化局", True),
    ("市发改委", "市发展和改革委员会", True),
    ("市工信局", "市工业和信息化委员会", False),  # the suffix must agree
    ("市信工局", "市工业和信息化局", False),  # characters out of order
    ("县工信局", "市工业和信息化局", False),  # another level
])
def test_abbreviation_rule(short, full, expected):
    assert is_abbreviation(short, full) is expected


def test_ambiguous_short_form_is_left_unresolved():
    r = AgencyResolver(Directory({}, {}, {}))
    r.observe("市交通运输局", "阳泉市")
    r.observe("市交通警察局", "阳泉市")
    res = r.resolve("市交通局", "阳泉市")
    assert res.canonical == "阳泉市交通局"
    assert any(d.startswith("unresolved") for d in res.decisions)


@pytest.mark.parametrize("name, parent", [
    ("阳泉市公安局西城分局", "阳泉市公安局"),
    ("阳泉市公安局交通警察支队", "阳泉市公安局"),
    ("阳泉市政府驻北京联络处", "阳泉市人民政府"),
    ("阳泉市水利局", None),
])
def test_sub_units_are_part_of_their_parent(name, parent):
    assert parent_of(name) == parent
