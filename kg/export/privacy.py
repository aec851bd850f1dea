"""Personal contact details are withheld from exports unless the user asks for them.

Gazettes print telephone numbers, fax numbers and e-mail addresses of contact persons, and an
evidence sentence can carry them into the graph. Every string an export writes passes through
`Redactor`, which replaces the digits of anything that looks like a contact number with `*`
and e-mail addresses with `***@***`, and counts what it withheld.
"""

from __future__ import annotations

import re

_NUMBER = "|".join((
    r"(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}",     # mobile
    r"[(（]?0\d{2,3}[)）]?[-－—\s]?\d{7,8}(?:[-转]\d{1,6})?",  # landline with area code
    r"\d{17}[\dXx]",                                        # resident identity card number
))
_CONTACT = re.compile(
    # the characters a match can start with, tested first: half the time of trying every branch
    r"(?=[\dA-Za-z+(（._%\-电手传座联热])(?:"
    rf"(?<![0-9A-Za-z.])(?:{_NUMBER})(?![0-9A-Za-z%元万亿])"  # a whole number, not part of a hash
    r"|(?:电话|手机|传真|座机|联系方式|热线|[Tt]el|TEL|[Ff]ax|FAX)[：:\s]*[(（]?\d[\d\s\-－—()（）转]{5,}\d"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)
_DIGIT = re.compile(r"\d")
# what every pattern above needs (seven digits with at most one separator, a label or an @),
# tested first: most sentences have a year or a number in them, and no contact detail
_MAYBE = re.compile(r"(?=[\d@电手传座联热TtFf])(?:\d{4}[-\s]?\d{3}|@|电话|手机|传真|座机|联系方式|热线|[Tt][Ee][Ll]|[Ff][Aa][Xx])")


def _withhold(match: re.Match) -> str:
    text = match.group(0)
    return "***@***" if "@" in text else _DIGIT.sub("*", text)


class Redactor:
    """Withholds contact details from strings (unless `include` is set) and counts them."""

    def __init__(self, include: bool = False):
        self.include = include
        self.count = 0

    def __call__(self, text: str) -> str:
        if self.include or not _MAYBE.search(text) or not _CONTACT.search(text):
            return text
        text, n = _CONTACT.subn(_withhold, text)
        self.count += n
        return text
