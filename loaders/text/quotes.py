"""Quotation marks a report sets around another side's posts.

Mainland reports on Taiwan quote every post and body they name (`前“立委”張顯耀將出任“陸委會副主委”`,
`“財政部政務次長”徐仁輝`), which cuts a post from the name it stands before. Such marks are
dropped from the text read, where the words inside end with a post; quoted bodies, slogans and
programmes (“国科会”, “跨省通办”, “河长制”) keep theirs: a body's suffix (办, 会) closes too many
other words. The raw text keeps every mark, so the evidence shows the words as written, and the
source's notes say how many were dropped.
"""

from __future__ import annotations

import re

from loaders.spans.posts import title_length
from loaders.text.script import to_simplified

_QUOTED = re.compile("\u201c([\u4e00-\u9fff]{2,12})\u201d")


def post_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of the opening and closing marks around each quoted post, in order."""
    if "\u201c" not in text:
        return []
    marks = []
    for m in _QUOTED.finditer(text):
        words = to_simplified(m[1])
        if title_length(words):
            marks += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
    return marks
