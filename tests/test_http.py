"""The app over HTTP: the debug count in `extensions`, the metric, GraphiQL's default query."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from schema import PROFILE_PAGE
from server import explore
from server.app import create_app
from server.config import Settings
from server.persisted import sha256


@pytest.fixture(scope="module")
def client(neo4j_uri: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(neo4j_uri=neo4j_uri, debug_cypher=True))) as client:
        yield client


def test_profile_page_over_http_reports_its_cypher_statements(
    client: TestClient, shared_runner: object
) -> None:
    body = {"query": PROFILE_PAGE, "variables": {"id": "A-jian-jiao"}}
    response = client.post("/graphql", json=body)

    assert response.status_code == 200
    payload = response.json()
    assert "errors" not in payload
    assert payload["data"]["researcher"]["name"] == "Jian Jiao"
    assert payload["extensions"]["cypher"]["statements"] == 6

    metrics = client.get("/metrics").text
    assert 'peergraph_cypher_statements_total{statement="explore_neighbourhood"}' in metrics
    assert "peergraph_cypher_statements_per_request_bucket" in metrics
    assert 'peergraph_graphql_request_seconds_bucket{le="0.005",operation="ProfilePage"}' in metrics
    assert 'peergraph_graphql_requests_total{operation="ProfilePage"}' in metrics


def test_graphiql_opens_on_the_profile_page(client: TestClient) -> None:
    page = client.get("/graphql", headers={"accept": "text/html"})

    assert page.status_code == 200
    assert "query ProfilePage($id: ID!)" in page.text
    assert "A-jian-jiao" in page.text


def test_neo4j_down_is_a_prompt_coded_error_not_a_500() -> None:
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_retry_seconds=0)
    with TestClient(create_app(settings)) as down:
        query = '{ researcher(id: "A-jian-jiao") { name } }'
        response = down.post("/graphql", json={"query": query}, headers={"x-request-id": "req-42"})

    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-42"
    assert response.json() == {
        "data": {"researcher": None},
        "errors": [
            {
                "message": "The graph database is unavailable; try again shortly.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["researcher"],
                "extensions": {"code": "SERVICE_UNAVAILABLE", "requestId": "req-42"},
            }
        ],
    }


def test_the_log_line_names_the_code_the_client_gets(caplog: pytest.LogCaptureFixture) -> None:
    # An unexpected error is masked after the log line is made: the line must still carry the
    # client's code, not a validation failure.
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_retry_seconds=0)
    with (
        TestClient(create_app(settings)) as down,
        caplog.at_level(logging.INFO, logger="peergraph.request"),
    ):
        down.post("/graphql", json={"query": '{ researcher(id: "A-jian-jiao") { name } }'})

    lines = [json.loads(r.message) for r in caplog.records if r.name == "peergraph.request"]
    assert [line["errors"] for line in lines] == [["SERVICE_UNAVAILABLE"]]


def test_each_request_logs_one_json_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="peergraph.request"):
        response = client.post(
            "/graphql", json={"query": PROFILE_PAGE, "variables": {"id": "A-jian-jiao"}}
        )

    lines = [json.loads(r.message) for r in caplog.records if r.name == "peergraph.request"]
    assert len(lines) == 1
    assert lines[0]["requestId"] == response.headers["x-request-id"]
    assert lines[0]["operation"] == "ProfilePage"
    assert lines[0]["cypherStatements"] == 6
    assert lines[0]["errors"] == [] and lines[0]["user"] is None


def test_the_explorer_page_is_static_and_names_the_profile_query_by_hash(
    client: TestClient,
) -> None:
    page = client.get("/explore/A-jian-jiao")

    assert page.status_code == 200
    # The page knows the profile query by its hash (alone, or in its map of page documents).
    assert sha256(PROFILE_PAGE) in page.text
    # Nothing from the address is written into the markup.
    assert "A-jian-jiao" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/assets/explore.js").status_code == 200
    assert client.get("/assets/vendor/cytoscape.min.js").status_code == 200
    # Only cytoscape's built files are served, never the rest of node_modules.
    assert client.get("/assets/vendor/../package.json").status_code == 404


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("/explore/A-jian-jiao", "Researcher"),
        ("/explore/W-arxiv-2002.06275", "Work"),
        ("/explore/I-microsoft", "Institution"),
        ("/explore", ""),
        ("/explore/%3Cscript%3E", ""),
        ('/explore/A"><script>alert(1)</script>', ""),
    ],
)
def test_the_page_is_told_what_its_address_names_instead_of_parsing_the_id(
    client: TestClient, address: str, kind: str
) -> None:
    page = client.get(address)

    assert page.status_code == 200
    assert f'<meta name="page-kind" content="{kind}">' in page.text
    assert "<script>alert" not in page.text


def test_without_its_browser_libraries_the_page_says_how_to_install_them(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(explore, "CYTOSCAPE", tmp_path)

    page = client.get("/explore/A-jian-jiao")

    assert page.status_code == 503
    assert "make setup" in page.text
