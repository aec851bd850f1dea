"""The embedded store: FalkorDB on a unix socket, started and stopped by govkg itself.

A document is written by ONE graph query: its statements (delete the old version's edges,
then each `UNWIND $rows` MERGE) are chained with `WITH count(*)`. FalkorDB undoes a query
that fails half-way, so the document is written whole or not at all. (A redis MULTI would
not do: it runs the commands after a failed one and keeps the ones before.) Nodes left
unused are deleted by a second query; see kg/stores/cypher.py for why.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import redis
from falkordb import Edge, FalkorDB, Node, Path
from falkordb.helpers import stringify_param_value

from govkg.errors import QueryError, SchemaError, StoreError
from kg.model import DocumentGraph
from kg.schema import load_schema
from govkg.settings import Settings
from kg.stores import batch, cypher, version
from kg.stores.base import Store
from kg.stores.server import FalkorServer

T = TypeVar("T")
SCHEMA_TIMEOUT = 60.0  # seconds a schema call may take before the server is taken as wedged


class FalkorStore(Store):
    name = "embedded"

    def __init__(self, settings: Settings | None = None, *, check_schema: bool = True):
        """Connect (starting the server if needed). The graph's schema version is checked
        first (kg.stores.version): `check_schema=False` is for `kg migrate` and `kg store clear`."""
        self.settings = settings or Settings.from_env()
        self.server = FalkorServer(self.settings.data_dir)
        self._connect()
        try:
            if check_schema:
                version.check(self.settings.data_dir, self.settings.graph, self._graph_exists)
            self._ensure_indexes()
        except BaseException:
            self.db.close()
            raise

    def write_document(self, graph: DocumentGraph) -> None:
        writes = chain(cypher.delete_edges(graph.doc) + cypher.write_statements(graph))
        touched = self._touched(graph.doc)
        self._write(writes, f"document {graph.doc}")
        # a separate query: it deletes nodes, which FalkorDB must never undo after creating some
        self._delete_orphans(touched - cypher.node_keys(graph), graph.doc)

    def write_documents(self, graphs: list[DocumentGraph]) -> None:
        """Several documents to a query (kg.stores.batch), leaving what one by one leaves."""
        touched = self._touched_by_doc([g.doc for g in graphs])
        for group in batch.plan_groups(graphs, touched):
            if len(group) > 1:
                try:
                    self._write(chain(batch.group_statements(group)), f"documents {group[0].doc} … {group[-1].doc}")
                except (StoreError, SchemaError):  # undone whole: write one by one to name the culprit
                    pass
                else:
                    self._delete_orphans(batch.dropped(group, touched), group[-1].doc)
                    continue
            for graph in group:
                self.write_document(graph)

    def delete_document(self, doc: str) -> None:
        statements = cypher.delete_edges(doc) + cypher.delete_orphans(self._touched(doc)) + cypher.delete_owned(doc)
        self._write(chain(statements), f"document {doc}")

    def document_hash(self, doc: str) -> str | None:
        rows = self.query(cypher.document_hash_query(), {"doc": doc})
        return rows[0]["hash"] if rows else None

    def query(self, cypher_text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._retry(lambda: self.graph.ro_query(cypher_text, params or None))
        except (redis.ResponseError, ValueError) as exc:
            raise QueryError(f"query refused: {exc}") from None
        columns = [name for _type, name in result.header]
        return [dict(zip(columns, map(plain, row))) for row in result.result_set]

    def stats(self) -> dict[str, dict[str, int]]:
        schema = load_schema()
        return {"nodes": {n: self._count(cypher.count_nodes(n)) for n in schema.nodes},
                "edges": {t: self._count(cypher.count_edges(t)) for t in schema.edges}}

    def clear(self) -> None:
        try:
            self._retry(self.graph.delete)
        except redis.ResponseError as exc:
            if "empty key" not in str(exc):  # deleting a graph that has no key yet is fine
                raise StoreError(f"could not clear the graph: {exc}") from None
        self._ensure_indexes()
        version.record(self.settings.data_dir, self.settings.graph)  # empty: of the current schema

    def close(self) -> None:
        try:
            self.server.compact(wait=False)  # bounds what a restart after a crash replays
        except redis.RedisError:
            pass  # the server is gone: nothing to compact
        self.db.close()

    # -- internals -------------------------------------------------------------------------

    def _connect(self) -> None:
        socket = self.server.ensure_running()
        self.db = FalkorDB(unix_socket_path=str(socket))
        self.graph = self.db.select_graph(self.settings.graph)

    def _graph_exists(self) -> bool:
        return bool(self._retry(lambda: self.db.connection.exists(self.settings.graph)))

    def _retry(self, call: Callable[[], T]) -> T:
        """Run once more after reconnecting when the server went away (another process that
        had started it exited); writes are idempotent, so repeating one is safe."""
        try:
            return call()
        except (redis.ConnectionError, redis.TimeoutError):
            self._connect()
            return call()

    def _write(self, statement: cypher.Statement, what: str) -> None:
        text = with_params(statement)
        if "\x00" in text:
            raise StoreError(f"{what}: a value contains a NUL character, which FalkorDB cannot store")
        try:
            self._retry(lambda: self.graph.query(text))
        except redis.ResponseError as exc:
            raise StoreError(f"{what} not written: {exc}") from None

    def _touched(self, doc: str) -> set[cypher.Key]:
        return cypher.touched_keys(self.query(cypher.touched_query(), {"doc": doc}))

    def _touched_by_doc(self, docs: list[str]) -> dict[str, set[cypher.Key]]:
        out: dict[str, set[cypher.Key]] = {}
        for i in range(0, len(docs), 500):
            for row in self.query(batch.touched_query(), {"docs": docs[i:i + 500]}):
                out.setdefault(row["doc"], set()).update(cypher.touched_keys([row]))
        return out

    def _delete_orphans(self, keys: set[cypher.Key], doc: str) -> None:
        if keys:
            self._write(chain(cypher.delete_orphans(keys)), f"document {doc} (unused nodes)")

    def _count(self, text: str) -> int:
        return int(self._retry(lambda: self.graph.ro_query(text)).result_set[0][0])

    def _ensure_indexes(self) -> None:
        """Create the schema's indexes that are missing (once per open; cheap when present).
        These calls answer at once (FalkorDB fills an index in the background), so a server
        silent past SCHEMA_TIMEOUT is wedged, not busy: it is ended and started again once,
        and a second silence is an error rather than a wait without end."""
        try:
            self._create_missing_indexes()
        except redis.ConnectionError:  # the server went away (another process stopped it)
            self._connect()
            self._create_missing_indexes()
        except redis.TimeoutError:
            self.db.close()
            self.server.stop(force=True)
            self._connect()
            try:
                self._create_missing_indexes()
            except redis.TimeoutError:
                raise StoreError(f"the store did not answer within {SCHEMA_TIMEOUT:.0f} s while creating its "
                                 "indexes, twice", where=str(self.server.logfile),
                                 hint="see the log; `kg store stop --force` ends the server") from None

    def _create_missing_indexes(self) -> None:
        schema = FalkorDB(unix_socket_path=str(self.server.socket), socket_timeout=SCHEMA_TIMEOUT)
        graph = schema.select_graph(self.settings.graph)
        try:
            nodes, edges = cypher.index_targets()
            existing = existing_indexes(graph)
            wanted = [(f"(n:{lab})", f"n.{prop}", (lab, prop)) for lab, prop in nodes]
            wanted += [(f"()-[n:{typ}]-()", "n.doc", (typ, "doc")) for typ in edges]
            missing = [(pattern, prop) for pattern, prop, key in wanted if key not in existing]
            for pattern, prop in missing:
                graph.query(f"CREATE INDEX FOR {pattern} ON ({prop})")
        finally:
            schema.close()
        if missing:  # into the snapshot, so that replaying later writes can use them
            self.server.compact(force=True)


def existing_indexes(graph) -> set[tuple[str, str]]:
    try:
        rows = graph.ro_query("CALL db.indexes()").result_set
    except redis.ResponseError:
        return set()  # a graph with no key yet has no indexes
    return {(row[0], prop) for row in rows for prop in row[1]}


def chain(statements: list[cypher.Statement]) -> cypher.Statement:
    """One query from many write statements: `WITH count(*)` ends a stage with one row, so the
    next stage runs once whatever the previous one matched (zero rows included)."""
    params: dict[str, Any] = {}
    for statement in statements:
        for key, value in statement.params.items():
            if key in params and params[key] != value:
                raise StoreError(f"parameter ${key} has two values in one write")
            params[key] = value
    joints = [f" WITH count(*) AS _stage{i} " for i in range(1, len(statements))]
    text = statements[0].cypher + "".join(j + s.cypher for j, s in zip(joints, statements[1:]))
    return cypher.Statement(text, params)


def with_params(statement: cypher.Statement) -> str:
    """The `CYPHER name=value …` header FalkorDB reads parameters from, then the query.
    (Names are ours: rows0, doc, orphans1.)"""
    values = " ".join(f"{cypher.ident(k)}={literal(v)}" for k, v in statement.params.items())
    return f"CYPHER {values} {statement.cypher}"


def literal(value: Any) -> str:
    """`value` as the falkordb client's `stringify_param_value` writes it, faster for the
    values writes carry (rows of str, int, float, bool, lists and maps): on a bulk load the
    client spent as long quoting parameters as the server took to parse them."""
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind is dict and all(type(k) is str and k and "`" not in k for k in value):
        return "{" + ",".join(f"`{k}`:{literal(v)}" for k, v in value.items()) + "}"
    if kind is list:
        return "[" + ",".join(map(literal, value)) + "]"
    if kind is int or kind is float or kind is bool:
        return str(value)
    return stringify_param_value(value)


def plain(value: Any) -> Any:
    """Driver values to plain Python: nodes and edges become dicts of their properties."""
    if isinstance(value, Node):
        return {**{k: plain(v) for k, v in value.properties.items()}, "_labels": list(value.labels or [])}
    if isinstance(value, Edge):
        return {**{k: plain(v) for k, v in value.properties.items()}, "_type": value.relation}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes()], "edges": [plain(e) for e in value.edges()]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
