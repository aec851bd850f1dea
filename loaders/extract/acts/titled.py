"""People a list names each after the post they take or leave, and a described list a passive closes.

A report may name a government's new officials in one list, each after the post they take:
澳门第5届特区政府候任主要官员及检察长，分别为行政法务司司长张永春、经济财政司司长李伟农…及检察院检察长叶迅生;
新任的5名局处长包含劳动暨青年发展处长李雨蓁、教育处长刘育忠…. The list is read where a collective that
says its people are new or incoming (候任, 新任, 新一届 … 主要官员, 局处长, 阁员, or a title: 新任政务次长)
opens it with 分别为, 包括 or 是, or an announcement of personnel does (第二波内阁人事，包括); every part
must close with a name after a known title, or after a body where the head ends with a title
(初任校长为…成功国小黄建宗); a part that is no post, or a name without a known surname, leaves the
list unread.

People each named after a description, the list closed by a comma and a passive appointment
(香港大学护理学系院长陈肇始、牙科医生梁世民，以及…名誉教授黄雅文，获委任为健康与医疗发展咨询委员会成员),
are appointed to its post.

People named after the post they leave, before a word of leaving (县府教育局长杨郡慈、县府新闻处长颜章圣
下周一卸任; 国发会主委陈美伶在总辞后确定不留任), leave it: removals recorded as 卸任, the word written in
the note where it is another. People named after a post before a word of arriving (新任督察长王立德及
主任秘书邱绍雄9日到职), or before the post they left and a move (副秘书长许满显原参议升任), take it.
Who a comma after a holder's leaving names as taking the post (秘书处长于建国卸任，遗缺由X接任) takes it;
so does who a report names after a new post and its body (新任台企银董事长黄博怡).

The words are in ontology/lexicon/acts.yaml (titled_*); rules `acts/titled:list`,
`acts/titled:passive`, `acts/titled:leave`, `acts/titled:arrive`, `acts/titled:succeeded`,
`acts/titled:newly`.
"""
from __future__ import annotations

import re

from loaders.extract.acts.records import ActRecorder, Span, Where
from loaders.extract.acts.wording import APPOINT, REMOVE, TAKING_VERB, W, taking_act
from loaders.lexicon import lexicon
from loaders.spans.listed import bodied_people, described_name, described_people, list_parts, titled_people
from loaders.spans.posts import Post, listed_posts, parse_posts, title_length
from loaders.text.marks import end_at_next, start_after_last

_LEX = lexicon()
_ALT = _LEX.alternation
_JOINERS = _ALT("acts.name_list_long_joiners", "acts.name_list_joiners")  # …海关关长黄文忠，及检察院检察长叶迅生
# 候任主要官员及检察长，分别为 / 新任政务次长，包括: who is new and the collective (a title too), or an
# announcement of personnel (第二波内阁人事，包括), then the word that opens the list.
_LIST = rf"(?P<entries>(?:[^。;；,，\n]|[,，](?={_JOINERS}))+?)(?=[。;；\n]|[,，](?!{_JOINERS})|$)"
_ENTRIES = rf"[,，]?{_ALT('acts.titled_are')}[:：]?{_LIST}"
# …宣誓就职后，布达副县长吴容辉、…: a verb announcing the people it names, each after the post.
LISTED = (re.compile(rf"(?P<head>{_ALT('acts.titled_new')}[^。;；:：\n]{{0,40}}?){_ENTRIES}"),
          re.compile(rf"{_ALT('acts.titled_announced')}{_ENTRIES}"),
          re.compile(rf"{_ALT('acts.titled_announcing')}(?!{_ALT('acts.titled_are')}){_LIST}"))
_COLLECTIVE = re.compile(rf"(?:{_ALT('acts.titled_collectives')})[^。;；:：,，\n]{{0,12}}$")
# …，获委任为X: the passive after the comma closing its people, and the post up to the clause's end.
_PASSIVE_AFTER = re.compile(rf"[,，](?:{_ALT('acts.passive_adverbs')})?{_ALT('acts.passive_words')}"
                            rf"(?:{_ALT('acts.passive_adverbs')})?{_ALT('acts.appoint_words')}{W['as_word']}"
                            rf"(?P<posts>[^,，。;；\n]{{2,40}})")
