"""The store contract: every backend implements it; one contract test suite runs on each."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from kg.model import DocumentGraph
from kg.schema import load_schema


class Store(ABC):
    """A graph store of documents' facts."""

    name: str = "store"

    @abstractmethod
    def write_document(self, graph: DocumentGraph) -> None:
        """Replace what `graph.doc` said with `graph`, atomically: all of it or none of it."""

    def write_documents(self, graphs: list[DocumentGraph]) -> None:
        """Write documents in order, leaving what `write_document` on each in turn leaves
        (a store may write several at once, each still whole or not at all)."""
        for graph in graphs:
            self.write_document(graph)

    @abstractmethod
    def delete_document(self, doc: str) -> None:
        """Remove the document, its edges, and nodes left with no edge."""

    @abstractmethod
    def document_hash(self, doc: str) -> str | None:
        """The content hash stored for a document, or None when it is not loaded."""

    def document_hashes(self) -> dict[str, str]:
        """Every stored document's content hash, to skip unchanged documents in one look-up."""
        return {doc: hash_ for doc, (hash_, _source) in self.documents().items()}

    def documents(self) -> dict[str, tuple[str, str | None]]:
        """Every stored document's content hash and the file it was read from."""
        label = load_schema().node("Document").label
        rows = self.query(f"MATCH (d:{label}) RETURN d.id AS id, d.content_hash AS hash, d.source AS source")
        return {row["id"]: (row["hash"], row["source"]) for row in rows}

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query with parameters; rows as dicts keyed by column. Writes refused."""

    @abstractmethod
    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: count}, "edges": {type: count}} for every schema label and type."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything (tests and `kg store clear`)."""

    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
