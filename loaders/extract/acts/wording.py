"""The wording of personnel acts (任免): the patterns that loaders.extract.acts reads.

Acts are written in a few shapes, in notices, decisions and 人大常委会 news reports alike:
- blocks: `任命：` (`任命下列同志：`) then lines `张三为Y；`, `免去：` then lines `李四的Y职务；`
  (in a 任免 notice the lines may stand without the block word);
- inline: `决定任命张三为Y`, `免去李四的Y职务`, `免去李四现任Y职务`, `张三任Y`, `张三同志兼任Y`,
  `张三代理Y`, `决定张三副省长为代理省长`, `张三不再担任Y职务`, `接受王五（因…）辞去Y职务的请求`,
  `试用期满…正式任用`, `取消张三同志试任的Y职务`, `张三经中央批准担任Y`;
- the passive of news: `张三被任命为Y`, `李四被免去Y职务`, `A、B、C3人被聘任为Y`;
- one act may name several people (`张三、李四为Y`) and several posts (`主任、党组书记`), one
  clause several acts (`任命A为X、B为Y`; a page's line `…省长职务 B任代理省长`), and one 免去
  several people's posts (`免去A的X职务、B的Y职务`);
- a clause without a name after an act of the same sentence is that person's
  (`张三同志任X，不再担任Y职务`, `…，免去Y职务`, `…，代理Y职务`, `…，Z管委会主任`).
What is no act stays out by the words around the verb: 拟任命, 提请任命 (proposals), 现任, 历任,
曾任, 调任 (a biography), 当选 (an election).
The grammar is here, in one place; its words are in ontology/lexicon/acts.yaml. Each form
names the rule it is (`acts/form:免去…的…职务`), spelled with the words it matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import alternation, lexicon
from loaders.spans.posts import PERSON_NOTE
from loaders.view import DocumentView

APPOINT, REMOVE = "appointment", "removal"
_LEX = lexicon()
W = {name: _LEX[f"acts.{name}"] for name in (
    "appoint", "hire", "remove", "resign", "accept", "no_longer", "concurrent", "concurrent_note",
    "acting", "serve", "leave", "resign_post", "confirm", "confirmed", "probation_over", "probation_note", "as_word",
    "of_word", "head_word",
    "post_word",
    "pronoun", "honorific", "as_follows", "nationality_suffix", "name_joiners", "passive", "passive_reason",
    "decide", "cancel", "cancel_trial", "take_up", "consider", "request")}
_CJK = "\u4e00-\u9fff"
_ALT = _LEX.alternation
_NAME_CHARS = f"[{_CJK}{re.escape(W['name_joiners'])}、]"
# A note on sex or nationality may follow a name (`马国林（回族）任…`, `杨淑芳（女）任…`).
_PERSON_NOTE = rf"(?:{PERSON_NOTE})?"
# A quoted word in a phrase before the names (在“两推一述”活动中脱颖而出的A、B: the names after 的).
_QUOTED_WORD = "“[^”\n]{1,12}”"
# Names, perhaps spaced by the layout (`马　骁`): one space may stand between characters, or
# a line break where a PDF's line ends inside a name (`任命孙丽` / `华为…`); a name of a list may
# carry its note (蒋作君（兼职）、李惠东（兼职，回族）、…).
_NAMES = (rf"(?P<names>{W['pronoun']}|{_NAME_CHARS}(?:{_NAME_CHARS}|{PERSON_NOTE}(?=、)|{_QUOTED_WORD}| {{1,3}}(?! )|\n(?!\n)){{1,159}}?)"
          rf"{_PERSON_NOTE}(?:{_LEX['acts.names_count_pattern']})?(?:{W['honorific']})?")
# 黄友嘉接替雷添良出任教统会主席: whom the person succeeds, between the name and the verb (the act's note).
_REPLACING = rf"(?P<replacing>{_ALT('acts.replacing_words')}[^,，。;；:：]{{2,24}}?)??"
# 接掌, 升至, or 接, 调, 升 alone (陈华玉接领务局长; not 接棒, 接受): a verb of taking a post without 任.
TAKES = (rf"(?:{_ALT('acts.serve_takes')}|"
         + "|".join(f"{re.escape(verb)}(?!{alternation(others)})" for verb, others in _LEX.table("acts.serve_take_bare").items())
         + ")")
_LEAD = (rf"^(?:{_LEX['acts.clause_when_pattern']})?(?:{_LEX['acts.clause_announcer_pattern']})?{_ALT('acts.clause_openers')}?"
         rf"(?:{_LEX['acts.clause_age_pattern']})?"
         rf"{_ALT('acts.clause_decided')}?{_ALT('acts.clause_by')}?")
_COLON = "[:：]?"
# 正式任用为Y, 正式任Y; not 正式任命 alone (…通过正式任命: a headline's word, no act of its own)
_CONFIRM = (f"{W['confirm']}(?:{_ALT('acts.confirm_tails')}|(?!" + alternation(
    [w[1:] for w in _LEX.words("acts.serve_not_before")]) + "))")
def _not_in_words(word: str, words: tuple[str, ...]) -> str:
    """`word` where it is no part of `words` (任 not in 责任, 任务): look-behinds and -aheads."""
    behind = [w[:w.index(word)] for w in words if not w.startswith(word)]
    ahead = [w[len(word):] for w in words if w.startswith(word)]
    return ("".join(f"(?<!{re.escape(b)})" for b in behind) + re.escape(word)
            + (f"(?!{alternation(ahead)})" if ahead else ""))


# 任 as a verb of its own: not the first character of 任命, 任职, 任务 …, nor the last of 现任, 历任 …
_DONE = _LEX["acts.perfective"]  # 接任了X: the verb's perfective
_SERVE = _not_in_words(W["serve"], _LEX.words("acts.serve_not_before", "acts.serve_not_after"))
_AS, _OF, _POST_WORD = W["as_word"], W["of_word"], W["post_word"]
# What closes a post in a removal: 职务, 一职, and 资格 of a membership.
_POST_WORDS = f"(?:{_ALT('acts.post_words')}|{_LEX['acts.membership_word_pattern']})"
# 为 before its post, not closing a given name: a name ending in 为 is followed by the next name
# or by 为 itself (任命姜有为、李晋修为Y, 任命张大为为Y).
_EACH = rf"(?:{_ALT('acts.roster_each')})?"  # 任命A、B分别为X、Y: each person the post of the same place
# … nor by a joiner and the next name's 为 (任命张大为和李晋修为Y); a post may open with a joiner's character (和平区)
_NOT_NAME_END = rf"(?![、{_AS}]|{_ALT('acts.name_list_joiners')}[^{_AS},，。;；]{{1,4}}{_AS})"
_AS_POST = rf"{_EACH}{_AS}{_NOT_NAME_END}"
# A decision passed under its title (表决通过了《…关于决定任命X为Y的决定》, or without the marks: 通过了任命X为Y的
# 决定): the title's end closes the posts.
_TITLE_TAIL = rf"(?:{_OF}{_ALT('acts.decision_titles')}(?:》.*)?)?$"
# 任命X为Y, and 任命X任Y (决定任命李胜平任市发展和改革委员会主任、张建平任市民政局局长); a comma may
# stand before 出任 (委任A、B以及C，出任X委员: loaders.extract.acts.clauses keeps it in the clause).
_APPOINTED_AS = rf"(?:[,，](?={_ALT('acts.taking_after_comma')}))?{_EACH}{_ALT('acts.appoint_as_words')}{_NOT_NAME_END}"
# 拟任命, 提请任命, 被免去: a verb after these states no act of its own.
_NOT_PROPOSED = "".join(f"(?<!{re.escape(w)})" for w in _LEX.words("acts.proposal_before"))
# 免去X现任Y职务: what stands between the person and the post they leave.
_HELD = rf"(?:{_ALT('acts.held_words')}(?:{W['of_word']})?)?"
_AGAIN = f"(?:{_ALT('acts.passive_adverbs')})?"  # 夏佳理再度获委任为, 获再度委任为: the passive's adverb
# The persons of a passive, right before 被, after a word opening the clause (而A、B获委任为): any
# run of names, trimmed to its names where the act is read (不满46岁的陆昊, 原副市长王晓玲), and
# perhaps counted (A、B、C3人); not right after a number (10月又被任命为: a date's).
_PASSIVE_NAMES = (rf"(?:^{_ALT('acts.clause_openers')})?"
                  rf"(?<![0-9])(?P<names>{_NAME_CHARS}{{2,40}}?){_PERSON_NOTE}(?:{_LEX['acts.names_count_pattern']})?"
                  rf"(?:{W['honorific']})?(?:{_LEX['acts.passive_reason_pattern']}|{W['passive_reason']})?{_AGAIN}"
                  rf"{_ALT('acts.passive_words')}{_AGAIN}")
# The persons a letter of appointment is handed to (为A、B…22位新聘馆员颁发聘书): a list as long as a
# ceremony's, right after 为/向, closed by their count or by 新聘 before the post.
_NEWLY = _ALT("acts.newly_hired")
_LETTER_NAMES = (rf"{_ALT('acts.letter_to')}{_NEWLY}?(?P<names>{_NAME_CHARS}{{1,400}}?[{_CJK}]){_PERSON_NOTE}"
                 rf"(?:{_LEX['acts.names_count_pattern']}(?:{W['honorific']})?{_NEWLY}?|(?:{W['honorific']})?{_NEWLY})")
# The roster of the newly hired (新聘的15位省文史研究馆馆员是：A、B、刘宏(女)…): count and post, then
# the names after a colon, each perhaps with its note.
ROSTER_HEAD = re.compile(rf"{_NEWLY}(?:{_LEX['acts.names_count_pattern']})(?P<posts>[^,，、;；:：\d]{{2,30}}?)"
                         rf"{_ALT('acts.roster_verbs')}[:：]")
_ROSTER = rf"{ROSTER_HEAD.pattern}(?P<names>(?:{_NAME_CHARS}|{PERSON_NOTE}){{2,400}}?)[。;；]?$"
# … or the post taken first, then the people's count (出任行政会委员的11人分别是：A(女)、B…).
TAKEN_ROSTER_HEAD = re.compile(rf"{_ALT('acts.roster_take_words')}(?P<posts>[^,，、;；:：\d]{{2,30}}?){W['of_word']}"
                               rf"(?:{_LEX['acts.names_count_pattern']})(?:{_ALT('acts.roster_each')})?"
                               rf"{_ALT('acts.roster_verbs')}[:：]")
_TAKEN_ROSTER = rf"{TAKEN_ROSTER_HEAD.pattern}(?P<names>(?:{_NAME_CHARS}|{PERSON_NOTE}){{2,400}}?)[。;；]?$"
_RESIGN_REASON = rf"(?:{_LEX['acts.resign_reason_pattern']})?"
_REASON_COMMA = rf"(?:{_LEX['acts.resign_reason_pattern']}[,，]?)?"  # X因工作调整，辞去…: the reason, its comma joined
# …提出(的)辞去…: the asking, only where the body accepts it (接受X提出的辞去Y职务的请求); alone it is a request.
_RESIGN_ASKED = rf"(?:{_ALT('acts.resign_asked')})?"
_NOT_ASKED = "".join(f"(?<!{re.escape(w)})" for w in _LEX.words("acts.resign_asked"))
_TRIAL = _ALT("acts.trial_words")


@dataclass(frozen=True)
class Form:
    """One way of writing an act: its pattern, the word it cannot match without (a clause
    lacking it skips the regex), its kind and act, and whether it frames its names as
    persons (任命X为, 免去X的) or takes only names with a known surname or 同志 (X任Y)."""

    rule: str
    pattern: re.Pattern
    word: str
    kind: str
    act: str
    strong: bool
    then: str = ""  # a word the rest of the paragraph must hold for the act to stand (接受)
    also: tuple[str, ...] = ()  # other words the clause may hold instead of `word` (免除 for 免去)
    body_nearby: bool = False  # the post's body is written with the post elsewhere in the paragraph
    holding: bool = False  # tells who holds a post (…由X担任): an act only for a body's post, not after 此前
    given: tuple[str, ...] = ()  # words one of which the text before must hold for the act to stand (辞职报告)

    def words_in(self, clause: str) -> bool:
        """Whether the clause holds the form's word, so that its pattern is worth trying."""
        return self.word in clause or any(word in clause for word in self.also)