_SENTENCE_MARKS = "。;；\n"
_WHEN_BEFORE = re.compile(_LEX["acts.titled_arrive_gap_pattern"])  # 9日, 已于元月16日: when they arrived
# 在总辞后确定 (不留任), not 感谢 (卸任局长X): what may stand between the last name and a word of leaving.
_NOT_OF_LEAVING = re.compile(rf"(?:(?!{_ALT('acts.titled_gap_not_words')}).)*")
_LEAVING = re.compile(rf"(?<!{W['remove'][0]})" + _ALT("acts.titled_leave_words"))  # not the 去职 of 免去职务
_APPROVED = re.compile(_ALT("acts.titled_approvals"))
# 9日到职, or the post left after 原 and the move (许满显原参议升任): what may follow the people who arrive.
# (two patterns, each opening with its words, so that a search skips ahead to them)
_ARRIVING = (re.compile(_ALT("acts.titled_arrive_words")),
             re.compile(rf"{_LEX['acts.titled_arrive_from_pattern']}{_ALT('acts.taken_by_verbs')}"),
             re.compile(_LEX["acts.titled_arrive_counted_pattern"]))
_CLAUSE_MARKS = ",，。;；:：\n"
_NAMED_REACH = 12  # how far before a word of leaving or arriving its people may be named (…在总辞后确定不留任)
# 名单为埔里国中陈清滨、…: a list of bodies and names, the title the sentence before it gives (…国小校长14位
# 调任及3位新任，接任校长进行宣誓，…，名单为); a sentence of people leaving (退休) appoints no one.
BODIED = re.compile(rf"{_ALT('acts.titled_body_openers')}[:：,，]?"
                    rf"(?P<entries>(?:[^。;；,，\n]|[,，](?={_JOINERS}))+?)(?=[。;；\n]|[,，](?!{_JOINERS})|$)")
_BODIED_NEW = re.compile(_ALT("acts.titled_body_new_words"))
_BODIED_LEFT = re.compile(_ALT("acts.titled_body_left_words"))
_BODIED_LEAST, _BODIED_SHARE = 3, 0.75  # parts a list holds, and the share of them that read as a body and a name
_HEAD = W["head_word"]
_LIST_RULE, _PASSIVE_RULE, _BODIED_RULE = "acts/titled:list", "acts/titled:passive", "acts/titled:bodies"
_LEAVE_RULE, _ARRIVE_RULE = "acts/titled:leave", "acts/titled:arrive"
# 离任的委员张漪薇、程沛威…和杨罗观翠博士在任内…: the word of leaving, 的, the people named after their post.
_GOES_ON = f"[,，](?={_ALT('acts.name_list_long_joiners', 'acts.name_list_joiners')})"  # …副主席叶中贤，以及委员X
_DEPARTED = re.compile(rf"(?P<word>{_ALT('acts.departed_words')})(?:{W['of_word']}|(?={_ALT('acts.committee_roles')}))"
                       rf"(?P<entries>(?:[^。;；,，\n]|{_GOES_ON}){{3,300}}?)"
                       rf"(?={_ALT('acts.departed_list_ends')}|[。;；\n]|$|(?!{_GOES_ON})[,，])")
DEPARTED_RULE = "acts/titled:departed"
# …卸任，遗缺由X接任 / …请辞获准，由X暂代: the holder's leaving, the comma, the vacancy perhaps, 由 and who takes it.
_SUCCEEDED = re.compile(rf"(?:(?P<left>{_ALT('acts.vacated_words')})[^,，;；。\n]{{0,6}}?"
                        rf"|{_ALT('acts.vacated_moves')}[^,，;；。\n]{{2,30}}?)[,，]\s*(?:{_ALT('acts.post_words', 'acts.vacancy_words')})?"
                        rf"{_ALT('acts.taken_by_adverbs')}?(?P<described>[^,，;；。\n]{{2,30}}?)"
                        rf"{TAKING_VERB}")
