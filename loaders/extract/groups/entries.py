"""One grammar for the people of a member list's line and of a sentence's role: a run of entries.

An entry names one person, with the post written beside the name in one of a few orders:

    name                    王晓剑                       (groups/label-line:names)
    name (post)             张三（市政府副秘书长）          (…:brackets; a bracket before a post
                                                          is a note: 马秀兰（女，回族） 副秘书长)
    name  post[、post]      雷健坤 市长, 闫中立 省发改委副主任、省数据局局长  (…:pairs; after a
                                                          comma …label-line)
    namepost[、post]        陈芸副省长                   (…:name-glued)
    post[、post]  name      市委副书记、市长 艾尔肯·吐尔地  (…:pairs)
    [post、]postname        中共中央政治局委员、国家统计局局长宁吉喆  (…:glued)
    name  words             任仔苏 市农业农村局二级调    (…label-line; the only entry of a run)

and entries follow one another apart by a mark (spaces, 、 , ; 。) or right after a bracket.
The parts (loaders.extract.groups.parts) are read every way they can be
(loaders.extract.groups.readings), and the run is parted into entries so that every part is
in one: the parting that needs the fewest names without a post, names known only by their
shape and changes of order between name-first and post-first wins. A run no parting covers
names no one, so that a sentence, a list of bodies or of posts alone gives no entry.
A bracket or a cut bracket right after a post is a note on it, written into the title
(`省政府副秘书长(正厅长级)`).
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.extract.groups.parts import COMMA, NONE, SPACE, STROKE, Part, parts
from loaders.extract.groups.readings import NOTHING, read
from loaders.extract.groups.row import Span
from loaders.spans.agency import is_agency

# The rule each order of an entry names in its evidence.
SPACED, BRACKETS, PAIRS, GLUED, NAME_GLUED, NAMES = (
    "groups/label-line", "groups/label-line:brackets", "groups/label-line:pairs",
    "groups/label-line:glued", "groups/label-line:name-glued", "groups/label-line:names")
# What a parting pays for each entry less sure than a name beside its post.
_BARE, _WEAK, _WORDS, _SWITCH = 1.0, 1.5, 2.0, 0.5


@dataclass
class Entry:
    name: Span
    title: Span | None  # the post as written, from its first word to its last (or a bracket)
    start: int
    end: int
    rule: str
    shared: bool = False  # a name alone after 、: a sentence may give it the post before it


class _Run:
    """The parts of one run and their readings."""

    def __init__(self, body: str, found: list[Part]):
        self.body, self.parts = body, found
        self.readings = [NOTHING if p.bracket or p.cut else read(body[p.start:p.end]) for p in found]
        self.known_names = any(r.name and not r.weak for r in self.readings)

    def __len__(self) -> int:
        return len(self.parts)

    def name(self, i: int) -> Span:
        p = self.parts[i]
        return p.start, p.start + self.readings[i].name

    def listed_name(self, i: int) -> bool:
        """Whether part i, a name by its shape only, stands in a list of names apart by 、 or spaces
        that holds a name of a known surname: a name OCR misread (表东耀、赵树梅 for 裘东耀) is still one,
        and so is a given name ending in a word of prose (冯王亮  杨大为  王佩金)."""
        return self.known_names and any(0 < k < len(self) and self.parts[k].mark in (STROKE, SPACE) for k in (i, i + 1))

    def posts_from(self, i: int) -> list[tuple[int, int]]:
        """(next part, title end) of every run of posts from part i, apart by 、, a bracket or a
        cut bracket right after a post taken into it. A post a space broke (`市市场监督管理局副
        局长`, as a page's layout prints it) is one post: words no reading takes, then a post."""
        out, k = [], i
        if (self.readings[i].words and i + 1 < len(self) and self.parts[i + 1].mark == SPACE
                and self.readings[i + 1].title):
            k = i + 1
        first = k
        while k < len(self) and (k == first or self.parts[k].mark == STROKE):
            if self._shares_title(k):  # 党工委、管委会办公室主任: one title of two bodies
                k += 1
                continue
            if not self.readings[k].title:
                break
            end, k = self.parts[k].end, k + 1
            if k < len(self) and (self.parts[k].bracket or self.parts[k].cut) and self.parts[k].mark == NONE:
                end = self.parts[k].end + (1 if self.parts[k].bracket else 0)
                k += 1
            out.append((k, end))
        return out


    def _shares_title(self, k: int) -> bool:
        """A body alone before 、 and a post: the post's title is its too (党工委、管委会办公室主任)."""
        p = self.parts[k]
        return (not self.readings[k].title and k + 1 < len(self) and self.parts[k + 1].mark == STROKE
                and self.readings[k + 1].title and not p.bracket and not p.cut
                and is_agency(self.body[p.start:p.end]))


def _name_first(run: _Run, i: int):
    p, r = run.parts[i], run.readings[i]
    name, cost = run.name(i), (_WEAK if r.weak else 0.0)
    if not r.weak:
        yield i + 1, Entry(name, None, p.start, name[1], NAMES, shared=True), _BARE, ""
    elif run.listed_name(i):
        yield i + 1, Entry(name, None, p.start, name[1], NAMES, shared=True), _BARE + _WEAK, ""
    k, marks, rule = i + 1, (SPACE, COMMA), None
    if k < len(run) and (run.parts[k].bracket or run.parts[k].cut) and run.parts[k].mark <= SPACE:
        b = run.parts[k]
        title = (b.start + 1, b.end) if b.cut else (b.start, b.end)
        yield k + 1, Entry(name, title, p.start, b.end, BRACKETS), cost, "N"
        k, marks, rule = k + 1, (NONE, SPACE), PAIRS  # 马秀兰（女，回族） 市人民政府副秘书长
    if k >= len(run) or run.parts[k].mark not in marks:
        return
    rule = rule or (PAIRS if run.parts[k].mark == SPACE else SPACED)
    posts = run.posts_from(k)
    for j, end in posts:
        yield j, Entry(name, (run.parts[k].start, end), p.start, end, rule), cost, "N"
    if not posts and i == 0 and k == len(run) - 1 and run.readings[k].words:  # 任仔苏 市农业农村局二级调
        yield k + 1, Entry(name, (run.parts[k].start, run.parts[k].end), p.start, run.parts[k].end, SPACED), \
            cost + _WORDS, "N"


def _name_glued(run: _Run, i: int):
    p, cut = run.parts[i], run.readings[i].name_title
    yield i + 1, Entry((p.start, p.start + cut), (p.start + cut, p.end), p.start, p.end, NAME_GLUED), 0.0, "N"
    if i + 1 < len(run) and run.parts[i + 1].mark == STROKE and run.readings[i + 1].title:
        for j, end in run.posts_from(i + 1):
            yield j, Entry((p.start, p.start + cut), (p.start + cut, end), p.start, end, NAME_GLUED), 0.0, "N"


def _post_first(run: _Run, i: int):
    """post[、post] then a name apart by spaces, or a post written against its name after 、."""
    start = run.parts[i].start
    if run.readings[i].title_name:
        yield _glued_at(run, i, start)
    for j, end in run.posts_from(i):
        if j >= len(run):
            return
        mark, r = run.parts[j].mark, run.readings[j]
        if r.name and mark == SPACE:
            name = run.name(j)
            yield j + 1, Entry(name, (start, end), start, name[1], PAIRS), (_WEAK if r.weak else 0.0), "T"
        if r.title_name and mark == STROKE:
            yield _glued_at(run, j, start)


def _glued_at(run: _Run, k: int, start: int):
    p, r = run.parts[k], run.readings[k]
    name = (p.start + r.title_name, p.start + r.title_name_end)
    return k + 1, Entry(name, (start, name[0]), start, name[1], GLUED), 0.0, "T"


def _entries_at(run: _Run, i: int):
    p, r = run.parts[i], run.readings[i]
    if p.bracket or p.cut:
        return
    if r.name:
        yield from _name_first(run, i)
    if r.name_title:
        yield from _name_glued(run, i)
    if r.title or r.title_name or r.words:
        yield from _post_first(run, i)


def read_entries(body: str, start: int, end: int) -> list[Entry] | None:
    """The entries of body[start:end], or None when no parting covers every part."""
    run = _Run(body, parts(body, start, end))
    if not len(run):
        return None
    best: list[tuple[float, list[Entry], str] | None] = [None] * (len(run) + 1)
    best[0] = (0.0, [], "")
    for i in range(len(run)):
        if best[i] is None or (i and run.parts[i].mark == NONE and not run.parts[i - 1].bracket):
            continue
        paid, got, order = best[i]
        for j, entry, cost, side in _entries_at(run, i):
            total = paid + cost + (_SWITCH if order and side and side != order else 0.0)
            if best[j] is None or total < best[j][0]:
                best[j] = (total, got + [entry], side or order)
    return best[-1][1] if best[-1] else None
