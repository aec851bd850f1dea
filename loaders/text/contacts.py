"""Personal contact details in a text: phone numbers, e-mail addresses, ID-card numbers.

They are found so that they can be flagged and left out of exports, not to be collected.
Each rule says what makes a number one of these and not a 文号, date, amount or count:
- mobile: 11 digits 1[3-9]…, written whole or 3-4-4 with spaces or dashes, +86 allowed;
- landline: an area code (010, 02x, 0xxx) in brackets or before a dash or space, then 7–8
  digits, an extension (转 123, -123) allowed; a bare 7–8 digit number only after a label
  such as 电话： or 传真：, since alone it may be any count;
- hotline: 400 or 800 service numbers, 3-3-4;
- email: local@domain.tld;
- id_card: 18 characters that carry a valid birth date and ISO 7064 check digit, so that a
  long account or serial number does not pass.
A number inside a longer run of digits, or followed by a unit (元, 万, 人, 年 …), is none of
these. Full-width digits (０３５３－…) are read as ASCII.
"""

from __future__ import annotations

import re
from typing import NamedTuple

FULL_WIDTH = str.maketrans("０１２３４５６７８９（）－—＋＠．", "0123456789()--+@.")
NOT_BEFORE = r"(?<![0-9A-Za-z.,-])"  # a match starts a number, not its middle
NOT_AFTER = r"(?![.,]?\d)(?!\s*[元万亿个人次件户名项家所台辆年月日号%‰])"
SEP = r"[ -]?"
AREA = r"0(?:10|2\d|[3-9]\d{2})"
EXTENSION = r"(?:\s*(?:转|-|ext\.?\s*)\d{1,5})?"
LABEL = r"(?:电话|联系电话|办公电话|联系方式|传真|热线|Tel|TEL|Fax|FAX)\s*[:：]?\s*"
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"

RULES = [  # (kind, pattern); earlier rules win where matches overlap
    ("email", re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+"
                         r"(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])")),
    ("id_card", re.compile(NOT_BEFORE + r"[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])"
                           r"(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]" + NOT_AFTER)),
    ("mobile", re.compile(NOT_BEFORE + r"(?:(?:\+|00)?86[ -]?)?1[3-9]\d" + SEP + r"\d{4}" + SEP
                          + r"\d{4}" + NOT_AFTER)),
    ("hotline", re.compile(NOT_BEFORE + r"[48]00" + SEP + r"\d{3}" + SEP + r"\d{4}" + NOT_AFTER)),
    ("landline", re.compile(r"(?:\(" + AREA + r"\)\s*|" + NOT_BEFORE + AREA + r"(?:-|\s))"
                            r"\d{3,4}-?\d{4}" + EXTENSION + NOT_AFTER)),
    ("landline", re.compile(LABEL + r"((?:" + AREA + r")?\d{7,8})" + NOT_AFTER)),
]
LANDLINE_PARTS = re.compile(r"(?:" + LABEL + r")?\(?(?P<area>" + AREA + r")?\)?[\s-]*"
                            r"(?P<local>\d{3,4}-?\d{4})(?:\s*(?:转|-|ext\.?\s*)(?P<ext>\d{1,5}))?")


class Contact(NamedTuple):
    start: int  # offsets in the text given
    end: int
    kind: str  # mobile | landline | hotline | email | id_card
    value: str  # digits (and X) only for numbers, as written for e-mail


def find_contacts(text: str) -> list[Contact]:
    """Every contact detail in the text, in order of position."""
    ascii_text = text.translate(FULL_WIDTH)  # same length: offsets stay those of `text`
    taken: list[Contact] = []
    for kind, pattern in RULES:
        for match in pattern.finditer(ascii_text):
            start, end = match.span(match.lastindex or 0)
            if kind == "id_card" and not _valid_id(match.group()):
                continue
            if not any(start < c.end and c.start < end for c in taken):
                taken.append(Contact(start, end, kind, _value(kind, ascii_text[start:end])))
    return sorted(taken)


def _value(kind: str, written: str) -> str:
    """The number in one spelling: 0353-1234567(-123), 13812345678, 400-123-4567."""
    if kind == "email":
        return written
    if kind == "landline":
        parts = LANDLINE_PARTS.fullmatch(written)
        if parts:
            local = parts["local"].replace("-", "")
            return "-".join(p for p in (parts["area"], local, parts["ext"]) if p)
    digits = re.sub(r"[^\dXx]", "", written).upper()
    if kind == "mobile":
        return digits[-11:]
    if kind == "hotline":
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def _valid_id(number: str) -> bool:
    """The 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17].upper()
