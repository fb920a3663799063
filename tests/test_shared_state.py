"""Issue 12: state shared by every caller (persisted queries, metrics labels) cannot be filled,
flushed or grown by one of them."""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from schema import PROFILE_PAGE
from server.app import create_app
from server.config import Settings
from server.graphql_view import GraphQLView
from server.page_documents import PAGE_DOCUMENTS
from server.persisted import PersistedQueries, sha256

MAX_BYTES = 200_000


@pytest.fixture(scope="module")
def app(settings: Settings) -> Starlette:
    bounded = settings.model_copy(
        update={"persisted_queries_max_entries": 1000, "persisted_queries_max_bytes": MAX_BYTES}
    )
    return create_app(bounded)


@pytest.fixture(scope="module")
def client(app: Starlette, shared_runner: object) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def store(app: Starlette) -> PersistedQueries:
    view = next(r.endpoint for r in app.routes if isinstance(r, Route) and r.path == "/graphql")
    assert isinstance(view, GraphQLView)
    return view.persisted


def apq(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def register(client: TestClient, query: str) -> Any:
    return client.post("/graphql", json={"query": query, "extensions": apq(sha256(query))}).json()


def by_hash(client: TestClient, query: str, variables: dict[str, Any] | None = None) -> Any:
    body = {"extensions": apq(sha256(query)), "variables": variables or {}}
    return client.post("/graphql", json=body).json()


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in payload.get("errors", [])]


def served_by_hash(client: TestClient, query: str, variables: dict[str, Any]) -> bool:
    """The hash alone ran the document (what Neo4j then answered is other tests' concern)."""
    payload = by_hash(client, query, variables)
    return "data" in payload and "PERSISTED_QUERY_NOT_FOUND" not in codes(payload)


def test_a_thousand_tiny_registrations_do_not_evict_the_profile_page(
    client: TestClient, app: Starlette
) -> None:
    for i in range(1100):
        assert register(client, f"query Tiny{i} {{ __typename }}")["data"] == {
            "__typename": "Query"
        }

    assert len(store(app)) <= 1000 + len(PAGE_DOCUMENTS)
    assert served_by_hash(client, PROFILE_PAGE, {"id": "A-jian-jiao"})
    # The explorer page's own documents are all still known by their hash.
    assert [store(app).lookup(sha256(d)) for d in PAGE_DOCUMENTS] == list(PAGE_DOCUMENTS)


def test_large_documents_do_not_grow_the_store_past_its_byte_bound(
    client: TestClient, app: Starlette
) -> None:
    for i in range(200):
        padded = f"query Large{i} {{ __typename }}\n" + "# padding, kept as sent\n" * 780
        assert register(client, padded)["data"] == {"__typename": "Query"}

    assert store(app).bytes <= MAX_BYTES
    assert served_by_hash(client, PROFILE_PAGE, {"id": "A-jian-jiao"})


@pytest.mark.parametrize(
    "query",
    [
        "{ researcher(",
        '{ researcher(id: "A-jian-jiao") { shoeSize } }',
        '{ researchers(search: "a", first: 100) { edges { node { coauthors(first: 100) { edges { node { id } } } } } } }',
        "{ __typename }\n" + "#" * 30_000,
    ],
    ids=["syntax", "validation", "over-budget", "over-max-chars"],
)
def test_a_document_refused_before_execution_is_not_stored(client: TestClient, query: str) -> None:
    refused = register(client, query)

    assert "data" not in refused and refused["errors"]
    assert codes(by_hash(client, query)) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_the_store_evicts_the_least_recently_used_by_entries_and_bytes() -> None:
    persisted = PersistedQueries(PROFILE_PAGE, max_entries=3, max_bytes=1000)
    documents = [f"query Q{i} {{ __typename }}" + " " * 200 for i in range(10)]
    for document in documents:
        persisted.keep(sha256(document), document)

    assert len(persisted) == 1 + 3
    assert persisted.bytes <= 1000 + len(PROFILE_PAGE.encode())
    persisted.keep(sha256("x" * 5000), "x" * 5000)  # over the whole bound: not kept at all
    assert sha256("x" * 5000) not in persisted
    assert sha256(PROFILE_PAGE) in persisted and sha256(documents[-1]) in persisted
    assert sha256(documents[0]) not in persisted


def test_pinned_operation_names_are_known(app: Starlette) -> None:
    assert "ProfilePage" in store(app).operation_names


def test_client_chosen_operation_names_do_not_become_metric_labels(client: TestClient) -> None:
    client.post("/graphql", json={"query": "query Warmup { __typename }"})
    before = len(client.get("/metrics").text)
    names = [f"Op_{uuid.uuid4().hex}" for _ in range(500)]
    for name in names:
        client.post("/graphql", json={"query": f"query {name} {{ __typename }}"})

    metrics = client.get("/metrics").text

    assert len(metrics) - before < 2_000
    assert "Op_" not in metrics and "Warmup" not in metrics
    assert 'peergraph_graphql_requests_total{operation="other"}' in metrics
