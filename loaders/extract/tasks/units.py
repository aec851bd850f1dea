"""The bodies a list of units names, as responsibility clauses write them.

A list is cut as loaders.spans.agency cuts it (`市水利局、市住建局，各县（区）政府`); each piece
must be a body's name (by its suffix), or a place sharing the name of the list's last body
(`浉河区、平桥区人民政府`: 浉河区 + 人民政府), or `各` opening a list of kinds of body
(`各市、自治州人民政府`: one unit). A loose list (in a clause with a verb or a label) also takes
short pieces that read as no prose (`市河长制成员单位`). A unit is a span of the text, or the
spans of its pieces when it shares the last body's words.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.agency import agency_spans, is_agency
from loaders.spans.posts import is_person_name, title_length

Span = tuple[int, int]
Named = Span | tuple[Span, ...]  # a body's name, or its pieces when the list shares its last words

_LEX = lexicon()
_PROSE = re.compile(rf"{_LEX.chars('roles.prose_chars')}|[。:]")
# A piece of a clause with its verb outside brackets (`市经信委牵头`, not `省水利厅（牵头）`): no name.
_WITH_VERB = re.compile(rf"^[^()]*{_LEX.alternation('roles.verbs')}")
_EVERY = _LEX["roles.every"]
_PLACE_KINDS = _LEX["roles.place_kinds"]
# `浉河区、平桥区人民政府`: places of one kind listed before the body they all have
_SHARED_BODY = _LEX.alternation("roles.shared_bodies")
_PLACE_BODY = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?([{_PLACE_KINDS}])({_SHARED_BODY})")
_PERSON_ENDS = _LEX.words("roles.person_ends")
_LEADS = re.compile(f"{_LEX.alternation('roles.person_verbs')}$")
_PERSON_NOTE = re.compile(r"\(([^()]{2,12})\)\s*$")  # 市工业和信息化局（李四副市长）
_OTHER_NAME = re.compile(r"[(（]([^()（）]{2,16})[)）]\s*$")  # 市工业和信息化局（国资委）
_LOOSE_PIECE = 12  # a piece of a loose list longer than this is prose, not a name
_OPENERS, _CLOSERS = "(（〔【[", ")）〕】]"
_LIST_CUTS_OR_BRACKETS = re.compile(rf"[、,，;；:：{re.escape(_OPENERS + _CLOSERS)}]")
_LABEL_WORDS = set(_LEX.words("roles.labels"))


# 九重镇, 香花乡: a town's or township's name, two to four characters and its suffix.
_ACTING_PLACE = re.compile(rf"[\u4e00-\u9fff]{{2,4}}[{_LEX['places.town_suffixes']}]")


def strict_units(text: str, start: int, end: int) -> list[Named]:
    """The bodies of a list where every piece must be one (or share the last one's name)."""
    return unit_names(text, start, end, True) or []


def acting_places(text: str, start: int, end: int) -> list[Named]:
    """Towns and townships right before their verb after a lead (由王光玲牵头，九重镇落实): a place
    doing the work is its government. Every piece must be such a name."""
    spans = agency_spans(text, start, end)
    ok = spans and all(_ACTING_PLACE.fullmatch("".join(text[a:b].split())) for a, b in spans)
    return list(spans) if ok else []


def unit_names(text: str, start: int, end: int, strict: bool) -> list[Named] | None:
    """The bodies of the list text[start:end], or None when a piece is not a body's name (a
    list of people only names none: [])."""
    units: list[Named] = []
    people = False
    spans = agency_spans(text, start, end)
    for i, (a, b) in enumerate(spans):
        if (note := _PERSON_NOTE.search(text, a, b)) and note.start() > a and _is_person(note.group(1), False):
            b = note.start()  # 市工业和信息化局（李四副市长）: the person beside the unit is no part of it
        piece = text[a:b]
        if piece in _LABEL_WORDS:
            return None  # 责任单位为牵头单位: a document's rule about labels, no list of units
        if _LEADS.search(piece) and _is_person(piece, False) or _titled_name(piece):
            people = True  # 王五副省长督办: 督办 would end a body's name (办), but a leader does it;
            # 李丹常委: a name and a title ending like a body (委)
        elif is_agency(piece) or _with_other_name(piece):
            units.append((a, b))
        elif text.startswith(_EVERY, a) and i < len(spans) - 1 and is_agency(text[slice(*spans[-1])]):
            units.append((a, spans[-1][1]))  # 各市、自治州人民政府: every body of those kinds, one unit
            break
        elif shared := _shared_suffix(text, (a, b), spans[i + 1:]):
            units.append(((a, b), shared))
        elif _is_person(piece, by_shape=not strict):
            people = True  # 张三副市长牵头, 王军同志: a person beside the units, no unit
        elif not strict and len(piece) <= _LOOSE_PIECE and not _PROSE.search(piece) and not _WITH_VERB.match(piece):
            units.append((a, b))
        else:
            return None
    return units if units or people else None


def _titled_name(piece: str) -> bool:
    """A person's name with the title after it (李丹常委), whatever the title ends with."""
    piece = "".join(piece.split())
    size = title_length(piece)
    return 0 < size < len(piece) and is_person_name(piece[:-size])


def _with_other_name(piece: str) -> bool:
    """市工业和信息化局（国资委）, 县委办（县政府办）: a body with its other name (one office, two
    plates) in brackets after it, one unit as written."""
    other = _OTHER_NAME.search(piece)
    return bool(other) and other.start() > 0 and is_agency(piece[:other.start()]) and is_agency(other.group(1))


def _is_person(piece: str, by_shape: bool = True) -> bool:
    """A person, by a post title ending the piece (副市长, 分管领导), perhaps with what the person
    does for the task (王五副市长分管), or by a name's shape (in a list whose label or verb says
    it is one of units: in a bare list, 管理 would pass for a name)."""
    piece = _LEADS.sub("", "".join(piece.split()))
    return bool(piece) and (title_length(piece) > 0 or piece.endswith(_PERSON_ENDS)
                            or (by_shape and is_person_name(piece)))


def _shared_suffix(text: str, span: Span, later: list[Span]) -> Span | None:
    """The body's name a place of a list shares with the list's last item (浉河区 in
    `浉河区、平桥区人民政府` is 浉河区 + 人民政府): the span of the shared words, or None."""
    if not later or text[span[1] - 1] not in _PLACE_KINDS:
        return None
    last = _PLACE_BODY.fullmatch(text, *later[-1])
    return last.span(2) if last else None  # 翁源县、曲江区政府: a county and a district


def whole_end(text: str, start: int, end: int) -> int:
    """End of the whole pieces of a list the text's end cuts (`…城乡一体化示范区、高`, a stored
    page's excerpt): the piece the cut broke is left out, unless it names a body; a piece whose
    bracket the cut left open (`各市〔州〕、县〔市、区、特`) is broken however its inside reads."""
    cuts, depth = [], 0
    for m in _LIST_CUTS_OR_BRACKETS.finditer(text, start, end):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            cuts.append(m.start())
    if depth:
        return cuts[-1] if cuts else start
    if cuts and not is_agency(text[cuts[-1] + 1:end].strip()):
        return cuts[-1]
    return end
