"""Where the lexicon's words stand in a document, for rules that only read a stretch holding one.

The pipeline's `govkg_lexicon` component marks the words of ontology/lexicon/roles.yaml `spans`
once per document (view.spans("lexicon"), labelled INLINE_VERB, ANSWER_VERB …); a rule asks
whether a stretch holds one before it runs its patterns there. A view that no pipeline read
(a test's, a tool's) has no marks: the words are then found here, with the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.lexicon import lexicon
from loaders.view import DocumentView

_GROUP = "lexicon"


class WordMarks:
    """The starts of the words of one span label of roles.yaml in a view's text, in order."""

    def __init__(self, view: DocumentView, label: str):
        if _GROUP in view.marks:
            self.starts = sorted(m.start_char for m in view.spans(_GROUP) if m.label_ == label)
        else:
            words = re.compile(lexicon().alternation("roles." + lexicon().table("roles.spans")[label]))
            self.starts = [m.start() for m in words.finditer(view.text)]

    def within(self, start: int, end: int) -> bool:
        """Whether a word starts in text[start:end]."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end
