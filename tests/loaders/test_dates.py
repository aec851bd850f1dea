"""Dates as official documents write them → ISO."""

import pytest

from loaders.text.dates import date_line, find_dates, to_iso


@pytest.mark.parametrize("written, iso", [
    ("2020年3月4日", "2020-03-04"),
    ("2020 年 3 月 25 日", "2020-03-25"),
    ("２０２０年３月２５日", "2020-03-25"),
    ("二〇二〇年三月四日", "2020-03-04"),
    ("二〇二一年十二月三十一日", "2021-12-31"),
    ("二○一九年十月二十日", "2019-10-20"),
    ("二零一八年六月十五日", "2018-06-15"),
    ("2020-03-04", "2020-03-04"),
    ("2020.3.4", "2020-03-04"),
    ("2020/12/1", "2020-12-01"),
    ("经2020年2月27日阳泉市第十五届人大常委会第二十九次会议审议通过", "2020-02-27"),
])
def test_to_iso(written, iso):
    assert to_iso(written) == iso


@pytest.mark.parametrize("written", [
    "2020年2月30日",  # no such day
    "2020年13月1日",
    "2020年3月",  # a month, not a date
    "版本 1.2.3",
    "电话 0353-2020-1234",
    "",
])
def test_not_a_date(written):
    assert to_iso(written) is None


@pytest.mark.parametrize("line, iso", [
    ("2020年3月27日", "2020-03-27"),
    ("  2020 年 3 月 25 日  ", "2020-03-25"),
    ("（二〇二〇年三月四日）", "2020-03-04"),
    ("2020年3月24日常务会议决定", None),  # a date inside a sentence is no 成文日期 line
    ("阳泉市人民政府", None),
])
def test_date_line(line, iso):
    assert date_line(line) == iso


def test_find_dates_gives_spans_in_order():
    text = "自2020年5月1日起施行，2019-12-31前制定的规定同时废止"
    found = list(find_dates(text))
    assert [d.iso for d in found] == ["2020-05-01", "2019-12-31"]
    assert [text[d.start:d.end] for d in found] == ["2020年5月1日", "2019-12-31"]
