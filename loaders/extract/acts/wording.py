"""The wording of personnel acts (任免): the patterns that loaders.extract.acts reads.

Acts are written in a few shapes, in notices, decisions and 人大常委会 news reports alike:
- blocks: `任命：` then lines `张三为Y；`, `免去：` then lines `李四的Y职务；` (in a 任免 notice
  the lines may stand without the block word);
- inline: `决定任命张三为Y`, `免去李四的Y职务`, `张三任Y`, `张三同志兼任Y`, `张三代理Y`,
  `张三不再担任Y职务`, `接受王五辞去Y职务的请求`, `试用期满…正式任用`;
- one act may name several people (`张三、李四为Y`) and several posts (`主任、党组书记`), and
  one 免去 several people's posts (`免去A的X职务、B的Y职务`);
- a clause without a name after an act of the same sentence is that person's
  (`张三同志任X，不再担任Y职务`, `…，免去Y职务`).
The patterns are kept apart from the reader so that the grammar can be read in one place.
"""

from __future__ import annotations

import re

APPOINT, REMOVE = "appointment", "removal"
PROBATION_DONE = "试用期满正式任用"
# Names, perhaps spaced by the layout (`马　骁`): one space may stand between characters, or
# a line break where a PDF's line ends inside a name (`任命孙丽` / `华为…`).
# A note on sex or nationality may follow a name (`马国林（回族）任…`, `杨淑芳（女）任…`).
_PERSON_NOTE = r"(?:\((?:(?:女|男)(?:,[\u4e00-\u9fff]{1,5}族)?|[\u4e00-\u9fff]{1,5}族)\))?"
_NAMES = (r"(?P<names>其|[\u4e00-\u9fff·•・、](?:[\u4e00-\u9fff·•・、]| {1,3}(?! )|\n(?!\n)){1,39}?)"
          + _PERSON_NOTE + r"(?:同志)?")
_LEAD = r"^(?:会议|经研究|研究|现|并|同时|另|拟|提请|批准|同意)?(?:决定|同意)?(?:由)?"
# (pattern, kind, act, strong): the first that matches a clause decides it. A strong form
# frames its names as persons (任命X为, 免去X的), so a name with an unknown surname is taken there;
# a weak one (X任Y, X兼任Y) takes only names with a known surname or 同志 after them.
FORMS = [
    (re.compile(rf"接受{_NAMES}辞去(?P<posts>.+?)职务", re.S), REMOVE, "辞去", True),
    (re.compile(rf"{_LEAD}{_NAMES}辞去(?P<posts>.+?)职务", re.S), REMOVE, "辞去", False),
    (re.compile(rf"{_LEAD}{_NAMES}不再担任(?P<posts>.+?)(?:职务|$)", re.S), REMOVE, "不再担任", False),
    (re.compile(rf"免去[:：]?{_NAMES}的(?P<posts>.+?)职务", re.S), REMOVE, "免去", True),
    (re.compile(r"免去[:：]?(?P<who>[^的]+?)职务", re.S), REMOVE, "免去", False),
    (re.compile(rf"聘任[:：]?{_NAMES}为(?P<posts>.+)", re.S), APPOINT, "聘任", True),
    (re.compile(rf"任命[:：]?{_NAMES}为(?P<posts>.+)", re.S), APPOINT, "任命", True),
    (re.compile(rf"{_LEAD}{_NAMES}(?:试用期满)?正式任(?:[用命职]为)?(?P<posts>.+)", re.S), APPOINT, "正式任用", True),
    (re.compile(rf"{_LEAD}{_NAMES}兼任(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "兼任", False),
    (re.compile(rf"{_LEAD}{_NAMES}代理(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "代理", False),
    (re.compile(rf"{_LEAD}{_NAMES}任(?![命职免务期用何])(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "任命", False),
]
# The word each form cannot match without: a clause lacking it skips the form's regex search.
FORM_WORDS = ["辞去", "辞去", "不再担任", "免去", "免去", "聘任", "任命", "正式任", "兼任", "代理", "任"]
assert len(FORM_WORDS) == len(FORMS) and all(w in p.pattern for w, (p, *_) in zip(FORM_WORDS, FORMS))
# `任命：` / `免去：` / `聘任：` / `解聘：` (the colon may be lost), `任职如下：` / `免职：` (only with the colon).
BLOCK = re.compile(r"(?:(?P<verb>任命|免去|聘任|解聘)(?:如下)?[:：]?|(?P<other>任职|免职)(?:如下)?[:：])$")
# The lines of a block, or of a 任免 notice, without a verb: `张三为Y`, `李四的Y职务`.
BARE_LINE = {APPOINT: re.compile(rf"^{_NAMES}为(?P<posts>.+)$", re.S),
             REMOVE: re.compile(rf"^{_NAMES}的(?P<posts>.+?)职务", re.S)}
# Under a block word, a name alone on its line and the post on the next (人大常委会 名单:
# `决定任命` / `郭振中` / `洛阳市发展和改革委员会主任`); a removal's post may end in 职务.
NAME_ABOVE = re.compile(rf"^{_NAMES}[ \t]*\n[ \t]*(?P<posts>[^\n]+?)(?:职务)?$")
PERSONNEL_TITLE = re.compile(r"任免|任命|任职|免职|职务|人事")
PROBATION_ENDED = re.compile(r"试用期满.*正式任")
# `张三同志试用期满，经考核合格，正式任用为Y` (or 正式任Y): the person stands clauses before the act.
PROBATION_SENTENCE = re.compile(
    rf"\s*{_NAMES}(?:任职)?试用期(?:已)?满[,，][^。;；]*?正式任(?:[用命职]为)?(?P<posts>.+)", re.S)
ENUMERATOR = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d+[.、]|\(\d+\)|[-•])?\s*")
SENTENCE = re.compile(r"[^。;；\n\f]+")
NOTE_ONLY = re.compile(r"^\(?(试用期[^()]{1,6}|保留[^()]{1,10}待遇)\)?$")
# `不再担任Y职务` / `免去Y职务` with no name: the person of the act before, in one sentence.
NAMELESS = re.compile(r"^(?:并|同时)?(?:(?P<verb>不再担任|免去)(?P<posts>[^的]+?)职务|(?P<also>兼任)(?P<held>[^的]+?)(?:职务)?$)")
BRACKETED_NOTE = re.compile(r"\(\s*([^()]{1,16}?)\s*\)")
# 办公室主任 of no named body: a leadership group's office, staffed in loaders.extract.groups.office.
BARE_OFFICE = re.compile(r"(?:领导小组|指挥部|委员会)?办公室(?:常务)?副?主任")
# A sentence outside a 任免 block is read only when it holds a verb of an act (not 任务, 责任).
ACT_WORD = re.compile(r"(?<![责信])任(?!务)|免去|免职|辞去|代理")
