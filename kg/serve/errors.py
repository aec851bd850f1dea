"""The explorer's errors and the HTTP status each gets: a page (or JSON under /api) with the
one line a KgError prints, never a traceback."""

from __future__ import annotations

from govkg.errors import InputError, KgError, QueryError, StoreError


class NotFound(QueryError):
    """An id, a canned query or a decision that does not exist: 404."""


class ReadOnly(QueryError):
    """A write to an explorer started without --review: 403."""


class Refused(QueryError):
    """A write from another site's page (its Origin is not this server): 403."""


def status_of(exc: KgError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, (ReadOnly, Refused)):
        return 403
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, (QueryError, InputError)):
        return 400
    return 500