_FORMER = tuple(_LEX.words("acts.successor_former_words"))
_RESIGNING = frozenset(_LEX.words("acts.vacated_resigning"))
_EXCLAMATIONS = "!！?？"  # a headline's 尘埃落定! before the sentence
_SUCCEEDED_RULE = "acts/titled:succeeded"
# 新任台企银董事长黄博怡，…: a new post and who holds it, up to the clause's end.
_NEWLY = re.compile(rf"{_ALT('acts.titled_newly')}(?P<entries>[^,，。;；、由为的是计“”(（\n]{{4,24}})")
_NEWLY_RULE = "acts/titled:newly"
_DEPARTED_WORD = re.compile(_ALT("acts.departed_words"))
# …宋德仁四位局长调任参事兼代理局长: the move and the posts it gives (how many they are, before it,
# stands within the reach of the names).
_MOVED = re.compile(rf"{_ALT('acts.titled_move_words')}(?P<posts>[^,，。;；:：\n]{{2,30}})")
_MOVED_RULE = "acts/titled:moved"
# 交通部长为前交通部次长毛治国: a clause of a post, 为 or 是, and who takes it.
_POST_IS = re.compile(rf"(?:^|(?<=[,，;；。\n]))(?P<post>[^,，。;；:：\n]{{2,16}}?)(?:{_ALT('acts.post_is_words')})"
                      rf"(?P<who>[^,，。;；:：\n、]{{2,24}}?)(?=[、,，。;；\n]|$)", re.M)
_POST_IS_CONTEXT = re.compile(_ALT("acts.post_is_context"))
_POST_IS_LEAD = re.compile(rf".*(?:{_ALT('acts.titled_are')}|{W['of_word']})")
_POST_IS_RULE = "acts/titled:post-is"


def read_titled(recorder: ActRecorder) -> None:
    """Record an appointment for each person of every list a collective of the new opens."""
    text = recorder.text
    for m in _in_order(LISTED, text):
        head_title = _head_title(text, m)
        if m.groupdict().get("head") and not (_COLLECTIVE.search(m["head"]) or head_title):
            continue
        pairs = titled_people(text, *m.span("entries"), bodies=head_title is not None)
        evidence = recorder.view.evidence(*m.span(), _LIST_RULE)
        acts = [recorder.make_act(APPOINT, W["appoint"], None, name, post, evidence)
                for (a, b), name in pairs for post in _posts(text, a, b, head_title)[:1]]
        recorder.add(acts, m.span())


def _in_order(patterns: tuple[re.Pattern, ...], text: str) -> list[re.Match]:
    """The matches of several patterns in the order of the text."""
    return sorted((m for pattern in patterns for m in pattern.finditer(text)), key=re.Match.start)


def _head_title(text: str, m: re.Match) -> Span | None:
    """The title a list's head ends with (新任政务次长, 初任校长), its people's where a part names only
    their body (成功国小黄建宗)."""
    if not m.groupdict().get("head"):
        return None
    end = m.start("head") + len(m["head"].rstrip())
    size = title_length(text[m.start("head"):end])
    return (end - size, end) if size else None


def _posts(text: str, a: int, b: int, head_title: Span | None) -> list[Post]:
    """The posts of a part's words before its name: a post, or a body holding the head's title."""
    if head_title and not title_length(text[a:b].rstrip()):
        return [Post((a, b), head_title)]
    return parse_posts(text, a, b)


def read_leaving(recorder: ActRecorder) -> None:
    """Record a removal for each person named after a post before a word of leaving, and an
    appointment for each named after a post before a word of arriving (新任督察长王立德及主任秘书邱绍雄
    9日到职) or before the post left and a move (副秘书长许满显原参议升任)."""
    for m in _LEAVING.finditer(recorder.text):
        note = None if m[0] == W["leave"] else m[0]
        act = W["resign"] if m[0] in _RESIGNING else W["leave"]  # 请辞获准: the act of 辞去, as the successor's reader records it
        _record_named_before(recorder, m, REMOVE, act, note, _LEAVE_RULE, _NOT_OF_LEAVING)
    for m in _in_order(_ARRIVING, recorder.text):
        _record_named_before(recorder, m, APPOINT, W["appoint"], None, _ARRIVE_RULE, _WHEN_BEFORE)


