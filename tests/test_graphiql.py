"""GraphiQL over plain HTTP: its page and everything the page loads come from this origin."""

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server import graphiql
from server.app import create_app
from server.config import Settings

HTML = {"accept": "text/html"}
CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css"}


class References(HTMLParser):
    """Every address the page names (src, href), and whether a script has no src."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.addresses += [value for key, value in attrs if key in ("src", "href") and value]
        if tag == "script" and not named.get("src"):
            self.inline_scripts += 1


@pytest.fixture(scope="module")
def client(neo4j_uri: str, shared_runner: object) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(neo4j_uri=neo4j_uri))) as client:
        yield client


def references(client: TestClient) -> References:
    parsed = References()
    parsed.feed(client.get("/graphql", headers=HTML).text)
    return parsed


def test_the_page_names_no_other_origin_and_runs_no_inline_script(client: TestClient) -> None:
    page = client.get("/graphql", headers=HTML)
    parsed = references(client)

    assert page.status_code == 200
    assert "://" not in page.text
    assert parsed.addresses, "the page loads nothing: it cannot be GraphiQL"
    for address in parsed.addresses:
        assert address.startswith("/") and not address.startswith("//"), address
    assert parsed.inline_scripts == 0


def test_every_file_the_page_loads_is_served_with_its_type(client: TestClient) -> None:
    addresses = references(client).addresses

    # React, ReactDOM, GraphiQL and the explorer plugin, with their styles, and the page's own.
    assert len(addresses) == 8
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        expected = CONTENT_TYPES[Path(address).suffix]
        assert response.headers["content-type"].startswith(expected), address


def test_the_page_sends_a_content_security_policy_as_strict_as_the_explorer_pages(
    client: TestClient,
) -> None:
    headers = client.get("/graphql", headers=HTML).headers

    directives = [d.strip().partition(" ") for d in headers["content-security-policy"].split(";")]
    policy = {name: value for name, _, value in directives}
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert headers["referrer-policy"] == "no-referrer"


def test_the_page_still_opens_on_the_profile_page_query(client: TestClient) -> None:
    page = client.get("/graphql", headers=HTML).text

    assert "query ProfilePage($id: ID!)" in page
    assert "&quot;id&quot;: &quot;A-jian-jiao&quot;" in page


@pytest.mark.parametrize(
    "path",
    [
        "/assets/npm/graphiql/package.json",
        "/assets/npm/react/index.js",
        "/assets/npm/graphiql/graphiql.min.js.map",
        "/assets/npm/cytoscape/dist/cytoscape.min.js",
        "/assets/npm/graphiql/../react/package.json",
    ],
)
def test_only_the_built_browser_files_of_node_modules_are_served(
    client: TestClient, path: str
) -> None:
    assert client.get(path).status_code == 404


def test_without_its_browser_files_the_page_says_how_to_install_them(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(graphiql, "NODE_MODULES", tmp_path)

    page = client.get("/graphql", headers=HTML)

    assert page.status_code == 503
    assert "make setup" in page.text
    assert len(page.text.splitlines()) == 1


def test_with_graphiql_switched_off_its_files_are_not_served(neo4j_uri: str) -> None:
    with TestClient(create_app(Settings(neo4j_uri=neo4j_uri, graphiql=False))) as production:
        assert production.get("/assets/npm/graphiql/graphiql.min.js").status_code == 404
