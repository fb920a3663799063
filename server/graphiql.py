"""GraphiQL at /graphql, entirely from this origin: its page, its bootstrap script and styles
(web/static) and the built browser files of react, react-dom, graphiql and
@graphiql/plugin-explorer, as web/package-lock.json pins them and `make setup` installs them.

Strawberry's own page loads these from a public CDN, so offline, behind a proxy or under a
strict Content-Security-Policy it never gets past "Loading...".
"""

import functools
import html
import json
import os
from pathlib import Path

from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from schema import PROFILE_PAGE
from server.explore import STATIC, WEB

NODE_MODULES = WEB / "node_modules"
# The only files of node_modules served (under /assets/npm/, by their path there): the UMD
# builds and their styles. Package sources, manifests and everything else answer 404.
BUILT_FILES = (
    "react/umd/react.production.min.js",
    "react-dom/umd/react-dom.production.min.js",
    "graphiql/graphiql.min.js",
    "graphiql/graphiql.min.css",
    "@graphiql/plugin-explorer/dist/index.umd.js",
    "@graphiql/plugin-explorer/dist/style.css",
)
NPM_PREFIX = "/assets/npm"
# What GraphiQL opens on, unless the address carries ?q= or ?variables=.
PROFILE_VARIABLES = {"id": "A-jian-jiao"}

# Scripts, styles and requests stay on this origin, as on the explorer page. GraphiQL's
# stylesheet embeds its fonts and a few images as data: URLs, and its dialogs add <style>
# elements (react-remove-scroll-bar): without 'unsafe-inline' for styles, opening one fails.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
# The address holds the query and its variables (?q=, ?variables=): they go no further.
HEADERS = {"content-security-policy": CSP, "referrer-policy": "no-referrer"}
MISSING = (
    "<!doctype html><title>GraphiQL</title><p>GraphiQL is not installed here: run "
    "<code>make setup</code> (it runs <code>npm ci</code> in <code>web/</code>), then reload.</p>"
)


class BuiltFiles(StaticFiles):
    """node_modules, but only the files named in BUILT_FILES."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if Path(path).as_posix() not in BUILT_FILES:
            return "", None
        return super().lookup_path(path)


def installed() -> bool:
    return all((NODE_MODULES / name).is_file() for name in BUILT_FILES)


@functools.cache
def page_html() -> str:
    """The page, given the query and variables it opens with, once per process. They go into
    attributes, escaped: the page has no inline script for them to run in."""
    page = (STATIC / "graphiql.html").read_text("utf-8")
    variables = json.dumps(PROFILE_VARIABLES, indent=2)
    return page.replace("{{QUERY}}", html.escape(PROFILE_PAGE)).replace(
        "{{VARIABLES}}", html.escape(variables)
    )


def page() -> Response:
    if not installed():
        return HTMLResponse(MISSING, status_code=503)
    return HTMLResponse(page_html(), headers=HEADERS)


def routes() -> list[BaseRoute]:
    # Before the explorer's /assets mount, which would otherwise take these paths.
    return [Mount(NPM_PREFIX, BuiltFiles(directory=NODE_MODULES, check_dir=False))]