def read_succeeded(recorder: ActRecorder) -> None:
    """Record the appointment of who takes a post its holder vacates, named after the comma that
    closes the holder's leaving (秘书处长于建国卸任，遗缺由新闻处主任秘书曾俊豪接任; 台糖董事长杨明州请辞获准，
    由国营司副司长刘起孝暂代): one holder named after the post, the successor closing a description."""
    text = recorder.text
    for m in _SUCCEEDED.finditer(text):
        start = start_after_last(text, m.start(), _CLAUSE_MARKS + _EXCLAMATIONS + W["of_word"])
        pairs = _named_before(text, start, m.start())
        name = described_name(text, *m.span("described"))
        if name is None or _names_another_post(text, m.start("described"), name[0]):
            continue
        if len(pairs) != 1 or name is None or not (posts := parse_posts(text, *pairs[0][0])):
            continue
        act = taking_act(m["verb"])
        sentence = (start, m.end())
        evidence = recorder.view.evidence(*sentence, _SUCCEEDED_RULE)
        acts = [recorder.make_act(APPOINT, act, None, name, posts[0], evidence)]
        if m["left"] in _RESIGNING:  # 林芳郁请辞下台，由叶金川接任: the holder's resignation stood
            acts.append(recorder.make_act(REMOVE, W["resign"], m["left"], pairs[0][1], posts[0], evidence))
        recorder.add(acts, sentence)


def _names_another_post(text: str, start: int, name: int) -> bool:
    """Whether what stands before 由 and the successor names a post of its own (训练科长则由林信宏接掌:
    that post's taker, not the vacated one's; not 该职务由X, 接任人选由X), or, without 由, whether
    the successor is described by a post not held before (数研处长黄智群…转任)."""
    by = text.rfind(_LEX["acts.taken_by"], start, name)
    if by >= start:
        return title_length(text[start:by].removesuffix(_LEX["acts.taken_by_then"])) > 0
    lead = text[start:name]  # 数研处长黄智群原参议转任: the post 数研处长 is his; 原宁夏主席刘慧接任: his past post
    return not lead.startswith(_FORMER) and any(title_length(lead[:end]) for end in range(2, len(lead) + 1))


def read_newly(recorder: ActRecorder) -> None:
    """Record the appointment of a person a report names after a new post (新任台企银董事长黄博怡，…;
    新任空军司令张哲平布达授阶典礼): who holds it new."""
    text = recorder.text
    for m in _NEWLY.finditer(text):
        pairs = _named_before(text, m.start("entries"), m.end("entries"))
        if len(pairs) != 1 or not (posts := parse_posts(text, *pairs[0][0])) or not _bodied(posts[0]):
            continue
        sentence = (m.start(), m.end("entries"))
        evidence = recorder.view.evidence(*sentence, _NEWLY_RULE)
        recorder.add([recorder.make_act(APPOINT, W["appoint"], None, pairs[0][1], posts[0], evidence)], sentence)


def _bodied(post: Post) -> bool:
    """Whether a post names its body (台企银董事长), not a surname alone before a title (陈院长)."""
    return post.org is not None and post.org[1] - post.org[0] >= 2


def read_departed(recorder: ActRecorder) -> None:
    """Record a removal for each person a word of leaving describes, named after their post
    (即将离任的语常会委员颜哲思教授、…): the word is the act's note."""
    text = recorder.text
    for m in _DEPARTED.finditer(text):
        pairs = titled_people(text, *m.span("entries"))
        sentence = (start_after_last(text, m.start(), _SENTENCE_MARKS), m.end())
        evidence = recorder.view.evidence(*sentence, DEPARTED_RULE)
        recorder.add([recorder.make_act(REMOVE, W["leave"], m["word"], name, post, evidence)
                      for (a, b), name in pairs for post in parse_posts(text, a, b)[:1]
                      if _says_whose(text, post)], sentence)


