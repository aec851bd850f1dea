"""Names users write for nodes: one rule for `kg query`, `kg viz` and `kg judge` (kg.names)."""

from __future__ import annotations

import pytest

from govkg.errors import QueryError
from kg.names import BY_QUERY, EXACT, NAMED, PART, Names, query_names
from kg.queries import load_queries

ROWS = [
    {"id": "agency:1", "name": "阳泉市水利局", "written": ["市水利局"]},
    {"id": "agency:2", "name": "盂县水利局", "written": None},
    {"id": "agency:3", "name": "阳泉市公安局西城分局", "written": ["西城分局"]},
    {"id": "阳政发〔2020〕1号", "name": None, "number": "阳政发〔2020〕1号"},
]


@pytest.mark.parametrize("written, how, found", [
    ("阳泉市水利局", EXACT, ["阳泉市水利局"]),  # the name
    ("市水利局", EXACT, ["阳泉市水利局"]),  # a written form
    ("水利局", EXACT, ["盂县水利局", "阳泉市水利局"]),  # a short form: every name it ends
    ("阳政发〔2020〕1号", EXACT, ["阳政发〔2020〕1号"]),  # a 文号
    (" 市水利局 ", EXACT, ["阳泉市水利局"]),  # spaces around a pasted name
    ("西城", PART, ["阳泉市公安局西城分局"]),  # a query that matches any part
])
def test_a_name_names_its_nodes(written, how, found):
    assert sorted(c for c, _ in Names.of("Agency", ROWS).matches(written, how)) == sorted(found)


@pytest.mark.parametrize("written, hint", [
    ("水力局", "did you mean 阳泉市水利局 or 盂县水利局?"),  # a wrong character
    ("市水利", "did you mean 阳泉市水利局"),  # the suffix left off
    ("卫健委", None),  # nothing near: no hint rather than a wrong one
])
def test_an_unknown_name_is_one_line_with_the_nearest(written, hint):
    with pytest.raises(QueryError) as caught:
        Names.of("Agency", ROWS).matches(written)
    assert caught.value.message == f"no Agency named {written!r} in the store"
    assert (caught.value.hint or "").startswith(hint or "") and (hint is not None) == (caught.value.hint is not None)
    assert "\n" not in caught.value.line()


def test_every_named_parameter_is_a_parameter_of_a_canned_query():
    """The table in kg.names follows the queries: a renamed parameter must not go unchecked."""
    queries = load_queries()
    params = {(q.name, p.name) for q in queries.values() for p in q.params}
    assert set(BY_QUERY) <= params
    assert set(NAMED) <= {p for _, p in params}
    assert query_names("agency_tasks", ["agency", "limit"]) == {"agency": ("Agency", EXACT)}
    assert query_names("official_path", ["source", "target"])["source"] == ("Official", EXACT)
    assert query_names("edge_evidence", ["subject", "object"]) == {}
