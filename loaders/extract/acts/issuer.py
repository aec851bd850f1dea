"""The company an announcement speaks for, where its acts call it 公司.

A listed company's announcement names itself once — in its header (证券简称：国机汽车), in the
name it gives a short form (国机汽车股份有限公司（以下简称“公司”）), or, in a news report of it,
before its stock code (山煤国际(600546.SH)发布公告) — and then writes 公司, 本公司 or 公司第八届董事会
for it. A post of 公司 or of its boards (第六届董事会, 监事会: the board's chair is the company's), or
a company's post written without a body (副总经理), is the issuer's: the full name where the text
gives a short form to it, else the short name the header or a report gives, else a company
limited by shares the text names. The evidence keeps the sentence as written.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.records import PersonnelAct
from loaders.text.script import to_simplified

_LEX = lexicon()
_ALIASED = re.compile(_LEX["acts.issuer_alias_pattern"])
_NAMED = [re.compile(pattern) for pattern in _LEX.words("acts.issuer_name_patterns")]
_COMPANY = re.compile(_LEX["acts.issuer_company_pattern"])  # 一汽轿车股份有限公司董事会…收到: where nothing else names it
_POSTS = frozenset(_LEX.words("acts.issuer_posts"))
_SELF = re.compile(rf"(?:{_LEX.alternation('acts.issuer_self_words')})(?:{_LEX['acts.issuer_board_pattern']})?"
                   rf"|{_LEX['acts.issuer_board_pattern']}")


def issuer(text: str, before: int | None = None) -> str | None:
    """The company the text speaks for as 公司 at `before` (default: anywhere): the body it gives that
    short form, else the short name its header or a report of it writes before the stock code — the
    last one named before that point, or the first where none is (a report of several companies
    speaks for each in turn)."""
    return _named_at(_named(text), before)


def _named_at(named: list[tuple[int, str]], before: int | None) -> str | None:
    earlier = [name for at, name in named if before is None or at <= before]
    return (earlier[-1] if earlier and before is not None else named[0][1]) if named else None


def _named(text: str) -> list[tuple[int, str]]:
    aliased = [(m.start(), m["body"]) for m in _ALIASED.finditer(text) if _SELF.fullmatch(m["alias"])]
    if aliased:
        return aliased
    named = sorted((m.start(), m["name"]) for pattern in _NAMED for m in pattern.finditer(text))
    return named or [(m.start(), m["name"]) for m in _COMPANY.finditer(text)]


def name_issuer(acts: list[PersonnelAct], text: str, title: str = "") -> None:
    """Acts whose body is 公司 (or its board), or a company's post written without a body, get
    the issuer's name where the text names one, else where its title does (a report whose
    headline names the company: 中国石化(00386)公布…; the text is searched once, and only then)."""
    speaking = [act for act in acts if act.org and _SELF.fullmatch(to_simplified(act.org))
                or act.org is None and to_simplified(act.post) in _POSTS]
    named = (_named(text) or [(0, name) for _, name in _named(title)]) if speaking else []
    for act in speaking:
        at = text.find(act.person, act.evidence.start, act.evidence.end)  # the act's place in its sentence
        act.org = _named_at(named, at if at >= 0 else act.evidence.start) or act.org