def _says_whose(text: str, post: Post) -> bool:
    """Whether a departed person's post names what they leave: not a second word of leaving
    (两个委员会的离任成员林国基: who they are, not what). A committee's role without its body takes the
    body of an act around it, or is dropped (loaders.extract.acts.merge)."""
    return post.org is None or _DEPARTED_WORD.search(text, *post.org) is None


def read_moved(recorder: ActRecorder) -> None:
    """Record the appointments of the people a list names after the posts they hold before a move
    to other posts: each takes them (经发局长何怡、消防局长李清安四位局长调任参事兼代理局长)."""
    text = recorder.text
    for m in _MOVED.finditer(text):
        start = start_after_last(text, m.start(), _CLAUSE_MARKS + W["of_word"])
        pairs = _named_before(text, start, m.start())
        if len(pairs) < 2:  # one person is the serve form's (研考会主委林丰裕调任技监)
            continue
        where = Where((start, m.end()), _MOVED_RULE)
        for (a, b), name in pairs:
            holding = parse_posts(text, a, b)
            recorder.record_moved(name, holding[-1] if holding else None, m.span("posts"), where)


def read_post_is(recorder: ActRecorder) -> None:
    """Record an appointment for each clause of a new team's news that gives a post with its
    body and who takes it (经济部长是前经济部次长尹启铭, 内政部长为国民党副秘书长廖风德)."""
    text = recorder.text
    for m in (m for paragraph in _team_paragraphs(text) for m in _POST_IS.finditer(text, *paragraph)):
        a, b = m.span("post")
        if lead := _POST_IS_LEAD.match(text, a, b):  # 昨天公布的内阁人事还包括内政部长为…: the post after them
            a = lead.end()
        posts = parse_posts(text, a, b)
        name = described_name(text, *m.span("who"))
        if len(posts) != 1 or posts[0].org is None or name is None or name[1] != m.end("who"):
            continue
        described = text[m.start("who"):name[0]]
        if described and not title_length(described):
            continue
        listed = _listed_after(text, m.end() + 1) if text.startswith("、", m.end()) else []
        sentence = (m.start(), max([m.end()] + [name_span[1] for _, name_span in listed]))
        evidence = recorder.view.evidence(*sentence, _POST_IS_RULE)
        acts = [recorder.make_act(APPOINT, W["appoint"], None, name, posts[0], evidence)]
        acts += [recorder.make_act(APPOINT, W["appoint"], None, person, post, evidence)
                 for person, post in listed_posts(text, listed)]
        recorder.add(acts, sentence)


def _listed_after(text: str, at: int) -> list[tuple[Span, Span]]:
    """The people a post-is clause's list goes on to name after their posts (县府秘书长是林茂盛、教育处长
    王泓翔、卫生局长徐迺维、财政税务局长由吕莉莉接任): its longest run of parts that each do."""
    end = end_at_next(text, at, _CLAUSE_MARKS)
    cuts = [end] + [i for i in range(end - 1, at, -1) if text[i] == "、"]
    return next((pairs for cut in cuts if (pairs := titled_people(text, at, cut))), [])


def _team_paragraphs(text: str) -> list[Span]:
    """The paragraphs that speak of a new team (内阁, 阁员, 人事 …), in order, each once."""
    paragraphs: list[Span] = []
    for m in _POST_IS_CONTEXT.finditer(text):
        if paragraphs and m.start() < paragraphs[-1][1]:
            continue
        end = text.find("\n", m.end())
        paragraphs.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return paragraphs


