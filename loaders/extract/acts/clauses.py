"""Where a sentence's clauses part: the units loaders.extract.acts reads one by one.

Clauses part at commas outside brackets. A colon closes the clause before it and stays in it,
so that an introduction (`宣布主要领导任免决定：`) or a block word (`任命：`) is a clause of its
own; but not the colon of a roster (`新聘的15位馆员是：A、B…`), whose names are its act's. And one clause may hold two acts that the text did not part by a comma: a page's list set
on one line apart by spaces after a post (`王宪魁辞去黑龙江省省长职务 陆昊任代理省长`), and one
verb's people and posts apart by 、 after a post (`任命A为X副主席、B为Y厅长`: B is a person), and
people each taking a post apart by 、 (`陈华玉接领务局长、张国葆接国传司长`).
"""

from __future__ import annotations

import re

from loaders.extract.acts.wording import ROSTER_HEAD, TAKEN_ROSTER_HEAD, TAKES, W
from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, split_top, title_length

_LEX = lexicon()
_CJK = "\u4e00-\u9fff"
_POST_WORD = W["post_word"]
# A run of spaces inside a line; what ends a post before it (…职务); what starts an act after it:
# more than a word, and no post word or bracket that the post before would own.
_SPACES = re.compile(r"[ \t\u3000]+")
_NEWS_TAG = re.compile(r"\s*【[^【】\n]{1,16}】\s*")  # 【本报讯】, 【明报专讯】 before a report's first sentence
_POST_END = re.compile(rf"{_POST_WORD}$")
_TITLE_REACH = 12
_ACT_AFTER = re.compile(rf"(?!{_POST_WORD})[{_CJK}]{{2}}")
_TITLES_JOINED = re.compile(rf"》{_LEX.alternation('acts.title_joiners')}《")
_ALT_ADVERBS = _LEX.alternation("acts.next_act_adverbs")
_NEXT_VERB = re.compile(_LEX.alternation("acts.remove_words") + f"|{W['decide']}|{W['appoint']}")
_AS_WORDS = tuple(_LEX.words("acts.appoint_as_words"))  # 为, and 任 after 任命 (任命A任X、B任Y)
_NEXT_RESIGNING = re.compile(rf"(?P<name>[{_CJK}]{{2,4}}?){W['resign']}")
_APPOINTING = re.compile(_LEX.alternation("acts.appoint_words"))
_TAKING = re.compile(rf"\s*{_LEX.alternation('acts.taking_after_comma')}")
# 卫福部长，由前卫生署副署长陈时中接任: the post alone before a comma, the person who takes it after
# (担任 too: a body's post; a group's role so written stays the group reader's).
_TAKEN_BY = re.compile(rf"\s*{_LEX['acts.taken_by']}[^,，;；。{_LEX['acts.taken_by']}]{{2,24}}?"
                       rf"(?:{_LEX.alternation('acts.taken_by_verbs')}|{W['take_up']})$")
_ENDS_TAKEN = re.compile(rf"(?:{_LEX.alternation('acts.taken_by_verbs', 'acts.acting_words')})$")
_NEXT_TAKEN = re.compile(rf"[^、,，。;；{_LEX['acts.taken_by']}]{{2,30}}?{_LEX['acts.taken_by']}[^、,，。;；]{{2,24}}?"
                         rf"(?:{_LEX.alternation('acts.taken_by_verbs', 'acts.acting_words')})(?=[、,，。;；]|$)")
_CLOSING_QUOTES = "”」』\""
_POST_ALONE_REACH = 16  # the longest post a clause may hold alone
# …，本月底接替尤曾家丽任X: a clause of replacing, perhaps after when, whose subject closes the clause before.
_REPLACING = re.compile(rf"\s*[^,，。;；{_LEX['acts.taken_by']}]{{0,6}}?{_LEX['acts.replacing_word']}")
_FROM_DAY = _LEX["acts.from_day_end"]  # 由6月13日起: the day one starts
# X因工作原因，申请辞去Y职务: the reason closing the clause before, the resignation after the comma.
_ASKED_RESIGNING = re.compile(rf"\s*(?:(?:{_LEX['acts.resign_asked_of_pattern']})?(?:{_LEX.alternation('acts.resign_asked')})?{W['resign']}"
                              rf"|{_LEX.alternation('acts.no_longer_words')})")  # …因个人健康原因，不再担任Y职务
