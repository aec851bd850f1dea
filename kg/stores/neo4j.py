"""The Neo4j store (production): the official driver, connection from KG_NEO4J_* variables.

Constraints and indexes come from the schema; a document's statements (kg.stores.cypher)
run in one write transaction, so a document is written whole or not at all; queries run
in read transactions, where the server refuses writes.
"""

from __future__ import annotations

from typing import Any, Callable

import neo4j
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from govkg.errors import QueryError, StoreError
from kg.model import DocumentGraph
from kg.schema import load_schema
from govkg.settings import Settings
from kg.stores import cypher
from kg.stores.base import Store

BATCH_ROWS = 10_000  # rows per UNWIND statement; a large document becomes several, one transaction
CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"  # Neo4j ≥ 5.23


class Neo4jStore(Store):
    name = "neo4j"

    def __init__(self, settings: Settings | None = None, *, check_schema: bool = True):
        """Connect and create the schema's constraints. The data lives on the Neo4j server,
        not in KG_DATA_DIR, so no schema version is kept for it (`check_schema` is ignored):
        reload after an upgrade that changes the schema."""
        self.settings = settings or Settings.from_env()
        self.driver = _connect(self.settings)
        self._ensure_schema()

    def write_document(self, graph: DocumentGraph) -> None:
        writes = cypher.delete_edges(graph.doc) + cypher.write_statements(graph)
        keep = cypher.node_keys(graph)
        self._write(graph.doc, lambda touched: writes + cypher.delete_orphans(touched - keep))

    def delete_document(self, doc: str) -> None:
        self._write(doc, lambda touched: cypher.delete_edges(doc) + cypher.delete_orphans(touched)
                    + cypher.delete_owned(doc))

    def document_hash(self, doc: str) -> str | None:
        rows = self.query(cypher.document_hash_query(), {"doc": doc})
        return rows[0]["hash"] if rows else None

    def query(self, cypher_text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [{k: plain(v) for k, v in record.items()} for record in tx.run(cypher_text, params or {})]

        try:
            with self._session() as session:
                return session.execute_read(work)
        except Neo4jError as exc:
            raise QueryError(f"query refused: {_one_line(exc.message or exc)}") from None
        except DriverError as exc:
            raise StoreError(f"Neo4j: {_one_line(exc)}", where=self.settings.neo4j_uri) from None

    def stats(self) -> dict[str, dict[str, int]]:
        schema = load_schema()
        return {"nodes": {n: self._count(cypher.count_nodes(n)) for n in schema.nodes},
                "edges": {t: self._count(cypher.count_edges(t)) for t in schema.edges}}

    def clear(self) -> None:
        # in batches, in auto-commit transactions: one transaction could not hold a large graph
        self._run_autocommit(CLEAR)

    def close(self) -> None:
        self.driver.close()

    # -- internals -------------------------------------------------------------------------

    def _session(self) -> neo4j.Session:
        return self.driver.session(database=self.settings.neo4j_database)

    def _write(self, doc: str, plan: Callable[[set[cypher.Key]], list[cypher.Statement]]) -> None:
        """One transaction: read the ends of the document's current edges, then run `plan`."""
        def work(tx: neo4j.ManagedTransaction) -> None:
            rows = [dict(record) for record in tx.run(cypher.touched_query(), {"doc": doc})]
            for statement in plan(cypher.touched_keys(rows)):
                for part in batched(statement, BATCH_ROWS):
                    tx.run(part.cypher, part.params).consume()

        try:
            with self._session() as session:
                session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"document {doc} not written: {_one_line(exc)}", where=self.settings.neo4j_uri) from None

    def _count(self, text: str) -> int:
        return int(self.query(text)[0]["n"])

    def _run_autocommit(self, text: str) -> None:
        try:
            with self._session() as session:
                session.run(text).consume()
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"Neo4j refused {text[:40]}…: {_one_line(exc)}", where=self.settings.neo4j_uri) from None

    def _ensure_schema(self) -> None:
        for text in schema_statements():
            self._run_autocommit(text)


def schema_statements() -> list[str]:
    """A uniqueness constraint on `id` per label, indexes on the schema's `indexes:` and on
    every edge type's `doc` (what delete_document looks up). Idempotent (IF NOT EXISTS)."""
    nodes, edges = cypher.index_targets()
    out = []
    for lab, prop in nodes:
        name = f"govkg_{lab.lower()}_{prop}"
        if prop == "id":
            out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{lab}) REQUIRE n.id IS UNIQUE")
        else:
            out.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{lab}) ON (n.{prop})")
    out += [f"CREATE INDEX govkg_{t.lower()}_doc IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.doc)" for t in edges]
    return out


def batched(statement: cypher.Statement, size: int) -> list[cypher.Statement]:
    """Split the one list parameter of a statement (`$rowsN`, `$orphansN`) into `size` rows each."""
    lists = [(k, v) for k, v in statement.params.items() if isinstance(v, list)]
    if len(lists) != 1 or len(lists[0][1]) <= size:
        return [statement]
    key, rows = lists[0]
    return [cypher.Statement(statement.cypher, {**statement.params, key: rows[i:i + size]})
            for i in range(0, len(rows), size)]


def plain(value: Any) -> Any:
    """Driver values to plain Python: nodes and relationships become dicts of properties."""
    if isinstance(value, Node):
        return {**{k: plain(v) for k, v in value.items()}, "_labels": sorted(value.labels)}
    if isinstance(value, Relationship):
        return {**{k: plain(v) for k, v in value.items()}, "_type": value.type}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "edges": [plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Time
        return value.iso_format()
    return value


def _connect(settings: Settings) -> neo4j.Driver:
    if not settings.neo4j_uri:
        raise StoreError("KG_NEO4J_URI not set", where="KG_STORE=neo4j", hint="e.g. bolt://127.0.0.1:7687")
    if not settings.neo4j_password:
        raise StoreError("KG_NEO4J_PASSWORD not set", where="KG_STORE=neo4j")
    driver = neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password))
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, Neo4jError, DriverError) as exc:
        driver.close()
        raise StoreError(f"cannot reach Neo4j: {_one_line(exc)}", where=settings.neo4j_uri,
                         hint="start it with `docker compose up -d`") from None
    return driver


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())
