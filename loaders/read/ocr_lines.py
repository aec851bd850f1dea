"""Tesseract's data for a page (image_to_data) → the page's lines, as a page layout.

Words are grouped by Tesseract's text lines, in its reading order; specks of dirt read as a
lone character of little confidence far from the line's text are dropped; a line's words are
joined as written (a space where the gap is a space's, a tab between table cells); and each
line keeps its box, its block's edges and its confidence (its characters' mean Tesseract
confidence, 0–1), so that paragraphs wrapped over lines are joined as on text pages and a
fact read from a doubtful line says so.
"""

from __future__ import annotations

from statistics import median
from typing import NamedTuple

from loaders.read.lines import TAB_EMS
from loaders.read.pages import MEASURE_EDGE, PageLayout, Part, margins

WORD_LEVEL = 5  # image_to_data row levels: 4 a text line, 5 a word
LINE_LEVEL = 4
SPECK_CONF, SPECK_GAP = 40.0, 2.0  # a lone character below this confidence, this many ems apart
SPACE_EMS = 0.65  # of a word's height: a gap this wide between Chinese words is a space
PLACED_SHARE = 0.6  # of the line's height: a word's box lower than this is misplaced
PLACED_SHORT = 0.6  # of the line's height: a word of Chinese characters boxed narrower than
# its characters less this (負責 in under 1.4 em, 发 in under 0.4) is misplaced


class OcrLine(NamedTuple):
    """A line as Tesseract read it, in pixels: its box, its block's edges, its confidence."""

    text: str
    x0: float
    x1: float
    top: float
    height: float
    left: float
    right: float
    confidence: float


def words_by_line(data: dict) -> dict[tuple[int, int, int], list[Word]]:
    """image_to_data's rows of words, grouped by text line in Tesseract's reading order."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, text in enumerate(data["text"]):
        if data["level"][i] == WORD_LEVEL and text.strip():
            left = data["left"][i]
            word = Word(text.strip(), left, left + data["width"][i], data["height"][i],
                        float(data["conf"][i]), data["top"][i])
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                             []).append(word)
    return {key: kept for key, words in lines.items() if (kept := _without_specks(words))}


def _without_specks(words: list[Word]) -> list[Word]:
    """A line's words without the specks of dirt Tesseract read as a character of little
    confidence, standing far from the line's text: they would lengthen the line to the margin
    (where a line that fills its column goes on in the next) and stand in names."""
    em = max(median(w.height for w in words), 1)
    kept = []
    for k, word in enumerate(words):
        gaps = [word.left - words[k - 1].right if k else em * 99, words[k + 1].left - word.right if k + 1 < len(words) else em * 99]
        if len(word.text) == 1 and word.conf < SPECK_CONF and min(gaps) > SPECK_GAP * em:
            continue
        kept.append(word)
    return kept


def _line_heights(data: dict) -> dict[tuple[int, int, int], tuple[int, int]]:
    """Each text line's top and height: steadier than its words' boxes, which a speck or a
    low stroke stretches."""
    return {(data["block_num"][i], data["par_num"][i], data["line_num"][i]): (data["top"][i], data["height"][i])
            for i in range(len(data["level"])) if data["level"][i] == LINE_LEVEL}


def line_parts(data: dict, lines: dict[tuple[int, int, int], list[Word]]) -> tuple[OcrLine, ...]:
    """Each line of words with its box, its block's edges and its confidence."""
    blocks, heights = block_edges(lines), _line_heights(data)
    return tuple(_ocr_line(key, words, blocks, heights.get(key)) for key, words in lines.items())


def block_edges(lines: dict[tuple[int, int, int], list[Word]]) -> dict[int, tuple[int, int]]:
    """Each block's left and right edge, as far as its kept words reach: Tesseract's own block
    box takes in the specks dropped from its lines, and a block widened by a speck in the
    margin is a measure no line fills, so no paragraph would be joined."""
    edges: dict[int, tuple[int, int]] = {}
    for (block, _, _), words in lines.items():
        left, right = edges.get(block, (min(w.left for w in words), max(w.right for w in words)))
        edges[block] = (min(left, *(w.left for w in words)), max(right, *(w.right for w in words)))
    return edges


