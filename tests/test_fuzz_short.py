"""A short, seeded run of the fuzz targets of bench/fuzz.py (the long run is outside the
suite): only a KgError may leave the readers, normaliser, segmenter, extractors and contact
finder."""

from __future__ import annotations

import pytest

from bench.fuzz import TARGETS, run_target

EXAMPLES = {"read": 60, "normalize": 80, "segment": 60, "extract": 25, "contacts": 60}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_target_survives_a_short_run(name):
    tried = run_target(name, EXAMPLES[name], seed_value=20200215)
    assert tried >= EXAMPLES[name] // 2  # hypothesis ran the target, not only its setup
