"""Store fixtures: one store per backend, and a factory of hand-built DocumentGraphs.

The embedded store runs in a temporary KG_DATA_DIR for the test session. Neo4j runs only
when KG_NEO4J_URI is set — point it at a scratch server: the tests clear the database.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, Iterator

import pytest

from govkg.ids import content_hash, make_id
from kg.model import DocumentGraph, Edge, Node
from kg.schema import load_schema
from govkg.settings import Settings
from kg.stores import open_store
from kg.stores.base import Store

BACKENDS = ["embedded", "neo4j"]


@pytest.fixture(scope="session")
def kg_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("kgdata")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_DATA_DIR", str(path))
        yield path


@pytest.fixture(scope="session", params=BACKENDS)
def session_store(request: pytest.FixtureRequest, kg_data_dir: Any) -> Iterator[Store]:
    if request.param == "neo4j" and not os.environ.get("KG_NEO4J_URI"):
        pytest.skip("KG_NEO4J_URI not set")
    settings = dataclasses.replace(Settings.from_env(), store=request.param, graph="contract")
    store = open_store(settings)
    yield store
    store.clear()
    store.close()
    if request.param == "embedded":
        store.server.stop()


@pytest.fixture
def store(session_store: Store) -> Store:
    """A store of each backend, emptied before the test."""
    session_store.clear()
    return session_store


class GraphFactory:
    """Small DocumentGraphs with deterministic ids; labels and types checked by the schema."""

    def __init__(self) -> None:
        self.schema = load_schema()

    def node(self, label: str, key: str, **props: Any) -> Node:
        self.schema.node(label)
        return Node(label, make_id(label, key), {"name": key, **props})

    def agency(self, name: str, **props: Any) -> Node:
        return self.node("Agency", name, kind="department", known=True, **props)

    def task(self, doc: str, item: str, text: str = "任务") -> Node:
        return Node("Task", make_id("Task", doc, item), {"doc": doc, "item": item, "text": text})

    def document(self, doc: str, **props: Any) -> Node:
        return Node("Document", doc, {"title": f"关于{doc}的通知", "date": "2020-02-15", **props})

    def edge(self, doc: str, source: Node, type_: str, target: Node, **props: Any) -> Edge:
        self.schema.edge(type_)
        edge_id = make_id("edge", doc, type_, source.id, target.id)
        base = {"doc": doc, "evidence": f"{source.id} {type_} {target.id}", "rule": "test",
                "date": "2020-02-15", "page": 1, "span": [0, 10]}
        return Edge(type_, source, target, edge_id, {**base, **props})

    def graph(self, doc: str, facts: list[tuple[Node, str, Node]], version: str = "v1",
              nodes: tuple[Node, ...] = ()) -> DocumentGraph:
        """A document stating `facts` as (source, type, target); its Document node included."""
        edges = [self.edge(doc, s, t, o) for s, t, o in facts]
        ends = {(n.label, n.id): n for e in edges for n in (e.source, e.target)}
        all_nodes = [self.document(doc), *ends.values(), *nodes]
        return DocumentGraph(doc, content_hash(f"{doc}:{version}"), all_nodes, edges)

    def task_document(self, doc: str, leads: str, cooperates: list[str], items: int = 2,
                      version: str = "v1") -> DocumentGraph:
        """A work plan: `items` tasks, each led by one agency with others cooperating."""
        document = self.document(doc)
        facts: list[tuple[Node, str, Node]] = []
        for i in range(1, items + 1):
            task = self.task(doc, str(i), f"第{i}项任务（{version}）")
            facts += [(self.agency(leads), "LEADS", task), (task, "STATED_IN", document)]
            facts += [(self.agency(name), "COOPERATES_ON", task) for name in cooperates]
        return self.graph(doc, facts, version)


@pytest.fixture
def factory() -> GraphFactory:
    return GraphFactory()


def dump(store: Store) -> list[str]:
    """Every node and edge with its properties, as sorted JSON lines: equal dumps, equal graphs."""
    nodes = store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = store.query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, "
                        "properties(r) AS props")
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in nodes + edges)


def ids(store: Store) -> tuple[set[str], set[str]]:
    """Node ids and edge ids in the store."""
    nodes = {row["id"] for row in store.query("MATCH (n) RETURN n.id AS id")}
    edges = {row["id"] for row in store.query("MATCH ()-[r]->() RETURN r.id AS id")}
    return nodes, edges
