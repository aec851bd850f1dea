"""Relation extractors, found by name. Each takes one document's view (loaders.view: the body
in simplified characters, its outline and the spans the pipeline of loaders.spans.nlp marked)
and returns the facts it found, each naming the rule that read it."""

from __future__ import annotations

import importlib
from typing import Callable

from govkg.errors import KgError
from loaders.records import Facts
from loaders.view import DocumentView

Extractor = Callable[[DocumentView], Facts]

# Modules whose import registers extractors; order is the order they run in.
MODULES = ("acts", "tasks", "groups", "places", "duties")
_REGISTRY: dict[str, Extractor] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    def register(func: Extractor) -> Extractor:
        _REGISTRY[name] = func
        return func
    return register


def _load() -> None:
    for module in MODULES:
        try:
            importlib.import_module(f"loaders.extract.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"loaders.extract.{module}":
                raise


def registered() -> dict[str, Extractor]:
    _load()
    return dict(_REGISTRY)


def get_extractor(name: str) -> Extractor:
    extractors = registered()
    if name not in extractors:
        raise KgError(f"unknown extractor {name!r}", hint=f"known: {', '.join(sorted(extractors))}")
    return extractors[name]


def run_extractors(view: DocumentView, names: list[str] | None = None) -> Facts:
    facts = Facts()
    for name in names or list(registered()):
        facts.extend(get_extractor(name)(view))
    return facts