def _form(kind: str, act: str, strong: bool, word: str, shape: str, pattern: str, then: str = "",
          body_nearby: bool = False, holding: bool = False, given: tuple[str, ...] = ()) -> Form:
    synonyms = {W["remove"]: ("acts.remove_words",), W["appoint"]: ("acts.appoint_words",),
                W["hire"]: ("acts.hire_words",), W["acting"]: ("acts.acting_words",),
                W["passive"]: ("acts.passive_words",), W["serve"]: ("acts.serve_takes", "acts.serve_take_bare"),
                W["no_longer"]: ("acts.no_longer_words",)}.get(word, ())
    also = tuple(w for w in _LEX.words(*synonyms) if w != word)
    return Form(f"acts/form:{shape}", re.compile(pattern, re.S), word, kind, act, strong, then, also, body_nearby,
                holding, given)


_ACCEPT, _RESIGN, _NO_LONGER, _REMOVE = W["accept"], W["resign"], W["no_longer"], W["remove"]
_TAKEN_BY = f"{_ALT('acts.taken_by_adverbs')}?{_LEX['acts.taken_by']}"  # 由, 则由, 改由
# The verb closing a clause of who takes a post left (…，由X接任, …，由X暂代), perhaps before the day it
# takes effect (…升任并自108年9月10日生效): loaders.extract.acts.successor and .titled read such clauses.
TAKING_VERB = (rf"(?P<verb>{_ALT('acts.taken_by_verbs', 'acts.acting_words')})"
               rf"(?=[,，;；。\n]|$|{_LEX['acts.takes_effect_pattern']})")
