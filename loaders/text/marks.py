"""Where a sentence or a clause around a place in a text starts and ends: the readers look for
the nearest of a few marks (。；, or the commas of a clause) on either side."""

from __future__ import annotations


def start_after_last(text: str, at: int, marks: str, low: int = 0) -> int:
    """Where the sentence or clause holding `at` starts: after the last of `marks` between `low`
    and `at`, or at `low` when there is none."""
    return max(low, max(text.rfind(mark, low, at) for mark in marks) + 1)


def end_at_next(text: str, at: int, marks: str) -> int:
    """Where the sentence or clause holding `at` ends: at the first of `marks` from `at` on, or at
    the text's end."""
    return min((i for mark in marks if (i := text.find(mark, at)) >= 0), default=len(text))
