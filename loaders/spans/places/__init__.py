"""Water bodies (rivers, lakes, reservoirs) and towns that no gazetteer lists, found by the
grammar of the sentences naming them.

A river's name ends in 河 or 江, a lake's in 湖, a town's in 镇 or 乡, but so do 入河, 河湖, 城镇
and 乡镇: a bare suffix proves nothing (水库 nearly does). What proves a name is the shape around
it, one module per shape, each naming the rule a fact keeps (`Place.rule`):

| rule                                  | module      | shape                                     |
|---------------------------------------|-------------|-------------------------------------------|
| places/list                           | lists       | 义井河、蒙村河、洪城河; 冠山镇、冶西镇     |
| places/list:called                    | lists       | 湘江、渌水、洣水等河流                     |
| places/list:within                    | lists       | 湟水(含大通河)、洮河                       |
| places/river-word                     | river_words | 大石河流域, 富春江沿岸, 邵水流域           |
| places/river-word:before              | river_words | 花溪河重要支流老龙洞河, 干流酉水河         |
| places/river-works                    | river_words | 实施东风渠清淤, 加强松花江治理             |
| places/reach                          | reaches     | 磁窑河汾阳段、孝义段, 拿山河厦坪段         |
| places/chief:line, :row, :block       | chiefs      | 韩城河：县委副书记 马红梅 (river-chief lists) |
| places/chief:sentence                 | chief_sentences | 莫建成为赣江河长; 重安江省级河长王晓光 |
| places/reservoir                      | reservoirs  | 开展于桥水库冬季巡查                       |
| places/patrol                         | patrols     | 徐玮到荣昆河开展巡河工作                   |
| places/table:column, :first-column    | tables      | a cell under 河道名称                      |
| places/table:chief-rows               | chief_tables | 孙永春 省科技厅 桐梓河 (a flattened table) |
| places/again                          | again       | a river so shown, named again elsewhere   |

Where a name starts and whether a run is one is `names`; the words are in
ontology/lexicon/places.yaml (read through `words`). Gazetteer places are marked by the
pipeline (loaders.spans.nlp, rule `places/gazetteer`) where `stands_alone` says they are names.
"""

from __future__ import annotations

from typing import Iterable

from loaders.spans.places.again import named_again
from loaders.spans.places.chief_sentences import chief_sentence_rivers
from loaders.spans.places.chief_tables import chief_table_rivers
from loaders.spans.places.chiefs import chief_rivers
from loaders.spans.places.lists import called_rivers, list_places
from loaders.spans.places.names import Place, stands_alone
from loaders.spans.places.patrols import patrolled
from loaders.spans.places.reaches import reached
from loaders.spans.places.reservoirs import reservoirs
from loaders.spans.places.river_words import rivers_after_words, rivers_before_words, rivers_before_works
from loaders.spans.places.tables import table_rivers

GAZETTEER_RULE = "places/gazetteer"
GRAMMAR_RULE = "places/grammar"  # any rule of this package, where a span kept no finer one

__all__ = ["GAZETTEER_RULE", "GRAMMAR_RULE", "Place", "find_places", "stands_alone"]


def find_places(text: str, known: Iterable[tuple[int, int]] = ()) -> list[Place]:
    """Rivers and towns named by list, river-word, river-chief, patrol or table grammar, in order;
    `known` are the gazetteer's place spans, which no grammar name overlaps."""
    known = list(known)
    walls = {end for _, end in known}
    taken = {i for start, end in known for i in range(start, end)}
    # the finer rule last: a span two rules find keeps the later one's name
    found = reached(text, walls) + rivers_after_words(text) + reservoirs(text, walls) + list_places(text, walls) \
        + rivers_before_words(text, walls) + chief_sentence_rivers(text, walls) + patrolled(text) \
        + chief_rivers(text) + chief_table_rivers(text) + table_rivers(text) + called_rivers(text)
    unique = {(p.start, p.end): p for p in found if p.start not in taken and p.end - 1 not in taken}
    shown = [*unique.values(), *named_again(text, list(unique.values()), taken)]
    covered = taken | {i for p in shown for i in range(p.start, p.end)}
    return sorted(shown + rivers_before_works(text, walls, covered))