_ACTING_VERB = re.compile(_ALT("acts.acting_words"))


def taking_act(verb: str) -> str:
    """The act of a verb of taking a post: 代理 for one of acting (暂代), else 任命."""
    return W["acting"] if _ACTING_VERB.fullmatch(verb) else W["appoint"]


def _taken_by(verbs: str) -> str:
    """The post first, perhaps a comma, then 由 and the described person who takes it by `verbs`."""
    by = _LEX["acts.taken_by"]
    approved = rf"(?:[^,，{by}]{{0,10}}?{_ALT('acts.taken_by_approvals')})?"  # 行政院已核定X由…: who approved it
    return (rf"{_LEAD}{approved}(?P<posts>[^,，{by}]{{2,30}}?)(?:{_POST_WORDS})?[,，]?{_TAKEN_BY}"
            rf"(?P<described>[^,，;；。{by}]{{2,24}}?){_ALT('acts.acting_adverbs')}?{verbs}$")  # 暂时代任: for now
# 陈忠岳由中国联通董事长调任为Y: the post left, between the person and a verb of moving (升任, 调任, 转任;
# not 由X接任, whose 由 names the taker).
_MOVED = alternation(tuple(f"{p}{W['serve']}" for p in _LEX.words("acts.moved_prefixes")))
_MOVED_FROM = rf"(?:{_LEX['acts.taken_by']}[^,，。;；{_LEX['acts.taken_by']}]{{2,24}}?(?={_MOVED}))?"
_NO_LONGERS = _ALT("acts.no_longer_words")  # 不再担任, 不再兼任
_REMOVES = _ALT("acts.remove_words")  # 免去, and the rarer 免除 (免除X同志Y一职)
_HIRE, _APPOINT, _CONCURRENT, _ACTING = W["hire"], W["appoint"], W["concurrent"], W["acting"]
# 任命, and 委任 (行政长官委任X为Y), not the 委任 of 地委任命 (a committee's 委, then 任命), nor a noun's (委任方式)
_NOUN_TAIL = _ALT("acts.appoint_noun_tails")
_APPOINTS = "(?:" + "|".join(f"{w}(?!{_NOUN_TAIL})" if w == _APPOINT else f"{w}(?!{_APPOINT[1:]}|{_NOUN_TAIL})"
                             for w in _LEX.words("acts.appoint_words")) + ")"
