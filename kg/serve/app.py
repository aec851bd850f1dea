"""The explorer as a Starlette application: HTML pages for people and the same data as JSON
under /api for scripts and tests.

URL contract (stable):
    /                               search box            /api/search?q=…&type=…&limit=…
    /search?q=…&type=…              results               /api/entity/<id>
    /entity/<id>                    one page per node     /api/neighbourhood/<id>
    /edge/<id>?doc=<文号>            a fact's evidence     /api/edge/<id>?doc=…
    /query, /query/<name>?…         canned query forms    /api/query, /api/query/<name>?…&format=json|csv
    /review, /review/decisions      queue, decisions      /api/review/queue, /api/review/decisions
    POST /review/decide, /review/undo (forms)          POST /api/review, /api/review/undo (JSON)
Ids are percent-encoded in paths (a document's id is its 文号). Writes need `--review`.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from urllib.parse import quote, urlsplit

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from govkg.errors import KgError
from kg.serve import api, pages
from kg.serve.errors import Refused, status_of
from kg.serve.state import Explorer

PACKAGE = resources.files("kg.serve")
RELATION_COLOURS = {"LEADS": "#d62728", "COOPERATES_ON": "#ff7f0e", "RESPONSIBLE_FOR": "#8c564b",
                    "APPOINTED_TO": "#2ca02c", "REMOVED_FROM": "#7f7f7f", "POST_OF": "#bcbd22",
                    "MEMBER_OF": "#9467bd", "OFFICE_AT": "#e377c2", "PART_OF": "#17becf",
                    "STATED_IN": "#aec7e8", "CONCERNS": "#1f77b4", "MENTIONS": "#c7c7c7", "ISSUED_BY": "#98df8a"}
NODE_COLOURS = {"Agency": "#4e79a7", "Official": "#f28e2b", "Post": "#edc948", "Task": "#59a14f",
                "Document": "#9c755f", "River": "#76b7b2", "District": "#b07aa1", "Program": "#e15759"}


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(PACKAGE / "templates"))
    found.env.filters["q"] = lambda value: quote(str(value), safe="")
    found.env.globals.update(relation_colours=RELATION_COLOURS, node_colours=NODE_COLOURS)
    return found


def create_app(explorer: Explorer, allowed_hosts: list[str] | None = None) -> Starlette:
    """The application over an open store; `allowed_hosts` guards against DNS rebinding (a
    page elsewhere that names this loopback server by a host name of its own)."""

    @asynccontextmanager
    async def lifespan(app: Starlette):
        explorer.search_index()  # build or check the search index before the first request
        yield

    routes = [
        Route("/", pages.home), Route("/search", pages.search), Route("/entity/{id:path}", pages.entity),
        Route("/edge/{id:path}", pages.edge), Route("/query", pages.queries), Route("/query/{name}", pages.query),
        Route("/review", pages.review_queue), Route("/review/decisions", pages.decisions),
        Route("/review/decide", pages.decide, methods=["POST"]), Route("/review/undo", pages.undo, methods=["POST"]),
        Route("/api/search", api.search), Route("/api/entity/{id:path}", api.entity),
        Route("/api/neighbourhood/{id:path}", api.neighbourhood), Route("/api/edge/{id:path}", api.edge),
        Route("/api/query", api.queries), Route("/api/query/{name}", api.query),
        Route("/api/review/queue", api.review_queue), Route("/api/review/decisions", api.decisions),
        Route("/api/review", api.decide, methods=["POST"]), Route("/api/review/undo", api.undo, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["*"])]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error, KgError: _kg_error, Exception: _crash})
    app.state.kg = explorer
    app.state.templates = templates()
    return app


def same_origin(request: Request) -> None:
    """A write must come from this server's own pages: a browser names the page's origin."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Refused(f"a write from {origin} is refused", where="kg serve", hint="review from the explorer's own pages")


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "ex": request.app.state.kg}, status_code=status)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = {404: "no such page", 405: "this page does not take that method"}.get(exc.status_code, str(exc.detail))
    return error_response(request, exc.status_code, message)


async def _kg_error(request: Request, exc: KgError) -> Response:
    return error_response(request, status_of(exc), exc.line())


async def _crash(request: Request, exc: Exception) -> Response:
    """Anything else: one line to the reader; the server logs the traceback (uvicorn)."""
    return error_response(request, 500, f"internal error ({type(exc).__name__}); the server's log has the details")
