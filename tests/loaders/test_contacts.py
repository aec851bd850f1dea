"""Contact details: phone numbers, e-mail, ID-card numbers; and the numbers that are none."""

from __future__ import annotations

import re
import time

import pytest

from loaders.text.contacts import ID_CHECK, ID_WEIGHTS, Contact, find_contacts
from tests.conftest import SAMPLE


def with_check_digit(first17: str) -> str:
    return first17 + ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
ID_NUMBER = with_check_digit("14030219800101123")  # …1235
ID_WITH_X = next(n for n in (with_check_digit(f"140302197506150{k:02d}") for k in range(100))
                 if n.endswith("X"))


@pytest.mark.parametrize("text, kind, value", [
    ("联系电话：0353-1234567", "landline", "0353-1234567"),
    ("电话 (0351)1234567", "landline", "0351-1234567"),
    ("（０３５１）１２３４５６７", "landline", "0351-1234567"),  # full-width
    ("咨询电话0351 7654321。", "landline", "0351-7654321"),
    ("010-12345678转123", "landline", "010-12345678-123"),
    ("传真：03532021234", "landline", "0353-2021234"),  # glued, after a label
    ("办公电话：2021234", "landline", "2021234"),  # no area code, after a label
    ("联系人：张三 13812345678", "mobile", "13812345678"),
    ("手机 138 1234 5678", "mobile", "13812345678"),
    ("+86 138-1234-5678", "mobile", "13812345678"),
    ("服务热线400-123-4567", "hotline", "400-123-4567"),
    ("800 810 8888", "hotline", "800-810-8888"),
    ("邮箱：yqzfb@yq.gov.cn，", "email", "yqzfb@yq.gov.cn"),
    ("请发送至zhang.san+gb@163.com联系", "email", "zhang.san+gb@163.com"),
    (f"身份证号码{ID_NUMBER}", "id_card", ID_NUMBER),
    (f"公民身份号码：{ID_WITH_X.lower()}", "id_card", ID_WITH_X),
])
def test_contact_is_found_with_its_kind_and_value(text, kind, value):
    (found,) = find_contacts(text)
    assert (found.kind, found.value) == (kind, value)
    span = text[found.start:found.end].translate(DIGITS)
    assert span[0] not in " ：:" and span[-1] not in " ，。"  # the span is the contact only
    if kind == "email":
        assert span == value
    else:
        assert re.sub(r"[^\dX]", "", span.upper()).endswith(re.sub(r"[^\dX]", "", value))


@pytest.mark.parametrize("text", [
    "晋政办发〔2020〕23号",  # 文号
    "阳政发〔2020〕1号",
    "2020年3月15日",
    "2020-03-15",
    "20200315",
    "投资13812345678元",  # an amount, not a mobile
    "共计13800000000人",  # a count
    "第13812345678号",
    "1.3812345678",
    "账号6222021234567890123",  # a bank account holds an 11-digit run
    "邮编045000",
    "14030219800101123X",  # 18 characters, wrong check digit
    "140302198013011235",  # month 13
    "人口1234567人",  # a count after no label
    "面积12345678平方米",
    "第4001234567号",
    "user@localhost",  # no top-level domain
])
def test_number_that_is_no_contact_is_left_alone(text):
    assert find_contacts(text) == []


def test_several_contacts_come_in_order_with_offsets_into_the_text():
    text = "联系人：李菊 0353-2293232\n15035316185\n邮箱 liju@yq.gov.cn"
    found = find_contacts(text)
    assert [c.kind for c in found] == ["landline", "mobile", "email"]
    assert [text[c.start:c.end] for c in found] == ["0353-2293232", "15035316185",
                                                    "liju@yq.gov.cn"]
    assert all(isinstance(c, Contact) for c in found)


def test_sample_gazette_contacts_are_the_liaison_list_only():
    text = SAMPLE.read_text(encoding="utf-8")
    start = time.perf_counter()
    found = find_contacts(text)
    speed = len(text) / (time.perf_counter() - start)
    assert {c.kind for c in found} == {"landline", "mobile"}
    assert len(found) == 10 and all(c.value.startswith(("0353-", "1")) for c in found)
    assert speed > 300_000  # characters per second
