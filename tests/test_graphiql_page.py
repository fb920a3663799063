"""GraphiQL in a real headless Chromium with every other origin cut off: the page, its
libraries and the answers all come from the service (and the seeded Neo4j behind it)."""

from collections.abc import AsyncIterator
from urllib.parse import urlencode, urlsplit

import browser
import pytest
from playwright.async_api import Browser, Page, Route, expect

from server.auth import mint
from server.config import Settings

pytestmark = browser.MARKS


# The page's own Content-Security-Policy stops a request to another origin before it reaches
# the network (and the route below): what it refused is counted too.
RECORD_VIOLATIONS = (
    "window.cspViolations = [];"
    " document.addEventListener('securitypolicyviolation', e =>"
    " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture
async def page(chromium: Browser, site: str) -> AsyncIterator[Page]:
    """A page that can reach the service and nothing else: a request anywhere else is aborted
    and fails the test, as do a script error and anything the page's CSP refused."""
    context = await chromium.new_context(viewport={"width": 1400, "height": 900})
    elsewhere: list[str] = []
    origin = urlsplit(site)[:2]

    async def only_the_service(route: Route) -> None:
        if urlsplit(route.request.url)[:2] == origin:
            await route.continue_()
        else:
            elsewhere.append(route.request.url)
            await route.abort()

    await context.route("**/*", only_the_service)
    await context.add_init_script(RECORD_VIOLATIONS)
    page = await context.new_page()
    failures: list[Exception] = []
    page.on("pageerror", lambda error: failures.append(error))
    yield page
    refused = await page.evaluate("window.cspViolations")
    await context.close()
    assert refused == [], "the page's Content-Security-Policy refused something"
    assert elsewhere == [], "the page asked another origin"
    assert failures == [], "the page raised in the browser"


async def screenshot(page: Page, name: str) -> None:
    await browser.screenshot(page, name, full_page=False)


async def run_query(page: Page) -> None:
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()


async def test_graphiql_runs_the_profile_page_query_it_opens_with(site: str, page: Page) -> None:
    await page.goto(f"{site}/graphql")
    await expect(page.locator(".graphiql-query-editor")).to_contain_text("query ProfilePage")
    await expect(page.locator(".graphiql-editor-tool")).to_contain_text("A-jian-jiao")

    await run_query(page)

    response = page.locator(".graphiql-response")
    await expect(response).to_contain_text('"researcher": {')
    await expect(response).to_contain_text('"name": "Jian Jiao"')
    await expect(response).not_to_contain_text('"errors"')
    await screenshot(page, "graphiql-profile-page")


async def test_the_docs_pane_shows_the_schemas_root_types(site: str, page: Page) -> None:
    await page.goto(f"{site}/graphql")

    await page.get_by_role("button", name="Show Documentation Explorer").click()

    docs = page.locator(".graphiql-doc-explorer")
    await expect(docs).to_contain_text("Root Types")
    await docs.get_by_role("link", name="Query", exact=True).click()
    await expect(docs.locator(".graphiql-doc-explorer-title")).to_have_text("Query")
    await expect(docs).to_contain_text("researcher")
    await screenshot(page, "graphiql-docs")


async def test_the_explorer_plugin_lists_the_root_fields(site: str, page: Page) -> None:
    await page.goto(f"{site}/graphql")

    await page.get_by_role("button", name="Show GraphiQL Explorer").click()

    await expect(page.locator(".graphiql-explorer-root")).to_contain_text("connectionPath")


async def test_a_query_and_headers_in_the_address_are_run_signed_in(
    site: str, site_settings: Settings, page: Page
) -> None:
    token = mint(site_settings, {"sub": "graphiql-user", "email": "graphiql@example.org"})
    address = urlencode(
        {
            "q": "{ viewer { id email } }",
            "headers": '{"Authorization": "Bearer ' + token + '"}',
        }
    )
    await page.goto(f"{site}/graphql?{address}")
    await expect(page.locator(".graphiql-query-editor")).to_contain_text("viewer")

    await run_query(page)

    await expect(page.locator(".graphiql-response")).to_contain_text(
        '"email": "graphiql@example.org"'
    )