# X因工作不力，被免去Y职务: the reason closing the clause before, the passive act after the comma.
_PASSIVE_ACT = re.compile(rf"\s*{_LEX.alternation('acts.passive_words')}(?:{_LEX.alternation('acts.remove_words', 'acts.appoint_words')})")
_PASSIVE_REASON_END = re.compile(rf"{_LEX['acts.passive_reason_pattern']}$")
_REPORT_HANDED = re.compile(rf"\s*{_LEX['acts.resign_report_handed_pattern']}\s*")  # 向公司董事会递交了辞职报告
_REASON_END = re.compile(rf"(?:{_LEX['acts.resign_reason_pattern']}|{_LEX['acts.resign_report_handed_pattern']})\s*$")
# A joiner and the verb of another act after a post (X委员会主席和再度委任9名现任成员).
_JOINED_ACT = re.compile(rf"(?P<joiner>{_LEX.alternation('acts.title_joiners')})(?={_ALT_ADVERBS}?"
                         rf"(?:{_LEX.alternation('acts.appoint_words', 'acts.remove_words')}))")
# 驻德国代表陈华玉接领务局长、驻希腊代表张国葆接国传司长: each part a person taking a post.
_SERVING = (rf"(?:{_LEX.alternation('acts.serve_prefixes', 'acts.serve_promoted_prefixes')}){W['serve']}"
            rf"|{TAKES}")
_SERVES = re.compile(_SERVING)
# …处处长廖李可期，将于3月30日出任Y; …经贸办主任林雅雯，升任Y: a move, perhaps dated, whose subject closes the clause before.
_SERVING_AFTER = re.compile(rf"\s*(?:{_LEX['acts.serve_dated_pattern']}|{_LEX.alternation('acts.serve_adverbs')})?(?:{_SERVING})")
_NEXT_SERVING = re.compile(rf"[^、,，。;；]{{2,20}}?(?:{_SERVING})")
# A苏医生获委任为X总监、B医生获委任为Y总监: the next person made passive subject of the same favour.
_NEXT_PASSIVE = re.compile(rf"(?P<name>[{_CJK}]{{2,4}}?)(?:{_LEX.alternation('acts.courtesy_titles')})?"
                           rf"{_LEX.alternation('acts.passive_words')}(?:{_LEX.alternation('acts.passive_adverbs')})?"
                           rf"(?:{_LEX.alternation('acts.appoint_words', 'acts.passive_hire')})")
_NEXT_DESCRIBED = re.compile(rf"(?P<post>[^、,，。;；]{{2,24}}?)(?P<name>[{_CJK}]{{2,3}}){_LEX.alternation('acts.appoint_as_words')}")
_NEXT_PERSON = re.compile(rf"(?P<name>[{_CJK}]{{2,4}}?)(?:{W['honorific']})?{_LEX.alternation('acts.appoint_as_words')}")


def clause_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The clauses of the sentence text[a:b]: apart at commas outside brackets; a colon closes
    the clause before it and stays in it (`宣布…任免决定：`, `任命：`); and where one clause holds
    two acts (_cuts)."""
    clauses, roster = [], None
    if tag := _NEWS_TAG.match(text, a, b):  # 【本报讯】: the paper's tag opens the sentence, no clause's words
        a = tag.end()
    for start, end in _joined_at_taking(text, split_top(text, a, b, ",，:：—")):  # a dash: an aside
        if end < b and text[end] in ":：":
            end += 1
            if ROSTER_HEAD.search(text, start, end) or TAKEN_ROSTER_HEAD.search(text, start, end):
                roster = start
                continue
        if roster is not None:
            start, roster = roster, None
        for cut, after in _cuts(text, start, end):
            clauses.append((start, cut))
            start = after
        clauses.append((start, end))
    return clauses


def _joined_at_taking(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts with a comma between an appointment's people and the post they take joined
    again (再度委任A教授、B博士以及C博士，出任X委员): the verb and the post are one act's; and so
    are a post alone and the person taking it after a comma (科技部长，由教育部次长陈良基接任)."""
    joined: list[tuple[int, int]] = []
    for start, end in parts:
        if joined and text[joined[-1][1]:start].strip() in ",，" and (
                _TAKING.match(text, start, end) and _APPOINTING.search(text, *joined[-1])
                or _TAKEN_BY.match(text, start, end) and _post_alone(text, *joined[-1])
                or (_REPLACING.match(text, start, end) or _SERVING_AFTER.match(text, start, end))
                and _ends_subject(text, *joined[-1])
                or (_ASKED_RESIGNING.match(text, start, end) or _REPORT_HANDED.fullmatch(text, start, end))
                and _REASON_END.search(text, *joined[-1])
                or _PASSIVE_ACT.match(text, start, end) and _PASSIVE_REASON_END.search(text, *joined[-1])):
            start = joined.pop()[0]
        joined.append((start, end))
    return joined