# The first form that matches a clause decides it: (kind, act, strong, the word it needs),
# the form as its rule shows it, and its pattern.
FORMS = [
    _form(APPOINT, _APPOINT, True, W["passive"], f"…{W['passive']}{_APPOINT}{_AS}…",
          rf"{_PASSIVE_NAMES}{_APPOINTS}{_AS_POST}(?P<posts>.+)"),
    _form(APPOINT, _HIRE, True, W["passive"], f"…{W['passive']}{_HIRE}{_AS}…",
          rf"{_PASSIVE_NAMES}{_ALT('acts.passive_hire')}{_AS_POST}(?P<posts>.+)"),
    _form(REMOVE, _REMOVE, True, W["passive"], f"…{W['passive']}{_REMOVE}…{_POST_WORD}",
          rf"{_PASSIVE_NAMES}(?:{_REMOVES}|{_ALT('acts.passive_remove_short')}(?=.+{_POST_WORD}$))(?P<posts>.+?)(?:{_POST_WORDS}|$)"),
    _form(REMOVE, _RESIGN, True, _RESIGN, f"{_ACCEPT}…{_RESIGN}…{_POST_WORD}",
          rf"(?:{_ALT('acts.accept_words')})+(?:{_LEX['acts.perfective']})?{_NAMES}{_RESIGN_REASON}{_RESIGN_ASKED}{_RESIGN}"
          rf"(?P<posts>.+?)(?:{_POST_WORDS}|(?={_OF}{W['request']})|$)"),
    # 审议了X辞去Y职务的请求，并…通过了关于接受…辞职请求的决定: a request the body considered,
    # an act where the paragraph goes on to accept it (alone it is a request).
    _form(REMOVE, _RESIGN, True, _RESIGN, f"{W['consider']}…{_RESIGN}…{_POST_WORD}{W['request']}",
          rf"{W['consider']}{_LEX['acts.perfective']}?{_NAMES}{_ALT('acts.request_about')}?{_RESIGN_ASKED}{_RESIGN}(?P<posts>.+?){_POST_WORDS}"
          rf"{_OF}?{W['request']}", then=_ACCEPT),
    _form(REMOVE, _RESIGN, False, _RESIGN, f"…{_RESIGN}…{_POST_WORD}",
          rf"{_LEAD}{_NAMES}{_REASON_COMMA}(?:{_ALT('acts.resign_decided')})?{_NOT_ASKED}{_RESIGN}"
          rf"(?P<posts>.+?){_POST_WORDS}"),  # X因工作调整，辞去Y职务: the reason's comma (loaders.extract.acts.clauses joins it)
    # 董事会收到X的辞职报告。X因工作原因申请辞去Y职务: a resignation asked for where the text tells it was
    # handed in (a listed company's announcement: it stands once delivered).
    _form(REMOVE, _RESIGN, False, _RESIGN, f"…{_LEX.words('acts.resign_asked')[-1]}{_RESIGN}…{_POST_WORD}",
          rf"{_LEAD}{_NAMES}{_RESIGN_REASON}[,，]?(?:{_LEX['acts.resign_report_handed_pattern']}[,，](?:{_ALT('acts.resign_asked')})?"
          rf"|(?:{_LEX['acts.resign_report_handed_pattern']}[,，])?(?:{_LEX['acts.resign_asked_of_pattern']})?{_ALT('acts.resign_asked')})"
          rf"{_RESIGN}(?P<posts>.+?)(?:{_POST_WORDS}|$)",
          given=tuple(_LEX.words("acts.resignation_reports"))),
    _form(REMOVE, _RESIGN, False, _LEX["acts.received"], f"{_LEX['acts.received']}…{_OF}{_LEX.words('acts.received_reports')[0]}",
          rf"{_LEX['acts.received']}(?P<who>(?:(?!{_ALT('acts.received_not_between')})[^,，。;；{_OF}\d]){{3,40}}?)"
          rf"(?:{_ALT('acts.courtesy_titles')})?{_LEX['acts.received_before_report_pattern']}{_ALT('acts.received_reports')}"),
    _form(REMOVE, _NO_LONGER, False, _NO_LONGER, f"…{_NO_LONGER}…{_POST_WORD}",
          rf"{_LEAD}{_NAMES}{_REASON_COMMA}{_NO_LONGERS}(?P<posts>.+?)(?:{_POST_WORDS}|$)"),
    # 王志民卸任X: a news report's removal; not 卸任不久即出任Y, a move the clause tells after
    _form(REMOVE, W["leave"], False, W["leave"], f"…{W['leave']}…",
          rf"{_LEAD}{_NAMES}{W['leave']}(?P<posts>(?:(?!{_ALT('acts.taken_by_verbs')}).)+?)(?:{_POST_WORDS}|$)"),
    # 吴卫鸣辞任文化遗产委员会委员: Hong Kong's and Macau's word for resigning a post, the act of 辞去
    _form(REMOVE, _RESIGN, False, W["resign_post"], f"…{W['resign_post']}…",
          rf"{_LEAD}{_NAMES}{_REASON_COMMA}(?:{_ALT('acts.resign_adverbs')})?"
          rf"(?:{_ALT('acts.resign_asked')})?{W['resign_post']}"
          rf"(?P<posts>(?:(?!{_ALT('acts.taken_by_verbs')}).)+?)(?:{_POST_WORDS}|$)"),
    # 王明辉免去云南白药控股有限公司总裁职务: a notice's line, the person before the verb (not 国务院免去X的Y职务)
    _form(REMOVE, _REMOVE, False, _REMOVE, f"…{_REMOVE}…{_POST_WORD}",
          rf"{_LEAD}{_NAMES}{_REMOVES}(?![^,，。;；{_OF}]{{2,4}}?{_OF})(?P<posts>[^{_OF}]+?){_POST_WORDS}"),
    _form(REMOVE, _REMOVE, True, _REMOVE, f"{_REMOVE}…{_OF}…{_POST_WORD}",
          rf"{_NOT_PROPOSED}{_REMOVES}{_COLON}{_NAMES}{_HELD}{_OF}(?P<posts>.+?)(?:{_POST_WORDS}|$)"),
    _form(REMOVE, _REMOVE, False, _REMOVE, f"{_REMOVE}…{_POST_WORD}",
          rf"{_NOT_PROPOSED}{_REMOVES}{_DONE}?{_COLON}(?P<who>[^{_OF}]+?(?:{_OF}[^{_OF}]+?)?){_OF}?{_POST_WORDS}"),  # …副市长的职务; 免去了X
    _form(REMOVE, W["cancel_trial"], True, W["cancel"], f"{W['cancel']}…{_LEX.words('acts.trial_words')[0]}…",
          rf"{W['cancel']}(?P<who>.+?)(?:{_POST_WORDS})?(?:{_OF}?{_TRIAL}(?:{_ALT('acts.trial_tails')})?)?$"),
    _form(APPOINT, _HIRE, True, _LEX.words("acts.letters")[0][0], f"{_LEX.words('acts.letter_to')[0]}…"
          f"{_LEX.words('acts.hand_over')[1]}{_LEX.words('acts.letters')[0]}",
          rf"{_LETTER_NAMES}(?P<posts>[^,，、;；\d]{{1,30}}?)"
          rf"{_ALT('acts.hand_over')}{_ALT('acts.letters')}", body_nearby=True),
    # 向新聘省政府参事A和省文史馆馆员B、C颁发聘书: each post before its people, the groups joined by 和
    _form(APPOINT, _HIRE, True, _LEX.words("acts.letters")[0][0], f"{_LEX.words('acts.letter_to')[1]}"
          f"{_LEX.words('acts.newly_hired')[3]}…{_LEX.words('acts.hand_over')[1]}{_LEX.words('acts.letters')[0]}",
          rf"{_ALT('acts.letter_to')}{_NEWLY}(?P<entries>[^,，;；。]{{4,300}}?){_ALT('acts.hand_over')}{_ALT('acts.letters')}",
          body_nearby=True),
    _form(APPOINT, _HIRE, True, _LEX.words("acts.newly_hired")[-1][0], f"{_LEX.words('acts.newly_hired')[2]}…"
          f"{_LEX.words('acts.roster_verbs')[0]}:…", _ROSTER, body_nearby=True),
    _form(APPOINT, _APPOINT, True, _LEX.words("acts.roster_take_words")[0], f"{_LEX.words('acts.roster_take_words')[0]}…"
          f"{W['of_word']}…{_LEX.words('acts.roster_verbs')[0]}:…", _TAKEN_ROSTER),
    _form(APPOINT, _HIRE, True, _HIRE, f"{_HIRE}…{_AS}…",
          rf"{_NOT_PROPOSED}{_ALT('acts.hire_words')}{_COLON}{_NAMES}{_APPOINTED_AS}(?P<posts>.+)"),  # 聘任X同志任Y too
    _form(APPOINT, _APPOINT, True, _APPOINT, f"{_APPOINT}…{_AS}…",
          rf"{_NOT_PROPOSED}{_APPOINTS}{_COLON}{_NAMES}{_REPLACING}{_APPOINTED_AS}(?P<posts>.+?){_TITLE_TAIL}"),
    _form(APPOINT, _APPOINT, True, W["decide"], f"{W['decide']}…{_AS}…",
          rf"^{_ALT('acts.clause_openers')}?{W['decide']}(?!{_APPOINTS}|{_ALT('acts.hire_words')}){_NAMES}{_AS_POST}(?P<posts>.+)"),
    _form(APPOINT, W["confirmed"], True, W["confirm"], f"…{W['confirm']}…",
          rf"{_LEAD}{_NAMES}(?:{W['probation_over']})?{_CONFIRM}(?P<posts>.+)"),
    _form(APPOINT, _CONCURRENT, False, _CONCURRENT, f"…{_CONCURRENT}…",
          rf"{_LEAD}{_NAMES}{_CONCURRENT}(?P<posts>.+?)(?:{_POST_WORDS})?$"),
    # 通过了《…关于朱德才同志代理吉安市人民检察院检察长职务的决定》: a decision's title holding the act
    _form(APPOINT, _ACTING, True, _ACTING, f"{_LEX.words('acts.request_about')[0]}…{_ACTING}…{_POST_WORD}{_OF}"
          f"{_LEX.words('acts.decision_titles')[0]}",
          rf"{_ALT('acts.request_about')}{_NAMES}{_ACTING}(?P<posts>[^《》]+?){_POST_WORDS}{_OF}{_ALT('acts.decision_titles')}"),
    _form(APPOINT, _ACTING, False, _ACTING, f"…{_ACTING}…",
          rf"{_LEAD}{_NAMES}(?:{_SERVE})?{_ALT('acts.acting_adverbs')}?{_ALT('acts.acting_words')}(?P<posts>.+?)(?:{_POST_WORDS})?$"),
    _form(APPOINT, _APPOINT, False, W["take_up"], f"…{_LEX.words('acts.approval_by')[0]}…{W['take_up']}…",
          rf"{_LEAD}{_NAMES}{_ALT('acts.approval_by')}[^,，]{{1,12}}?{_ALT('acts.approval_verbs')}"
          rf"{W['take_up']}(?P<posts>.+?)(?:{_POST_WORDS})?$"),
    # 交通处长由建设处长吕奖慧调任, 主委一职由陈博洲接任: the post first, then 由 and the person (perhaps
    # with the post left and an age: 由39岁左营高中校长吴立森接任, or any description: 由资深大律师林定国接任)
    # who takes it, perhaps after a comma (科技部长，由教育部次长陈良基接任: the clauses joined).
    _form(APPOINT, _APPOINT, False, _LEX["acts.taken_by"], f"…{_LEX['acts.taken_by']}…{_LEX.words('acts.taken_by_verbs')[0]}",
          _taken_by(_ALT("acts.taken_by_verbs"))),
    # 运输及物流局局长由…林世雄担任: 担任 too, where the post is a body's; not a group's roles (组长由副市长X担任,
    # 副主任由A、B同志担任: the groups' reader gives them) nor a bare title, nor who held it before (此前，…).
    _form(APPOINT, _APPOINT, False, _LEX["acts.taken_by"], f"…{_LEX['acts.taken_by']}…{W['take_up']}",
          _taken_by(W["take_up"]), holding=True),
    # 原住民族行政处处长由副处长林婷玉代理: the post held for the time being.
    _form(APPOINT, _ACTING, False, _LEX["acts.taken_by"], f"…{_LEX['acts.taken_by']}…{_ACTING}",
          _taken_by(_ALT("acts.acting_words"))),
    _form(APPOINT, _APPOINT, False, W["serve"], f"…{W['serve']}…",
          rf"{_LEAD}{_NAMES}[,，]?(?:{_ALT('acts.serve_adverbs')}|{_LEX['acts.serve_dated_pattern']})?{_REPLACING}{_MOVED_FROM}"
          rf"(?:{_ALT('acts.passive_words')}?(?:{_ALT('acts.serve_prefixes')}"
          rf"|(?P<promoted>{_ALT('acts.serve_promoted_prefixes')})){W['serve']}{_AS}?|{_SERVE}|{TAKES}"
          rf"|(?(replacing){_ALT('acts.replacing_takes')}|(?!))){_DONE}?"
          rf"(?P<posts>.+?)(?:{_POST_WORDS}|{_LEX['acts.rank_raised_pattern']})?$"),
    # 郭建全同志担任保利集团副总会计师: a decision's wording, 同志 framing the name (a biography's
    # 担任 has none: 曾担任, 先后担任)
    _form(APPOINT, _APPOINT, True, W["take_up"], f"…{W['honorific']}{W['take_up']}…",
          rf"{_LEAD}(?P<names>{_NAME_CHARS}{{2,6}}?){W['honorific']}{_ALT('acts.take_up_adverbs')}?{W['take_up']}"
          rf"(?P<posts>.+?)(?:{_POST_WORDS})?$"),
]
# Block words (`任命：`, `免去：`, `聘任：`, `解聘：`, the colon may be lost; `任职：`, `免职：`
# only with it), perhaps with 如下, and the act their lines record.
BLOCK_ACTS = {**_LEX.table("acts.block_words"), **_LEX.table("acts.colon_block_words")}
# 任命了X主要官员 names no one: the perfective and the collective frame it (not 任命A为X组成人员, a
# person and a post, nor 免去A市财政局组成人员职务)
_FOLLOWING = (rf"(?:{_ALT('acts.block_objects')}|{_LEX['acts.perfective']}[^,，。:：、{_AS}]{{0,24}}?"
              rf"{_ALT('acts.block_collectives')}(?:[和及][^,，。:：]{{1,8}})?)?(?:{_POST_WORDS})?(?:{W['as_follows']})?")