def _ocr_line(key: tuple[int, int, int], words: list[Word], blocks: dict, box: tuple[int, int] | None) -> OcrLine:
    chars = sum(len(w.text) for w in words)
    confidence = sum(len(w.text) * max(w.conf, 0.0) for w in words) / chars / 100 if chars else 0.0
    x0, x1 = min(w.left for w in words), max(w.right for w in words)
    left, right = blocks.get(key[0], (x0, x1))
    top, height = box or (min(w.top for w in words), median(w.height for w in words))
    return OcrLine(line_text(words), x0, x1, top, height, min(left, x0), max(right, x1), confidence)


def ocr_layout(lines: tuple, width: float, height: float, scale: float) -> PageLayout:
    """Tesseract's lines as a page's parts, in points, margins apart as on text pages; a block
    whose right edge stands short of the page's right margin is no measure lines fill."""
    parts = []
    for line in lines:
        right = line.right / scale if line.right / scale >= MEASURE_EDGE * width else float("inf")
        parts.append(Part(line.text, "line", line.x0 / scale, line.x1 / scale, line.top / scale, line.height / scale,
                          line.left / scale, right, confidence=round(line.confidence, 3)))
    head, body, foot = margins([p.top for p in parts], [p.top + p.em for p in parts], [p.em for p in parts], height)
    return PageLayout(width, height, [parts[i] for i in head], [parts[i] for i in body], [parts[i] for i in foot])


class Word(NamedTuple):
    text: str
    left: int
    right: int
    height: int
    conf: float
    top: int = 0


def line_text(words: list[Word]) -> str:
    """Words joined as written. Tesseract cuts Chinese into "words" at small gaps too, and its
    word boxes overlap (one may span the line); Chinese characters stand a fifth of their
    height apart or less, a space makes it more than half: SPACE_EMS parts them, but beside
    punctuation. Any gap between two Latin words is a space; between cells of a table it is a
    tab, as in text pages."""
    em = max(sorted(w.height for w in words)[len(words) // 2], 1)
    out = [words[0].text]
    for prev, word in zip(words, words[1:]):
        gap = word.left - prev.right
        if gap >= TAB_EMS * em:
            out.append("\t")
        elif _latin(prev.text[-1]) and _latin(word.text[0]) or (
                gap >= SPACE_EMS * em and not _punctuation(prev.text[-1]) and not _punctuation(word.text[0])
                and _placed(prev, em) and _placed(word, em)):
            out.append(" ")
        out.append(word.text)
    return "".join(out)


def _placed(word: Word, em: float) -> bool:
    """Whether the word's box can measure a gap: Tesseract gives some Chinese characters a
    sliver of a box (a fifth of the line's height, off the glyph: 徐庆 华), or a box too narrow
    for the characters it reads (`負責` in 1.3 em, `发` in 0.15: 分工 負責, 嘉政办 发; a narrow
    glyph, 日 or 工, still spans half an em), which would read as a space inside a name or a word."""
    if _latin(word.text[0]):
        return True
    narrow = word.right - word.left < (len(word.text) - PLACED_SHORT) * em and all(map(_chinese, word.text))
    return word.height >= PLACED_SHARE * em and not narrow


def _punctuation(ch: str) -> bool:
    """Chinese punctuation and brackets: their ink is small and off-centre, so the gap beside
    them says nothing of a space (`“粵菜師傅” 工程`, `局、 教育局`)."""
    return ch in "“”‘’「」『』《》〈〉【】〔〕（）()、，。：；！？·—…,.:;!?" or "\u3000" <= ch <= "\u303f"


def _chinese(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
