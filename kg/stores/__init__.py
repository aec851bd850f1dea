"""Stores found by name (`KG_STORE`): an unknown name lists the valid ones."""

from __future__ import annotations

from importlib import import_module

from govkg.errors import StoreError
from govkg.settings import Settings
from kg.stores.base import Store

# name -> "module:class"; imported on use, so the embedded store never loads the neo4j driver
STORES: dict[str, str] = {
    "embedded": "kg.stores.falkor:FalkorStore",
    "neo4j": "kg.stores.neo4j:Neo4jStore",
}


def open_store(settings: Settings | None = None, *, check_schema: bool = True) -> Store:
    """The store `settings.store` names, connected (the embedded server started if needed),
    its schema version checked unless `check_schema` is False (kg.stores.version)."""
    settings = settings or Settings.from_env()
    try:
        target = STORES[settings.store]
    except KeyError:
        raise StoreError(f"unknown store {settings.store!r}", where="KG_STORE",
                         hint=f"valid: {', '.join(STORES)}") from None
    module, cls = target.split(":")
    return getattr(import_module(module), cls)(settings, check_schema=check_schema)


__all__ = ["STORES", "Store", "open_store"]


def status(settings: Settings) -> dict:
    """The store KG_STORE names and whether it answers: for the embedded store its server's
    pid, socket and data directory; for Neo4j its URI, user and database."""
    if settings.store == "embedded":
        from kg.stores.server import server_for

        return {"store": "embedded", **server_for(settings).status()}
    if settings.store == "neo4j":
        from kg.stores.neo4j import _connect

        info = {"store": "neo4j", "uri": settings.neo4j_uri, "user": settings.neo4j_user,
                "database": settings.neo4j_database or "(the server's default)"}
        try:
            _connect(settings).close()
        except StoreError as exc:
            return {**info, "answers": False, "error": exc.line()}
        return {**info, "answers": True}
    raise StoreError(f"unknown store {settings.store!r}", where="KG_STORE", hint=f"valid: {', '.join(STORES)}")


# When the store was last loaded: the `modified` date of an RDF export, which must come from
# the data and not from the clock, so that two exports of one store are the same bytes.
def _stamp(settings: Settings):
    return settings.data_dir / f"loaded.{settings.store}.{settings.graph}"


def mark_loaded(settings: Settings, when=None) -> None:
    """Note that a load changed the store (now, or `when`)."""
    from datetime import datetime, timezone

    when = when or datetime.now(timezone.utc).replace(microsecond=0)
    path = _stamp(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(when.isoformat(), encoding="utf-8")


def last_loaded(settings: Settings):
    """The time a load last changed the store, if this data directory saw it; None after a
    clear, or for a store loaded elsewhere."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(_stamp(settings).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def forget_loaded(settings: Settings) -> None:
    _stamp(settings).unlink(missing_ok=True)