BLOCK = re.compile(rf"(?:(?P<verb>{_ALT('acts.block_words')}){_FOLLOWING}{_COLON}"
                   rf"|(?P<other>{_ALT('acts.colon_block_words')}){_FOLLOWING}[:：])$")
# 会议决定，…，A为X主任，B为Y主任。: a decision alone in its clause frames the clauses of its sentence
# that give a person a post without a verb (a clause between that states none leaves it open).
DECIDED_ALONE = re.compile(rf"{_ALT('acts.clause_openers')}?{W['decide']}[:：]?")
REMOVAL_ACTS = frozenset(_LEX.words("acts.removal_acts"))
DEFAULT_ACTS = {APPOINT: W["appoint"], REMOVE: W["remove"]}
# The lines of a block, or of a 任免 notice, without a verb: `张三为Y`, `李四的Y职务`.
BARE_LINE = {APPOINT: re.compile(rf"^{_NAMES}{_AS_POST}(?!{W['serve']})(?P<posts>.+)$", re.S),  # not 姜有为任Y
             REMOVE: re.compile(rf"^{_NAMES}{_OF}(?P<posts>.+?){_POST_WORDS}", re.S)}
# The next person of one 免去 after a 、 (免去A同志X职务、B同志Y职务): 同志 frames the name, the post follows.
NEXT_REMOVAL = re.compile(rf"^(?P<names>{_NAME_CHARS}{{2,6}}?){W['honorific']}{_HELD}(?P<posts>[^{_OF}]+?){_POST_WORDS}", re.S)
BARE_LINE_SHAPES = {APPOINT: f"…{_AS}…", REMOVE: f"…{_OF}…{_POST_WORD}"}
# Under a block word, a name alone on its line and the post on the next (人大常委会 名单:
# `决定任命` / `郭振中` / `洛阳市发展和改革委员会主任`); a removal's post may end in 职务.
NAME_ABOVE = re.compile(rf"^{_NAMES}[ \t]*\n[ \t]*(?P<posts>[^\n]+?)(?:{_POST_WORDS})?$")
# … or a name and its post on one line, apart by spaces (`任命` / `张三　宁远市财政局局长`): the post
# holds none, the name perhaps one (a padded `张 三`).
NAME_BESIDE = re.compile(rf"^(?P<names>[{_CJK}](?:[{_CJK}]| {{1,3}}(?! )){{1,5}}?)[ \t]+"
                         rf"(?P<posts>\S+?)(?:{_POST_WORDS})?$")
