"""Measures taken against officials named after their posts, which remove them from those posts.

A measure after the people (`对思蒙镇党委书记贺达昊、镇长张晖予以免职`, perhaps after what is said of
them up to a 的), a sanction given to them (`给予大理市委副书记、市长杜淑敢同志撤销党内职务、政务撤职处分`,
or a notice's line `…原党委书记、董事长冷魁：撤销党内职务、政务撤职`), and a list of the removed after a
head saying so (`被免职干部包括县扶贫开发办公室主任马会平，副主任刘荣、霍如江`), perhaps on the lines
after a head closing its line (`5名官员被免职，分别是：`), people of no known surname too (`副县长普琼`):
removals of every post each person is named with, the measure the act's note. Warnings, 记过 and
suspensions remove no one.
Rules `acts/measure:disciplined`, `acts/measure:sanctioned`, `acts/measure:removed-list`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.acts.records import ActRecorder, Span
from loaders.extract.acts.wording import REMOVE, W
from loaders.lexicon import lexicon
from loaders.spans.listed import titled_people, titled_runs
from loaders.spans.posts import listed_posts, split_top
from loaders.structure.outline import LINE
from loaders.text.marks import end_at_next, start_after_last

_LEX = lexicon()
_ALT = _LEX.alternation
_SENTENCE_MARKS = "。;；\n"

# 对A书记X、B镇长Y予以免职: the people a measure removes, named after their posts.
_BEFORE = _LEX['acts.disciplined_before']
_DISCIPLINED = re.compile(rf"{_BEFORE}(?P<entries>(?:(?!{_BEFORE})[^。;；:：\n]){{3,200}}?)"
                          rf"{_ALT('acts.disciplined_each')}?(?P<word>{_ALT('acts.disciplined_words')})")
_DISCIPLINED_RULE = "acts/measure:disciplined"
_REMOVING = _ALT("acts.sanction_removing")
# 给予A书记X同志撤销党内职务、政务撤职处分 / a line `A书记X：撤销党内职务、政务撤职`: a sanction that removes them.
_SANCTIONED = (re.compile(rf"{_LEX['acts.sanction_given']}(?P<entries>[^。;；:：,，\n]{{3,120}}?{_REMOVING}[^。;；:：\n]{{0,12}}?)"
                          rf"{_ALT('acts.sanction_ends')}"),
               re.compile(rf"^[ \t]*(?P<entries>[^。;；:：,，\n]{{3,80}}?)(?:{W['honorific']})?[:：]"
                          rf"(?P<measures>[^。;；\n]{{0,30}}?{_REMOVING}[^\n]{{0,30}}?)$", re.M))
_SANCTIONED_RULE = "acts/measure:sanctioned"
_MEASURE_WORDS = _LEX.words("acts.sanction_measure_words")
_REMOVED_LIST = re.compile(_LEX["acts.removed_list_pattern"])
_REMOVED_WORD = re.compile(_ALT("acts.removed_list_words"))
_REMOVED_LIST_RULE = "acts/measure:removed-list"


def read_disciplined(recorder: ActRecorder) -> None:
    """Record a removal for each person a measure removes, named after their posts (对思蒙镇党委书记
    贺达昊、镇长张晖予以免职): the measure is the act's note."""
    text = recorder.text
    for m in _DISCIPLINED.finditer(text):
        sentence = (start_after_last(text, m.start(), _SENTENCE_MARKS), m.end())
        _removals(recorder, _described_list(text, *m.span("entries")), sentence, _DISCIPLINED_RULE, m["word"])