def _record_named_before(recorder: ActRecorder, m: re.Match, kind: str, act: str, note: str | None,
                         rule: str, gap: re.Pattern | None = None) -> None:
    """The acts of the people named after their posts before m; `gap`, what may stand between
    the last name and m (9日 before 到职: not 向新, 县长X向新到任的A致贺)."""
    text = recorder.text
    start = start_after_last(text, m.start(), _CLAUSE_MARKS + W["of_word"])  # …退休的原市长X: after 的
    if approved := list(_APPROVED.finditer(text, start, m.start())):  # 国务院同意山西省省长X…: after who approved
        start = approved[-1].end()
    pairs = _named_before(text, start, m.start())
    if pairs and gap and not gap.fullmatch(text, pairs[-1][1][1], m.start()):
        return  # 副县长王志辉感谢卸任局长X: the people named did something else
    if pairs and kind == REMOVE:
        start, pairs = _listed_before(text, start, pairs)
    sentence = (start, m.end())
    evidence = recorder.view.evidence(*sentence, rule)
    recorder.add([recorder.make_act(kind, act, note, name, post, evidence) for name, post in listed_posts(text, pairs)],
                 sentence)


def _listed_before(text: str, start: int, pairs: list[tuple[Span, Span]]) -> tuple[int, list[tuple[Span, Span]]]:
    """The list's parts before a comma that are each all people named after their posts (大连市应急局党委
    书记张福久，党委副书记、局长杨哲被免职: 张福久 too), and where the first of them starts."""
    while start > 1 and text[start - 1] in ",，":
        before = start_after_last(text, start - 1, _CLAUSE_MARKS + W["of_word"])
        found = titled_people(text, before, start - 1)
        if not found or found[-1][1][1] != start - 1:
            break
        start, pairs = before, found + pairs
    return start, pairs


def _named_before(text: str, start: int, at: int) -> list[tuple[Span, Span]]:
    """The people named after their posts from start up to a few characters before at: the
    reading naming the most, of three-character names where two readings do (颜章圣下周一卸任:
    颜章圣, not the four characters of a married name)."""
    readings = [found for end in range(at, max(start, at - _NAMED_REACH) - 1, -1)
                if (found := titled_people(text, start, end))]
    return max(readings, key=lambda pairs: (len(pairs), pairs[-1][1][1] - pairs[-1][1][0] == 3), default=[])


def read_described_passive(recorder: ActRecorder) -> None:
    """Record an appointment for each person of a described list a passive after a comma appoints."""
    text = recorder.text
    for m in _PASSIVE_AFTER.finditer(text):
        start = start_after_last(text, m.start(), _SENTENCE_MARKS)
        people = described_people(text, start, m.start())
        posts = parse_posts(text, *m.span("posts"))
        if not people or not posts:
            continue
        sentence = (start, m.end())
        evidence = recorder.view.evidence(*sentence, _PASSIVE_RULE)
        recorder.add([recorder.make_act(APPOINT, W["appoint"], None, name, post, evidence)
                      for name in people for post in posts], sentence)


def read_bodied(recorder: ActRecorder) -> None:
    """Record an appointment for each person of a list of bodies and names whose sentence says
    they are new (接任, 连任, 调任 …) and gives the title they hold (校长)."""
    text = recorder.text
    for m in BODIED.finditer(text):
        start = start_after_last(text, m.start(), _SENTENCE_MARKS)
        if _BODIED_LEFT.search(text, start, m.start()) or not _BODIED_NEW.search(text, start, m.start()):
            continue
        # the title in the list's sentence, else in the paragraph before it (…国中小校长遴选名单，连任的有:… /
        # 遴选他校者有…)
        if (title := _last_head_title(text, start, m.start()) or _last_head_title(
                text, text.rfind("\n", 0, max(start - 1, 0)) + 1, start)) is None:
            continue
        pairs = bodied_people(text, *m.span("entries"), text[slice(*title)])
        if len(pairs) < max(_BODIED_LEAST, _BODIED_SHARE * len(list_parts(text, *m.span("entries")))):
            continue
        sentence = (start, m.end())
        evidence = recorder.view.evidence(*sentence, _BODIED_RULE)
        recorder.add([recorder.make_act(APPOINT, W["appoint"], None, name, Post(body, title, (), acting), evidence)
                      for body, name, acting in pairs], sentence)


def _last_head_title(text: str, start: int, end: int) -> Span | None:
    """The last title of a head (校长, 局长) written in text[start:end]."""
    for at in range(end, start, -1):
        if text[at - 1] == _HEAD and (size := title_length(text[start:at])):
            return at - size, at
    return None