def _ends_subject(text: str, start: int, end: int) -> bool:
    """Whether a clause closes with who a clause of replacing after it is about: a name (…常任秘书长
    杨立门，本月底接替A任X) or the day they start after it (陈汉仪由6月13日起，接替A出任X)."""
    end = len(text[start:end].rstrip()) + start
    return text.endswith(_FROM_DAY, start, end) or any(is_person_name(text[end - size:end]) for size in (2, 3))


def _post_alone(text: str, start: int, end: int) -> bool:
    """Whether a clause is a post and nothing else (卫福部长), so that what follows it says who takes it."""
    post = text[start:end].strip()
    return 0 < len(post) <= _POST_ALONE_REACH and title_length(post) > 0 and not is_person_name(post)


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where one clause holds two acts, each (end of the first, start of the next): spaces after
    a post before an act (`…省长职务 陆昊任代理省长`), 、 after a post before the next person
    and post of the same verb (`任命A为X副主席、B为Y厅长`), and the joint of two decisions'
    titles (`通过了《…辞去…的决定》和《…任命…的决定》`)."""
    cuts = []
    for m in _SPACES.finditer(text, start, end):
        if _ends_post(text, start, m.start()) and _ACT_AFTER.match(text, m.end(), end):
            cuts.append(m.span())
    for m in _TITLES_JOINED.finditer(text, start, end):  # 《…的决定》和《…的决定》: two decisions
        cuts.append((m.start() + 1, m.end() - 1))
    for m in _JOINED_ACT.finditer(text, start, end):  # …主席和再度委任9名现任成员: the next act's verb
        if _ends_post(text, start, m.start()):
            cuts.append(m.span("joiner"))
    at = text.find("、", start, end)
    while at >= 0:
        if (any(word in text[start:at] for word in _AS_WORDS) and _ends_post(text, start, at)
                and _next_person(text, start, at, end)):
            cuts.append((at, at + 1))
        elif _NEXT_VERB.match(text, at + 1, end) and _ends_post(text, start, at):
            cuts.append((at, at + 1))  # …为副省长、决定李炳军代理省长: another act's verb
        elif (m := _NEXT_RESIGNING.match(text, at + 1, end)) and _ends_post(text, start, at) \
                and is_person_name("".join(m["name"].split())):
            cuts.append((at, at + 1))  # 接受A辞去X职务、B辞去Y(职务)的请求: the next person's resignation
        elif _NEXT_SERVING.match(text, at + 1, end) and _took_one_post(text, start, at):
            cuts.append((at, at + 1))  # A接领务局长、B接国传司长: the next person taking a post
        elif (m := _NEXT_PASSIVE.match(text, at + 1, end)) and _ends_post(text, start, at) \
                and is_person_name(m["name"]):
            cuts.append((at, at + 1))  # A获委任为X总监、B医生获委任为Y总监: the next person's favour
        elif _ENDS_TAKEN.search(text, start, at) and _NEXT_TAKEN.match(text, at + 1, end):
            cuts.append((at, at + 1))  # X署长由A接任、Y署长由B接任: the next post and who takes it
        at = text.find("、", at + 1, end)
    return sorted(cuts)


def _next_person(text: str, start: int, at: int, end: int) -> bool:
    """Whether text[at + 1:end] opens with the next person of one verb's people and posts: a name
    before 为, or after a verb of appointing the post they held too (任命A为X、原政务副秘书长B为秘书长)."""
    if (m := _NEXT_PERSON.match(text, at + 1, end)) and is_person_name("".join(m["name"].split())):
        return True
    m = _APPOINTING.search(text, start, at) and _NEXT_DESCRIBED.match(text, at + 1, end)
    return bool(m and is_person_name(m["name"]) and title_length(m["post"]) > 0)


def _took_one_post(text: str, start: int, at: int) -> bool:
    """Whether text[start:at] closes with a person taking one post (陈华玉接领务局长): a verb of
    taking, then a post and no 、 (not 卢映霞出任中级法院法官、第一审法院院长姚颕珊法官, two people)."""
    taking = None
    for taking in _SERVES.finditer(text, start, at):
        pass
    return taking is not None and "、" not in text[taking.end():at] and _ends_post(text, start, at)


# 谭震林任市长(兼)、, 程荣为副市长(挂职,时间六个月)、: a short note in brackets after the post closes it still.
_NOTE_AT_END = re.compile(r"[(（][^()（）]{1,12}[)）]$")
_NOTE_REACH = 14  # the longest such note, its brackets included


def _ends_post(text: str, start: int, at: int) -> bool:
    before = _NOTE_AT_END.sub("", text[max(start, at - _TITLE_REACH - _NOTE_REACH):at])
    before = before[-_TITLE_REACH:].rstrip(_CLOSING_QUOTES)  # 为“政务委员”、
    return bool(_POST_END.search(before) or title_length(before))
