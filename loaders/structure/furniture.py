"""Page furniture printed between the lines of a text that went on over a page break: the page
number (`— 2 —`, `- 12 -`, `第3页`, `3/12`) and a gazette's running head (`衡阳市人民政府公报
2012年第9期`, `2012年第9期  山东省人民政府公报`). A list, a table or a paragraph that runs on
across the break reads on past them; text extracted page by page keeps them when the
extractor cannot tell them from the body."""

from __future__ import annotations

import re

_PAGE_NUMBER = re.compile(r"[\s\-—–]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})[\s\-—–]*")
_ISSUE = r"\d{4}\s*年\s*第\s*\d{1,3}\s*(?:期|号)"
_GAZETTE = r"\S{2,20}(?:公报|政报|政府公报)"
_RUNNING_HEAD = re.compile(rf"\s*(?:{_GAZETTE}(?:\s+{_ISSUE})?|{_ISSUE}\s+{_GAZETTE}|{_GAZETTE}\s*[·•]\s*\S{{2,12}})\s*")


def is_furniture(line: str) -> bool:
    """Whether a whole line is a page number or a gazette's running head."""
    return bool(line.strip()) and (_PAGE_NUMBER.fullmatch(line) is not None
                                   or _RUNNING_HEAD.fullmatch(line) is not None)