def read_sanctioned(recorder: ActRecorder) -> None:
    """Record a removal from each post of each person a sanction removes, named after their posts
    (给予大理市委副书记、市长杜淑敢同志撤销党内职务、政务撤职处分): the measures are the act's note."""
    text = recorder.text
    for pattern in _SANCTIONED:
        for m in pattern.finditer(text):
            pairs = _people_sanctioned(text, *m.span("entries"))
            if not pairs:
                continue
            measures = m["measures"] if "measures" in m.groupdict() else text[pairs[-1][1][1]:m.end("entries")]
            _removals(recorder, pairs, (start_after_last(text, m.start(), _SENTENCE_MARKS), m.end()), _SANCTIONED_RULE,
                      measures.removeprefix(W["honorific"]).strip())


def read_removed_list(recorder: ActRecorder) -> None:
    """Record a removal for each person a list of the removed names after their posts, its parts
    apart by commas up to the first that names no one (被免职干部包括X主任A，副主任B、C，一正三副共计4人);
    where the head closes its line (5名官员被免职，分别是：), the lines after it, up to one naming no one."""
    text = recorder.text
    if not _REMOVED_WORD.search(text):
        return  # most documents remove no one this way
    for m in _REMOVED_LIST.finditer(text):
        end = end_at_next(text, m.end(), _SENTENCE_MARKS)
        if text[m.end():end].strip():
            pairs = titled_runs(text, m.end(), end, strong=True)  # the head frames its people: 副县长普琼
            _removals(recorder, pairs, (start_after_last(text, m.start(), _SENTENCE_MARKS), end), _REMOVED_LIST_RULE, None)
            continue
        for a, b, pairs in _lines_naming(text, end):
            _removals(recorder, pairs, (a, b), _REMOVED_LIST_RULE, None)


def _lines_naming(text: str, at: int) -> Iterator[tuple[int, int, list[tuple[Span, Span]]]]:
    """Each line from `at` on, blank lines passed over, with the people it names after their posts
    (its parts apart by commas or ；), up to the first line naming no one."""
    for line in LINE.finditer(text, at):
        a, b = line.span()
        if not line.group().strip():
            continue
        pairs = [pair for c, d in split_top(text, a, b, ";；。") for pair in titled_runs(text, c, d, strong=True)]
        if not pairs:
            return
        yield a, b, pairs


def _removals(recorder: ActRecorder, pairs: list[tuple[Span, Span]], sentence: Span, rule: str,
              note: str | None) -> None:
    """A removal of each person from each post the list names them with, the sentence its evidence."""
    evidence = recorder.view.evidence(*sentence, rule)
    recorder.add([recorder.make_act(REMOVE, W["remove"], note, name, post, evidence)
                  for name, post in listed_posts(recorder.text, pairs)], sentence)


def _described_list(text: str, a: int, b: int) -> list[tuple[Span, Span]]:
    """The people named after their posts in text[a:b], after what is said of them up to a 的 (对执法
    监督不力的中卫市环保局局长俞振国、分管副局长曹瑾), its parts perhaps apart by commas (市民政局党委书记、
    局长王文和，副局长张守林): the reading naming the most, the latest start of those that name as many
    (no body holds 负有领导责任的)."""
    starts = [a] + [i + 1 for i in range(a, b) if text[i] == W["of_word"]]
    readings = [(len(pairs), start, pairs) for start in starts if (pairs := titled_runs(text, start, b, whole=True))]
    return max(readings, key=lambda reading: reading[:2])[2] if readings else []


def _people_sanctioned(text: str, a: int, b: int) -> list[tuple[Span, Span]]:
    """The people named after their posts from a on, the list closing with a name (perhaps
    followed by 同志) before the measures up to b: the reading of the longest list."""
    for end in range(b, a + 2, -1):
        if _in_measure_word(text, end):
            continue
        if (pairs := titled_people(text, a, end)) and pairs[-1][1][1] == end:
            return pairs
    return []


def _in_measure_word(text: str, end: int) -> bool:
    """Whether a name ending at `end` would hold the first characters of a measure (谢华维撤|销党内职务)."""
    return any(text.startswith(word, start) for start in (end - 1, end - 2) for word in _MEASURE_WORDS
               if start + len(word) > end)