PERSONNEL_TITLE = re.compile(_ALT("acts.personnel_titles"))
_SENTENCE_MARKS = re.compile(r"[。,，;；]")


def is_personnel_title(title: str) -> bool:
    """A 任免 notice's title (关于张三等同志职务任免的通知), not a report's first sentence that
    mentions a 任命 (a news item with no title has its lead read as one)."""
    return bool(PERSONNEL_TITLE.search(title)) and not _SENTENCE_MARKS.search(title)
# A sentence telling the posts people hold now (目前还担任着…职务): the X任Y after it are statuses.
STATUS = re.compile(rf"{_ALT('acts.status_before')}{_LEX['acts.status_pattern']}")
PROBATION_ENDED = re.compile(f"{W['probation_over']}.*{W['confirm']}")
# `张三同志试用期满，经考核合格，正式任用为Y` (or 正式任Y): the person stands clauses before the act.
PROBATION_SENTENCE = re.compile(
    rf"\s*{_NAMES}{_LEX['acts.probation_over_pattern']}[,，][^。;；]*?{_CONFIRM}(?P<posts>.+)", re.S)
_CN = _LEX["numbering.cn_digits"]
ENUMERATOR = re.compile(rf"\s*(?:[{_CN}]+、|\d+[.、]|\((?:\d+|[{_CN}]+)\)|[{re.escape(_LEX['acts.bullets'])}])?\s*")
NOTE_ONLY = re.compile(rf"^\(?({'|'.join(_LEX.words('acts.note_only_pattern'))})\)?$")
# `不再担任Y职务` / `免去Y职务` / `(同时相应)辞去Y职务` / `兼任Y` / `(并决定)代理Y职务` / `并任Y` / `转任Y` with no name: the person
# of the act before, in one sentence.
# 任 alone only after 并/同时 (…为副省长，并任代理省长).
_ALSO_SERVE = "(?:" + "|".join(f"(?<={re.escape(w)})" for w in _LEX.words("acts.also_words")) + f"){_SERVE}"
NAMELESS = re.compile(rf"^{_ALT('acts.also_words')}?{_ALT('acts.nameless_adverbs')}?{_ALT('acts.clause_decided')}?"
                      rf"(?:(?P<verb>{_NO_LONGERS}|{_REMOVE}|{_RESIGN})(?P<posts>[^{_OF}]+?)(?:{_POST_WORDS}|$)"
                      rf"|(?P<also>{alternation((_CONCURRENT, _ACTING))}|{_ALSO_SERVE}|{_ALT('acts.taken_by_verbs')})"
                      rf"(?P<held>[^{_OF}]+?)"
                      rf"(?:{_POST_WORDS})?$)")
