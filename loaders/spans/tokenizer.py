"""spaCy's zh "char" tokens, made with numpy: one token per non-space character.

spaCy's own char segmenter aligns its words to the text by slicing the rest of the text for
every character, which is quadratic (0.6 s for a 92k-character gazette). `CharTokenizer`
makes the same tokens in a few array passes: a space right after a character becomes that
token's `whitespace_`, any other whitespace run becomes a token of its own. The words reach
`Doc` as string-store ids looked up by code point, so no Python string is made (or hashed)
per character; Python works per whitespace run only.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

TEXT_KEY = "govkg.text"  # the doc's text in `user_data`: spaCy's `Doc.text` rebuilds it per call
# Python's whitespace (str.isspace, which spaCy and regex \s use); none lies above the BMP.
_SPACES = [c for c in range(0x10000) if chr(c).isspace()]
_IS_SPACE = np.zeros(max(_SPACES) + 2, dtype=bool)  # the last entry stands for every code above
_IS_SPACE[_SPACES] = True
_SPACE = 0x20
_BMP = 0x10000


class CharTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab
        self.ids = np.zeros(_BMP, dtype=np.uint64)  # BMP code point → string-store id, 0 = unseen
        self.other: dict[str, int] = {}  # whitespace runs and characters beyond the BMP

    def __call__(self, text: str) -> Doc:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        space = _IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
        chars = np.flatnonzero(~space)
        runs, run_ids = self._runs(text, codes, space)
        positions = np.concatenate([chars, runs])
        order = np.argsort(positions, kind="stable")
        ids = np.concatenate([self._char_ids(text, codes[chars], chars), run_ids])
        keeps = np.zeros(len(positions), dtype=bool)  # a character followed by a space keeps it
        keeps[:len(chars)] = np.append(codes, 0)[chars + 1] == _SPACE
        doc = Doc(self.vocab, words=ids[order].tolist(), spaces=keeps[order].tolist())
        doc.user_data[TEXT_KEY] = text
        return doc

    def _runs(self, text: str, codes: np.ndarray, space: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Start offsets and ids of the whitespace tokens: each run, less the one space that
        the character before it keeps."""
        edges = np.diff(np.concatenate([[False], space, [False]]).astype(np.int8))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        starts = starts + ((starts > 0) & (codes[starts] == _SPACE))
        starts, ends = starts[starts < ends], ends[starts < ends]
        ids = [self._id(text[a:b]) for a, b in zip(starts.tolist(), ends.tolist())]
        return starts, np.array(ids, dtype=np.uint64)

    def _char_ids(self, text: str, codes: np.ndarray, at: np.ndarray) -> np.ndarray:
        astral = codes >= _BMP
        bmp = np.where(astral, 0, codes)
        ids = self.ids[bmp]
        for code in np.unique(bmp[(ids == 0) & ~astral]).tolist():  # first sight of a character
            self.ids[code] = self._id(chr(code))
        ids = self.ids[bmp]
        for i in np.flatnonzero(astral).tolist():
            ids[i] = self._id(text[at[i]])
        return ids

    def _id(self, word: str) -> int:
        if word not in self.other:
            self.other[word] = self.vocab.strings.add(word)
        return self.other[word]
