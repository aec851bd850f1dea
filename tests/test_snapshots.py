"""Every fixture document gives the facts its snapshot holds (see tests/snapshot_facts.py)."""

import pytest

from tests.snapshot_facts import SNAPSHOTS, facts_of, inputs, render, snapshot_name


@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.name)
def test_facts_match_snapshot(path):
    expected = (SNAPSHOTS / snapshot_name(path)).read_text(encoding="utf-8")
    assert render(facts_of(path)) == expected
