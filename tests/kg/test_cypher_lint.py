"""Every canned query passes Neo4j's own Cypher front end (syntax, semantics, functions,
parameters), run offline from the npm package @neo4j-cypher/language-support."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.queries import load_queries
from kg.schema import load_schema

LINT = Path(__file__).resolve().parents[2] / "tools" / "cypher-lint"
SAMPLE = {"string": "x", "integer": 1, "float": 1.0, "boolean": True, "date": "2020-01-01"}

pytestmark = pytest.mark.skipif(
    not shutil.which("node") or not (LINT / "node_modules").is_dir(),
    reason="node or tools/cypher-lint/node_modules missing (make install runs npm ci)")


def lint(queries: list[dict]) -> dict[str, list[dict]]:
    schema = load_schema()
    keys = sorted({p for n in schema.nodes.values() for p in n.properties} | set(schema.provenance)
                  | {p for e in schema.edges.values() for p in e.properties})
    payload = {"schema": {"labels": list(schema.nodes), "relationshipTypes": list(schema.edges),
                          "propertyKeys": keys}, "queries": queries}
    out = subprocess.run(["node", str(LINT / "lint.mjs")], input=json.dumps(payload), text=True,
                         capture_output=True, check=True, timeout=120)
    return {r["name"]: r["diagnostics"] for r in json.loads(out.stdout)}


BAD = {"name": "typo!", "cypher": "MATCH (a:Agncy) RETURN b, foo(a), $nope", "parameters": {}}


@pytest.fixture(scope="module")
def diagnostics():
    """One node run for all queries: the front end takes seconds to start."""
    queries = [{"name": q.name, "cypher": q.cypher,
                "parameters": {p.name: SAMPLE[p.type] for p in q.params}} for q in load_queries().values()]
    return lint(queries + [BAD])


def test_every_canned_query_passes_the_neo4j_lint(diagnostics):
    problems = {name: d for name, d in diagnostics.items() if d and name != BAD["name"]}
    assert problems == {}


def test_the_lint_catches_what_it_should(diagnostics):
    messages = " ".join(d["message"] for d in diagnostics[BAD["name"]])
    for expected in ("Agncy", "Variable `b` not defined", "Function foo", "$nope"):
        assert expected in messages
