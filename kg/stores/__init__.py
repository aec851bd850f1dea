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


def open_store(settings: Settings | None = None) -> Store:
    """The store `settings.store` names, connected (the embedded server started if needed)."""
    settings = settings or Settings.from_env()
    try:
        target = STORES[settings.store]
    except KeyError:
        raise StoreError(f"unknown store {settings.store!r}", where="KG_STORE",
                         hint=f"valid: {', '.join(STORES)}") from None
    module, cls = target.split(":")
    return getattr(import_module(module), cls)(settings)


__all__ = ["STORES", "Store", "open_store"]