# People who no longer hold what the act before gives, named with a note each (…，郭保平(1963年1月生)、李少杰
# (1963年3月生)不再担任): a clause of names and the verb alone.
_NOTE_AFTER_NAME = r"(?:\([^()]{1,14}\))?"
NAME_IN_LIST = re.compile(rf"(?P<name>[{_CJK}]{{2,4}}){_NOTE_AFTER_NAME}")
PREDECESSORS = re.compile(rf"(?P<names>(?:[{_CJK}]{{2,4}}{_NOTE_AFTER_NAME}、)*[{_CJK}]{{2,4}}{_NOTE_AFTER_NAME})"
                          rf"(?P<verb>{_NO_LONGERS})(?:{_POST_WORD})?\s*$")
# A verb of an act: a clause holding one is no clause of posts only (姜有为任省工信厅厅长, …，转任Y);
# nor is one telling a post held before (她曾任地政处副处长).
A_VERB = re.compile(alternation((_REMOVE, _RESIGN, _AS, _CONCURRENT, _ACTING, W["take_up"])) + f"|{_NO_LONGERS}|{_SERVE}|{_ALT('acts.past_posts')}"
                   f"|{_ALT('acts.taken_by_verbs')}")  # …卸任X，转任Y: a move, no more posts left
# An act the page cut (a stored copy ends inside it): `免去X的Y` / `任命X为Y` with Y cut short, no 职务,
# no title, the document's last words. The frame vouches for the person; Y is kept as written.
CUT_ACTS = {REMOVE: re.compile(rf"{_NOT_PROPOSED}{_REMOVES}{_COLON}{_NAMES}{_HELD}{_OF}(?P<posts>[^{_OF}]+)$"),
            APPOINT: re.compile(rf"{_NOT_PROPOSED}{_APPOINT}{_COLON}{_NAMES}{_AS_POST}(?P<posts>.+)$")}
