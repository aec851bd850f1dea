"""The explorer's JSON: the data of every page (kg.serve.views), the search, the canned
queries as JSON or CSV, and decisions posted as JSON when the server runs with --review."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from govkg.errors import QueryError
from kg.queries import get_query
from kg.serve import explore, forms, views
from kg.serve.errors import NotFound
from kg.serve.search import TYPES


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _limit(request: Request, default: int, most: int = 500) -> int:
    raw = request.query_params.get("limit", str(default))
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise QueryError(f"limit must be a whole number from 1 to {most}, not {raw!r}", where="api")
    return int(raw)


def search(request: Request) -> Response:
    type_ = request.query_params.get("type") or None
    if type_ and type_ not in TYPES:
        raise QueryError(f"unknown type {type_!r}", where="search", hint=f"types: {', '.join(TYPES)}")
    q = request.query_params.get("q", "")
    results = request.app.state.kg.search(q, type_, _limit(request, 50))
    return _json({"q": q, "type": type_, "results": results})


def entity(request: Request) -> Response:
    return _json(views.entity(request.app.state.kg, request.path_params["id"]))


def neighbourhood(request: Request) -> Response:
    ex, node_id = request.app.state.kg, request.path_params["id"]
    found = explore.neighbourhood(ex.store, node_id, ex.label_hint(node_id), _limit(request, 6, 50))
    found["nodes"] = [{**n, "name": ex.redact(n["name"])} for n in found["nodes"]]
    return _json(found)


def edge(request: Request) -> Response:
    return _json(views.evidence(request.app.state.kg, request.path_params["id"], request.query_params.get("doc")))


def queries(request: Request) -> Response:
    return _json(forms.listing())


def query(request: Request) -> Response:
    name = request.path_params["name"]
    try:
        get_query(name)
    except QueryError as exc:
        raise NotFound(exc.message, hint=exc.hint) from None
    given = dict(request.query_params)
    fmt = given.pop("format", "json")
    if fmt not in ("json", "csv"):
        raise QueryError(f"format must be json or csv, not {fmt!r}", where="api")
    rows, notes = forms.run(request.app.state.kg.store, name, given, request.app.state.kg.include_contacts)
    if fmt == "csv":
        return Response(forms.as_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return _json({"query": name, "rows": rows, "notes": notes})


def review_queue(request: Request) -> Response:
    return _json(views.queue(request.app.state.kg, _limit(request, 100)))


def decisions(request: Request) -> Response:
    return _json(views.decisions(request.app.state.kg))


async def apply_decision(request: Request, fields: dict[str, str]):
    """Check that writes are allowed and come from this server, build the target, decide,
    and index again the nodes the decision touched."""
    from kg.review import decide as record
    from kg.review.targets import target_for
    from kg.serve.app import same_origin

    ex = request.app.state.kg
    ex.require_review()
    same_origin(request)
    kind = (fields.get("kind") or "").strip()

    def work():
        target = target_for(ex.store, kind, fields)
        found, applied = record(ex.store, ex.settings, kind, target, ex.reviewer, fields.get("why", ""))
        ex.reindex(applied.nodes)
        return found, applied

    found, applied = await run_in_threadpool(work)
    return found, applied, found.summary()


async def apply_undo(request: Request, fields: dict[str, str]):
    from kg.review import undo as take_back
    from kg.serve.app import same_origin

    ex = request.app.state.kg
    ex.require_review()
    same_origin(request)

    def work():
        found, applied = take_back(ex.store, ex.settings, (fields.get("decision") or "").strip(), ex.reviewer,
                                   fields.get("why", ""))
        ex.reindex(applied.nodes)
        return found, applied

    return await run_in_threadpool(work)


async def decide(request: Request) -> Response:
    fields = await _body(request)
    found, applied, _ = await apply_decision(request, fields)
    return _json({"decision": found.to_json(), "summary": found.summary(), "documents": applied.docs,
                  "notes": applied.notes}, 201)


async def undo(request: Request) -> Response:
    found, applied = await apply_undo(request, await _body(request))
    return _json({"decision": found.to_json(), "summary": found.summary(), "documents": applied.docs,
                  "notes": applied.notes}, 201)


async def _body(request: Request) -> dict[str, str]:
    try:
        body = await request.json()
    except ValueError:
        raise QueryError("the body must be a JSON object", where="api") from None
    if not isinstance(body, dict):
        raise QueryError("the body must be a JSON object", where="api")
    return {k: str(v) for k, v in body.items() if v is not None}
