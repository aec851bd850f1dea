import re

import pytest

from govkg.errors import QueryError
from kg.queries import get_query, load_queries, parse_query


def test_every_canned_query_has_a_documented_header():
    queries = load_queries()
    assert len(queries) >= 10
    for q in queries.values():
        assert q.description and len(q.description) > 15
        assert q.cypher.lstrip().upper().startswith(("MATCH", "CALL", "OPTIONAL", "WITH", "UNWIND"))
        declared = {p.name for p in q.params}
        used = set(re.findall(r"\$(\w+)", q.cypher))
        assert used == declared, f"{q.name}: uses {used}, declares {declared}"


def test_every_query_is_read_only():
    for q in load_queries().values():
        assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP|LOAD CSV)\b", q.cypher, re.I), q.name


def test_bind_converts_types_and_fills_defaults():
    q = get_query("personnel_changes")
    assert q.bind({"since": "2020-03-01", "limit": "5"}) == {"since": "2020-03-01", "until": "2999-12-31", "limit": 5}


@pytest.mark.parametrize("raw, message", [
    ({}, "missing parameter 'agency'"),
    ({"agency": "市水利局", "agnecy": "x"}, "unknown parameter 'agnecy'"),
    ({"agency": "市水利局", "limit": "ten"}, "parameter 'limit' must be an integer, not 'ten'"),
])
def test_bind_errors_name_the_problem_and_list_valid_parameters(raw, message):
    with pytest.raises(QueryError) as err:
        get_query("agency_tasks").bind(raw)
    assert message in err.value.line()
    assert "parameters: agency:string, limit:integer" in err.value.line()


def test_a_wrong_date_is_refused():
    with pytest.raises(QueryError, match="must be a date"):
        get_query("post_holders").bind({"post": "局长", "on": "2020-13-01"})


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(QueryError, match="known: .*agency_tasks"):
        get_query("agency_task")


def test_header_without_description_is_rejected():
    with pytest.raises(QueryError, match="missing header '// description"):
        parse_query("// name: x\nMATCH (n) RETURN n", "queries/x.cypher")


@pytest.mark.parametrize("value, ok", [
    ("0", True), ("2147483647", True),
    ("2147483648", False), ("4294967296", False), ("-1", False),  # FalkorDB: LIMIT 4294967296 gave 0 rows
    (4294967296, False), (7, True),  # from Python callers
])
def test_integers_out_of_what_every_store_reads_are_refused(value, ok):
    q = get_query("agency_tasks")
    if ok:
        assert q.bind({"agency": "市水利局", "limit": value})["limit"] == int(value)
        return
    with pytest.raises(QueryError, match=r"parameter 'limit' must be an integer from 0 to 2,147,483,647"):
        q.bind({"agency": "市水利局", "limit": value})
