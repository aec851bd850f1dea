"""The explorer's HTML pages: each handler gathers a view (kg.serve.views) and renders its
template. Handlers are plain functions: Starlette runs them in its thread pool, beside the
store's blocking client."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from govkg.errors import QueryError
from kg.queries import get_query
from kg.serve import forms, views
from kg.serve.errors import NotFound
from kg.serve.search import TYPES


def render(request: Request, name: str, **context) -> Response:
    ex = request.app.state.kg
    return request.app.state.templates.TemplateResponse(request, name, {"ex": ex, "types": TYPES, **context})


def home(request: Request) -> Response:
    return render(request, "index.html", stats=request.app.state.kg.store.stats()["nodes"])


def search(request: Request) -> Response:
    q, type_ = request.query_params.get("q", ""), request.query_params.get("type") or None
    if type_ and type_ not in TYPES:
        raise QueryError(f"unknown type {type_!r}", where="search", hint=f"types: {', '.join(TYPES)}")
    results = request.app.state.kg.search(q, type_, 100)
    return render(request, "search.html", q=q, type=type_, results=results)


def entity(request: Request) -> Response:
    view = views.entity(request.app.state.kg, request.path_params["id"])
    return render(request, "entity.html", e=view, done=request.query_params.get("done"))


def edge(request: Request) -> Response:
    view = views.evidence(request.app.state.kg, request.path_params["id"], request.query_params.get("doc"))
    return render(request, "edge.html", e=view, done=request.query_params.get("done"))


def queries(request: Request) -> Response:
    return render(request, "queries.html", queries=forms.listing())


def query(request: Request) -> Response:
    name = request.path_params["name"]
    try:
        canned = get_query(name)
    except QueryError as exc:
        raise NotFound(exc.message, hint=exc.hint) from None
    given = dict(request.query_params)
    rows, notes, asked = [], [], "run" in given
    if asked:
        rows, notes = forms.run(request.app.state.kg.store, name, given, request.app.state.kg.include_contacts)
    download = "&".join(f"{quote(k)}={quote(v)}" for k, v in given.items() if k != "run")
    return render(request, "query.html", q=canned.to_json(), fields=forms.fields(canned, given), rows=rows,
                  notes=notes, asked=asked, download=download)


def review_queue(request: Request) -> Response:
    return render(request, "review.html", queue=views.queue(request.app.state.kg))


def decisions(request: Request) -> Response:
    return render(request, "decisions.html", decisions=views.decisions(request.app.state.kg),
                  done=request.query_params.get("done"))


async def decide(request: Request) -> Response:
    from kg.serve.api import apply_decision

    fields = {k: str(v) for k, v in (await request.form()).items()}
    _, applied, summary = await apply_decision(request, fields)
    return RedirectResponse(_next(fields, f"done={quote(summary)}"), status_code=303)


async def undo(request: Request) -> Response:
    from kg.serve.api import apply_undo

    fields = {k: str(v) for k, v in (await request.form()).items()}
    found, _ = await apply_undo(request, fields)
    return RedirectResponse(_next({**fields, "next": fields.get("next") or "/review/decisions"},
                                  f"done={quote(found.summary())}"), status_code=303)


def _next(fields: dict[str, str], message: str) -> str:
    """Where a form returns: the page it names (only a path of this server), with a message."""
    target = fields.get("next") or "/review"
    if not target.startswith("/") or target.startswith("//"):
        target = "/review"
    return f"{target}{'&' if '?' in target else '?'}{message}"
