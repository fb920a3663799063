"""Limits on what one request may ask, and HTTP refusals shaped as GraphQL errors."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import parse
from starlette.testclient import TestClient

from schema import PROFILE_PAGE, schema
from server.app import create_app
from server.config import Settings
from server.limits import query_cost
from server.persisted import sha256


@pytest.fixture(scope="module")
def client(neo4j_uri: str, shared_runner: object) -> Iterator[TestClient]:
    settings = Settings(neo4j_uri=neo4j_uri, debug_cypher=True, max_body_bytes=50_000)
    with TestClient(create_app(settings)) as client:
        yield client


def post(client: TestClient, query: str, variables: dict[str, Any] | None = None) -> Any:
    return client.post("/graphql", json={"query": query, "variables": variables or {}})


def test_the_profile_page_costs_what_the_readme_says() -> None:
    assert query_cost(schema._schema, parse(PROFILE_PAGE), {"id": "A-jian-jiao"}, None) == 3854


SMALL = """query($n: Int) { researcher(id: "A-jian-jiao") {
  name
  topics { edges { works node { name } } }
  works(first: $n) {
    pageInfo { hasNextPage }
    edges { node { title authors { researcher { name } } } }
  } } }"""


def test_a_small_query_costs_what_the_cost_rule_says() -> None:
    # The rule (server/limits.py): a field costs 1; a field with `first`/`limit` multiplies
    # what is under it by that number (its default when not given); the list right under it
    # is the page and does not multiply again; any other list multiplies by 10.
    #   name                                      1
    #   topics (first defaults to 10)             1 + 10 * edges                          = 41
    #     edges (the page: no multiplier)         1 + works 1 + node (1 + name 1)         =  4
    #   works(first: 3)                           1 + 3 * (pageInfo + edges)              = 169
    #     pageInfo { hasNextPage }                1 + 1                                   =  2
    #     edges (the page: no multiplier)         1 + node                                = 54
    #       node { title authors }                1 + title 1 + authors                   = 53
    #         authors (first defaults to 25)      1 + 25 * (researcher (1 + name 1))      = 51
    #   researcher                                1 + 1 + 41 + 169                        = 212
    assert query_cost(schema._schema, parse(SMALL), {"n": 3}, None) == 212
    # works without $n: first defaults to 20, 1 + 20 * (2 + 54) = 1121; 1 + 1 + 41 + 1121 = 1164.
    assert query_cost(schema._schema, parse(SMALL), {}, None) == 1164


def test_a_works_authors_cost_their_first() -> None:
    """Work.authors is bounded by its `first` (25 by default), and the limiter counts that:
    a client asking for 100 authors of each of 100 works is over the budget."""
    query = """query($n: Int, $a: Int) { researcher(id: "A-jian-jiao") { works(first: $n) {
      edges { node { authors(first: $a) { position } } } } } }"""

    def cost(variables: dict[str, Any]) -> int | None:
        return query_cost(schema._schema, parse(query), variables, None)

    # researcher 1 + works (1 + n * (edges 1 + node 1 + authors (1 + a * position 1)))
    assert cost({"n": 1}) == 1 + 1 + 1 * (1 + 1 + 1 + 25)
    assert cost({"n": 10, "a": 100}) == 1 + 1 + 10 * (1 + 1 + 1 + 100)
    assert (cost({"n": 100, "a": 100}) or 0) > 10_000


def test_the_profile_page_fits_every_limit(client: TestClient) -> None:
    payload = post(client, PROFILE_PAGE, {"id": "A-jian-jiao"}).json()

    assert "errors" not in payload


def test_a_query_over_the_cost_budget_is_refused_before_any_cypher(client: TestClient) -> None:
    # 100 works, each with 100 related works, each with their authors: far over budget.
    query = """query($n: Int!) { researcher(id: "A-jian-jiao") { works(first: $n) { edges { node {
      relatedWorks(first: $n) { work { authors { researcher { name } } } } } } } } }"""
    response = post(client, query, {"n": 100})

    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["cost"] > error["extensions"]["budget"] == 10_000
    assert response.json().get("extensions", {}).get("cypher", {}).get("statements", 0) == 0


def test_the_cost_follows_the_variables(client: TestClient) -> None:
    query = """query($n: Int!) { researcher(id: "A-jian-jiao") { works(first: $n) { edges { node {
      relatedWorks(first: $n) { work { id } } } } } } }"""

    assert "errors" not in post(client, query, {"n": 5}).json()
    assert (
        post(client, query, {"n": 100}).json()["errors"][0]["extensions"]["code"]
        == "QUERY_TOO_COMPLEX"
    )


def test_deep_queries_are_refused(client: TestClient) -> None:
    nested = (
        "works(first: 1) { edges { node { authors { researcher { " * 3 + "id" + " } } } } }" * 3
    )
    payload = post(client, '{ researcher(id: "A-jian-jiao") { ' + nested + " } }").json()

    assert "exceeds maximum operation depth" in payload["errors"][0]["message"]


def test_too_many_aliases_are_refused(client: TestClient) -> None:
    aliases = " ".join(f'a{i}: researcher(id: "A-jian-jiao") {{ id }}' for i in range(31))
    payload = post(client, "{ " + aliases + " }").json()

    assert "aliases" in payload["errors"][0]["message"]


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "BAD_REQUEST",
        ),
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "BAD_REQUEST"),
        ({"content": b"query=x", "headers": {"content-type": "text/plain"}}, 400, "BAD_REQUEST"),
        ({"json": [{"query": "{ __typename }"}, {"query": "{ __typename }"}]}, 400, "BAD_REQUEST"),
        (
            {"json": {"query": '{ researcher(id: "' + "x" * 60_000 + '") { id } }'}},
            413,
            "PAYLOAD_TOO_LARGE",
        ),
        (
            {"content": b"\xff\xfe{", "headers": {"content-type": "application/json"}},
            400,
            "BAD_REQUEST",
        ),
    ],
    ids=[
        "invalid-json",
        "empty-body",
        "wrong-content-type",
        "batched",
        "too-large",
        "invalid-utf8",
    ],
)
def test_malformed_http_gets_a_graphql_shaped_4xx(
    client: TestClient, request_kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = client.post("/graphql", **request_kwargs)

    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == code


def test_a_mutation_over_get_is_405(client: TestClient) -> None:
    response = client.get(
        "/graphql",
        params={
            "query": 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { researcher { counts { followers } } } }'
        },
    )

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


def test_a_query_over_get_works(client: TestClient) -> None:
    response = client.get(
        "/graphql", params={"query": '{ researcher(id: "A-jian-jiao") { name } }'}
    )

    assert response.json()["data"] == {"researcher": {"name": "Jian Jiao"}}


def test_production_switches_off_graphiql_and_introspection(neo4j_uri: str) -> None:
    settings = Settings(neo4j_uri=neo4j_uri, graphiql=False, introspection=False)
    with TestClient(create_app(settings)) as production:
        assert production.get("/graphql", headers={"accept": "text/html"}).status_code == 404
        payload = production.post(
            "/graphql", json={"query": "{ __schema { types { name } } }"}
        ).json()

    assert "introspection has been disabled" in payload["errors"][0]["message"]


def test_cors_allows_only_the_configured_origins(neo4j_uri: str) -> None:
    settings = Settings(neo4j_uri=neo4j_uri, cors_origins="https://explore.example.org")
    with TestClient(create_app(settings)) as api:
        allowed = api.options(
            "/graphql",
            headers={
                "origin": "https://explore.example.org",
                "access-control-request-method": "POST",
            },
        )
        refused = api.options(
            "/graphql",
            headers={"origin": "https://evil.example", "access-control-request-method": "POST"},
        )

    assert allowed.headers["access-control-allow-origin"] == "https://explore.example.org"
    assert "access-control-allow-origin" not in refused.headers


def apq(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def test_the_profile_page_runs_from_its_hash_alone(client: TestClient) -> None:
    body = {"extensions": apq(sha256(PROFILE_PAGE)), "variables": {"id": "A-jian-jiao"}}
    payload = client.post("/graphql", json=body).json()

    assert "errors" not in payload
    assert payload["data"]["researcher"]["name"] == "Jian Jiao"


def test_automatic_persisted_queries_round_trip(client: TestClient) -> None:
    query = '{ researcher(id: "A-jian-jiao") { counts { works } } }'
    digest = sha256(query)

    missing = client.post("/graphql", json={"extensions": apq(digest)})
    assert missing.status_code == 200
    assert missing.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    registered = client.post("/graphql", json={"query": query, "extensions": apq(digest)}).json()
    by_hash = client.post("/graphql", json={"extensions": apq(digest)}).json()
    over_get = client.get(
        "/graphql",
        params={"extensions": json.dumps(apq(digest))},
        headers={"accept": "application/json"},
    ).json()

    assert (
        registered["data"]
        == by_hash["data"]
        == over_get["data"]
        == {"researcher": {"counts": {"works": 9}}}
    )


def test_a_hash_that_does_not_match_its_query_is_refused(client: TestClient) -> None:
    response = client.post(
        "/graphql", json={"query": "{ __typename }", "extensions": apq("0" * 64)}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
