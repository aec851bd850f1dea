"""Page furniture printed between the lines of a text that went on over a page break: the page
number (`— 2 —`, `- 12 -`, `第3页`, `3/12`) and a gazette's running head (`衡阳市人民政府公报
2012年第9期`, `2012年第9期  山东省人民政府公报`). A list, a table or a paragraph that runs on
across the break reads on past them; text extracted page by page keeps them when the
extractor cannot tell them from the body. The words (页, 期, 公报 …) are in
ontology/lexicon/groups.yaml, whose member lists are what most often run on past them."""

from __future__ import annotations

import re

from loaders.lexicon import lexicon

_LEX = lexicon()
_ORDINAL, _PAGE, _TOTAL, _YEAR = (re.escape(_LEX[f"groups.{name}"])
                                  for name in ("page_ordinal", "page_word", "page_total", "issue_year"))
_DASHES = r"[\s\-—–]*"
_NUMBER = r"\d{1,4}"
_PAGE_OF = rf"{_ORDINAL}\s*{_NUMBER}\s*{_PAGE}(?:\s*[,，]?\s*{_TOTAL}\s*{_NUMBER}\s*{_PAGE})?"
_PAGE_NUMBER = re.compile(rf"{_DASHES}(?:{_NUMBER}|{_PAGE_OF}|{_NUMBER}\s*/\s*{_NUMBER}){_DASHES}")
_ISSUE = rf"\d{{4}}\s*{_YEAR}\s*{_ORDINAL}\s*\d{{1,3}}\s*{_LEX.alternation('groups.issue_words')}"
_GAZETTE = rf"\S{{2,20}}{_LEX.alternation('groups.gazette_words')}"
_RUNNING_HEAD = re.compile(rf"\s*(?:{_GAZETTE}(?:\s+{_ISSUE})?|{_ISSUE}\s+{_GAZETTE}"
                           rf"|{_GAZETTE}\s*[·•]\s*\S{{2,12}})\s*")


def is_furniture(line: str) -> bool:
    """Whether a whole line is a page number or a gazette's running head."""
    return bool(line.strip()) and (_PAGE_NUMBER.fullmatch(line) is not None
                                   or _RUNNING_HEAD.fullmatch(line) is not None)
