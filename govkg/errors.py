"""Typed errors. The CLI prints any KgError as one line; nothing else should escape."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error govkg reports to a user."""

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class SchemaError(KgError):
    """ontology/schema.yaml (or a gazetteer) is malformed."""


class InputError(KgError):
    """A file cannot be read as a document: empty, binary, encrypted, truncated, too large."""


class QueryError(KgError):
    """A canned query or its parameters are wrong, or a query was refused."""


class StoreError(KgError):
    """The graph store cannot be reached, started or written."""