BRACKETED_NOTE = re.compile(r"\(\s*([^()]{1,16}?)\s*\)")
# 办公室主任 of no named body: a leadership group's office, staffed in loaders.extract.groups.office.
BARE_OFFICE = re.compile(rf"{_ALT('acts.office_owners')}?{_LEX['acts.office_word']}{_ALT('acts.office_heads')}")


# A sentence outside a 任免 block is read only when it holds a verb of an act (not 任务, 责任).
ACT_WORD = re.compile("|".join(_not_in_words(w, tuple(x for x in _LEX.words("acts.not_act_words") if w in x))
                               for w in _LEX.words("acts.act_words", "acts.received_reports")))
# The sentences of a body that hold more than spaces: maximal runs between 。;； and breaks.
_FILLED_SENTENCE = re.compile(r"[^。;；\n\f]*?[^\s。;；\n\f][^。;；\n\f]*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of text that are not blank, in order."""
    return [m.span() for m in _FILLED_SENTENCE.finditer(text)]


def act_word_starts(view: DocumentView) -> list[int]:
    """Where the words of an act stand (ACT_WORD), in order: the ACT_WORD spans spaCy marked,
    each where ACT_WORD reads there (任 not in 责任); a view read without the pipeline (it has
    no lexicon marks at all) is scanned instead."""
    if "lexicon" not in view.marks:
        return [m.start() for m in ACT_WORD.finditer(view.text)]
    marked = {m.start_char for m in view.spans("lexicon") if m.label_ == "ACT_WORD"}
    return sorted(at for at in marked if ACT_WORD.match(view.text, at))
