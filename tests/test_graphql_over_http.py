"""The GraphQL-over-HTTP conventions: media types and the status codes that go with them."""

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from schema import PROFILE_PAGE
from server.app import create_app
from server.codes import ERROR_CODES
from server.config import Settings
from server.media import GRAPHQL_RESPONSE, JSON, negotiate

NEW = "application/graphql-response+json, application/json;q=0.9"
OVER_BUDGET = '{ researchers(search: "a", first: 100) { edges { node { coauthors(first: 100) { edges { node { id } } } } } } }'


@pytest.fixture(scope="module")
def client(neo4j_uri: str, shared_runner: object) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(neo4j_uri=neo4j_uri))) as client:
        yield client


def post(
    client: TestClient, accept: str, query: str, variables: dict[str, Any] | None = None
) -> Any:
    return client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers={"accept": accept}
    )


@pytest.mark.parametrize(
    ("header", "media"),
    [
        (None, JSON),
        ("", JSON),
        ("application/json", JSON),
        ("*/*", JSON),
        ("application/*;q=0.5", JSON),
        (NEW, GRAPHQL_RESPONSE),
        ("application/graphql-response+json;q=0, application/json", JSON),
        ("text/html", None),
        ("application/json;q=0", None),
    ],
)
def test_negotiation(header: str | None, media: str | None) -> None:
    assert negotiate(header) == media


def test_a_client_that_accepts_the_new_type_gets_it(client: TestClient) -> None:
    response = post(client, NEW, PROFILE_PAGE, {"id": "A-jian-jiao"})

    assert response.status_code == 200
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert response.json()["data"]["researcher"]["name"] == "Jian Jiao"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ researcher(", "GRAPHQL_PARSE_FAILED"),
        ('{ researcher(id: "A-jian-jiao") { shoeSize } }', "GRAPHQL_VALIDATION_FAILED"),
        (OVER_BUDGET, "QUERY_TOO_COMPLEX"),
    ],
)
def test_a_request_that_never_executes_has_no_data_entry(
    client: TestClient, query: str, code: str
) -> None:
    new = post(client, NEW, query)
    legacy = post(client, JSON, query)

    assert (new.status_code, legacy.status_code) == (400, 200)
    assert new.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert legacy.headers["content-type"].startswith(JSON)
    for response in (new, legacy):
        body = response.json()
        assert "data" not in body
        assert [e["extensions"]["code"] for e in body["errors"]] == [code]


def test_a_field_error_is_a_200_with_data(client: TestClient) -> None:
    response = post(
        client,
        NEW,
        '{ a: researcher(id: "W-not-a-researcher") { id } b: researcher(id: "A-jian-jiao") { name } }',
    )

    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"a": None, "b": {"name": "Jian Jiao"}}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]


def test_a_client_that_accepts_no_json_gets_406(client: TestClient) -> None:
    response = post(client, "text/plain", "{ __typename }")

    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"


def test_http_refusals_follow_the_accepted_type(client: TestClient) -> None:
    response = client.post(
        "/graphql", content=b"{not json", headers={"content-type": JSON, "accept": NEW}
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in response.json()


def test_expected_errors_are_answered_not_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        post(client, JSON, '{ researcher(id: "not an id") { id } }')
        post(client, JSON, "{ researcher(")
        post(client, JSON, "{ viewer { pendingClaims(first: 500) { nodes { id } } } }")

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_the_readme_documents_every_error_code() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()

    assert [code for code in ERROR_CODES if f"| `{code}` |" not in readme] == []
