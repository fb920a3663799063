"""The explorer page: /explore/{id} and its assets (the page's own files and cytoscape.js).

The page is static; it reads the id from its own address and asks /graphql for everything,
the profile through the ProfilePage query's hash (a persisted query), so no data is rendered
into HTML here and nothing a user typed reaches the markup.
"""

import functools
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from schema import PROFILE_PAGE
from server.persisted import sha256

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
MISSING = (
    "<!doctype html><title>peergraph explorer</title><h1>The explorer page is not installed"
    "</h1><p>Its browser libraries are missing: run <code>make setup</code> (it runs "
    "<code>npm ci</code> in <code>web/</code>), then reload.</p>"
)


@functools.cache
def page_html() -> str:
    """The page, read and given the ProfilePage hash once per process."""
    html = (STATIC / "explore.html").read_text("utf-8")
    return html.replace("{{PROFILE_PAGE_HASH}}", sha256(PROFILE_PAGE))


async def explore_page(request: Request) -> Response:
    if not (CYTOSCAPE / "cytoscape.min.js").is_file():
        return HTMLResponse(MISSING, status_code=503)
    return HTMLResponse(page_html(), headers={"content-security-policy": CSP})


def routes() -> list[BaseRoute]:
    return [
        Route("/explore", explore_page),
        Route("/explore/{id:path}", explore_page),
        Mount("/assets/vendor", StaticFiles(directory=CYTOSCAPE, check_dir=False)),
        Mount("/assets", StaticFiles(directory=STATIC)),
    ]
