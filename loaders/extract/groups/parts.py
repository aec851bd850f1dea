"""The parts of a run of member entries: words, brackets and the marks between them.

A member list's line, or the people a sentence gives a role (`组长：张三 市长`, `副组长由市长助理、
公安厅厅长贾东军，秘书长王明担任`), is a run of words apart by marks — spaces, 、 , ; 。 — and
brackets. `parts` cuts body[start:end] into them and says which mark stands before each; the
grammar of loaders.extract.groups.entries reads them as entries. What a page printed that is no
word is dropped here, so that no rule has to know it:
- characters that are no Chinese at either end of a word (`副州长6`, `1.王五`, `①`, `?`): a
  mirror's anti-copy string, an item's number or a mangled mark; a word of them alone, and a
  bracket with no Chinese (`(1)`, `(z)`), likewise;
- a word with a Latin letter or a phonetic sign between Chinese characters (`兴贮h组`) is
  mojibake: what follows it on the line cannot be read, so the parts end there.
A bracket the end of the text or of the line cut (`胡晓剑（市交通运输局`, `李四（县教` / `育局局长）`)
is a part of its own, open to its end.
Single characters apart by spaces (`闵 成`) are one word when they make a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.spans.posts import COURTESY_AT_END, is_person_name, surname_length, surnames, title_length
from loaders.extract.groups.row import Span
from loaders.extract.groups.readings import padded_name_then_title

# The marks between parts, weakest first: none, a space, 、 (joins titles too), then the marks
# that only ever part entries. A colon inside a run parts as ; does.
NONE, SPACE, STROKE, COMMA, SEMI, STOP = range(6)
_MARKS = {" ": SPACE, "\t": SPACE, "\u3000": SPACE, "、": STROKE, ",": COMMA, "，": COMMA,
          ";": SEMI, "；": SEMI, ":": SEMI, "：": SEMI, "。": STOP}
_OPEN, _CLOSE = "(（", ")）"
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
# An anti-copy string a forum or mirror printed into the text (`6 s; H/`, `[/color]`, `k9#x`):
# characters that are no Chinese and no bracket, holding a Latin letter and a space, a digit or
# a sign. Its spaces and marks are none of the list's.
_NOISE = re.compile(r"[^\u4e00-\u9fff()（）\n]*[A-Za-z][^\u4e00-\u9fff()（）\n]*")
# Inside a word, between Chinese characters: one Latin letter, a phonetic sign (ㄊ), a private-use
# or replacement character, a question mark: text decoded with the wrong code page.
_MOJIBAKE = re.compile(r"(?<=[\u4e00-\u9fff])(?:[A-Za-z]|[\u3100-\u312f\ue000-\uf8ff\ufffd?]+)(?=[\u4e00-\u9fff])")
_LETTERS = re.compile(r"[A-Za-z]+")  # letters alone: an acronym (市CBD管委会) or mojibake, no anti-copy string
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_JOINERS = "".join(lexicon().words("acts.name_list_joiners"))  # joining the last two names of a run (王士斌和许绿丝)
_GLUED_MIN = 5  # the shortest run of two glued names that is no name of its own (张建张世琨: 5)
_GLUED_MAX = 60  # the longest looked at: a longer run of characters is prose, not names


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    mark: int  # the strongest mark between this part and the one before it
    bracket: bool = False  # a bracket's content (start..end inside the brackets)
    cut: bool = False  # a bracket the line's or the text's end cut: start is its opening bracket


def _core(body: str, a: int, b: int) -> Span | None:
    """A word without what is no Chinese at its ends (`副州长6` → 副州长), or None."""
    while a < b and not _CJK.match(body[a]):
        a += 1
    while b > a and not _CJK.match(body[b - 1]):
        b -= 1
    return (a, b) if b > a else None


def _closing(body: str, i: int, end: int) -> int:
    """Where the bracket opening at i closes (brackets inside it counted), or -1."""
    depth = 0
    for j in range(i, end):
        if body[j] in _OPEN:
            depth += 1
        elif body[j] in _CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return -1


def parts(body: str, start: int, end: int) -> list[Part]:
    """The words and brackets of body[start:end], each with the mark before it."""
    found: list[Part] = []
    noise = {m.start(): m.end() for m in _NOISE.finditer(body, start, end) if not _LETTERS.fullmatch(m.group())}
    mark, i = NONE, start
    while i < end:
        ch = body[i]
        if i in noise:  # `李雄6 s; H/副州长`: the marks inside an anti-copy string part nothing
            mark, i = max(mark, SPACE), noise[i]
        elif ch in _MARKS:
            mark, i = max(mark, _MARKS[ch]), i + 1
        elif ch in _OPEN:
            close = _closing(body, i, end)
            if close < 0:  # a bracket the line's or the text's end cut: open to the end
                found.append(Part(i, end, mark, cut=True))
                break
            core = _core(body, i + 1, close)
            if core:
                found.append(Part(*core, mark, bracket=True))
                mark = NONE
            else:
                mark = max(mark, SPACE)
            i = close + 1
        elif ch in _CLOSE:
            mark, i = max(mark, SPACE), i + 1
        else:
            j = i
            while (j < end and body[j] not in _MARKS and body[j] not in _OPEN and body[j] not in _CLOSE
                   and (j == i or j not in noise)):
                j += 1
            core = _core(body, i, j)
            if core and _MOJIBAKE.search(body, *core):
                break
            if core:
                lead = SPACE if core[0] > i else NONE
                found.append(Part(*core, max(mark, lead)))
                mark = SPACE if core[1] < j else NONE
            else:
                mark = max(mark, SPACE)
            i = j
    return _spaced_names(body, _glued_names(body, found))


def _glued_names(body: str, found: list[Part]) -> list[Part]:
    """`金小桃于学军张建张世琨李艳秋`: names a page printed without marks between them are parted
    where each is a name of a known surname, the parting with the fewest names of two characters
    winning; a word holding a title is no such run (`国家统计局局长宁吉喆`)."""
    out: list[Part] = []
    for part in found:
        size = part.end - part.start
        cut = None if part.bracket or part.cut or not _GLUED_MIN <= size <= _GLUED_MAX else _names_in(body[part.start:part.end])
        if not cut:
            out.append(part)
            continue
        at, mark = part.start, part.mark
        for size in cut:
            if size < 0:  # 王士斌和许绿丝: the word joining two names, no part of either
                at, mark = at - size, STROKE
                continue
            out.append(Part(at, at + size, mark))
            at, mark = at + size, SPACE
    return out


def _names_in(word: str) -> list[int] | None:
    """The sizes of the names `word` is made of, or None: names of two or three characters (four
    after a double surname), a last surname alone where a padded name goes on (`江 帆`); a word
    joining two of them (和, 及, 与: `王士斌和许绿丝`) is a negative size, skipped."""
    if (not _CJK_RUN.fullmatch(word) or COURTESY_AT_END.search(word)  # 陈建强医生: one name and its courtesy title
            or any(title_length(word[:end]) for end in range(2, len(word) + 1))):
        return None
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for i in range(len(word)):
        if i not in best:
            continue
        cost, sizes = best[i]
        if 0 < i < len(word) - 2 and word[i] in _JOINERS and sizes and sizes[-1] > 0 and (
                i + 1 not in best or cost < best[i + 1][0]):
            best[i + 1] = (cost, sizes + [-1])
        for size in (2, 3, 4):
            name = word[i:i + size]
            if len(name) == size and is_person_name(name) and (size < 4 or surname_length(name) == 2):
                step = cost + (1.0 if size == 2 else 0.0)
                if i + size not in best or step < best[i + size][0]:
                    best[i + size] = (step, sizes + [size])
        if i == len(word) - 1 and word[i] in surnames():  # 王国强赵白鸽江 / 帆: a padded name's surname
            step = cost + 1.5
            if len(word) not in best or step < best[len(word)][0]:
                best[len(word)] = (step, sizes + [1])
    found = best.get(len(word))
    return found[1] if found and sum(size > 0 for size in found[1]) >= 2 else None


def _spaced_names(body: str, found: list[Part]) -> list[Part]:
    """`闵 成`: two single characters apart by a space that make a name are one word, and so
    are a padded name and the post written against it (`王 曦副省长`)."""
    out: list[Part] = []
    for part in found:
        last = out[-1] if out else None
        if (last and part.mark == SPACE and not part.bracket and not last.bracket and not last.cut
                and last.end - last.start == 1
                and (part.end - part.start == 1 and is_person_name(body[last.start] + body[part.start])
                     or padded_name_then_title(body[last.start:part.end]))):
            out[-1] = Part(last.start, part.end, last.mark)
        else:
            out.append(part)
    return out
