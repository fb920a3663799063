"""The explorer page: /explore/{id} and its assets (the page's own files and cytoscape.js).

The page is static; it reads the id from its own address and asks /graphql for everything,
each document by its hash (a persisted query, server/page_documents.py), so no data is rendered
into HTML here and nothing a user typed reaches the markup.
"""

import functools
import html
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from model.ids import is_id, kind_name
from server.page_documents import PAGE_HASHES, PAGE_QUERIES

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
# Only cytoscape's built files are served, never the rest of node_modules.
CYTOSCAPE = WEB / "node_modules" / "cytoscape" / "dist"

# The page's scripts, styles and data all come from this origin; cytoscape draws on a canvas
# and sets inline styles on its container.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# An old `?token=` sign-in link must not travel on in the Referer of the page's own requests
# (its styles and scripts load before its script takes the token out of the address).
HEADERS = {"content-security-policy": CSP, "referrer-policy": "no-referrer"}
MISSING = (
    "<!doctype html><title>peergraph explorer</title><h1>The explorer page is not installed"
    "</h1><p>Its browser libraries are missing: run <code>make setup</code> (it runs "
    "<code>npm ci</code> in <code>web/</code>), then reload.</p>"
)


@functools.cache
def page_html() -> str:
    """The page, read and given its documents' hashes (name -> sha256) once per process."""
    page = (STATIC / "explore.html").read_text("utf-8")
    return page.replace("{{PAGE_DOCUMENT_HASHES}}", html.escape(json.dumps(PAGE_HASHES)))


def page_kind(node_id: str) -> str:
    """What the address names, for the page to pick its query: ids are opaque to clients, so
    the service that made them says (empty for the search page or an id of no known shape)."""
    return kind_name(node_id) if is_id(node_id) else ""


async def explore_page(request: Request) -> Response:
    if not (CYTOSCAPE / "cytoscape.min.js").is_file():
        return HTMLResponse(MISSING, status_code=503)
    kind = page_kind(request.path_params.get("id", ""))
    return HTMLResponse(page_html().replace("{{PAGE_KIND}}", kind), headers=HEADERS)


async def page_document(request: Request) -> Response:
    """A page document's text by its operation name, for a service that forgot its hash."""
    text = PAGE_QUERIES.get(request.path_params["name"])
    if text is None:
        return PlainTextResponse("no page document has that name", status_code=404)
    return PlainTextResponse(text, media_type="application/graphql; charset=utf-8")


def routes() -> list[BaseRoute]:
    return [
        Route("/explore", explore_page),
        Route("/explore/{id:path}", explore_page),
        Route("/assets/queries/{name}.graphql", page_document),
        Mount("/assets/vendor", StaticFiles(directory=CYTOSCAPE, check_dir=False)),
        Mount("/assets", StaticFiles(directory=STATIC)),
    ]
