"""/healthz and /readyz over HTTP, with Neo4j going away and coming back under the service."""

import time

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j


def ready_within(client: TestClient, seconds: float) -> httpx.Response:
    """Poll /readyz as a load balancer does: a JVM just started may miss the first 3 s answer."""
    deadline = time.monotonic() + seconds
    while (answer := client.get("/readyz")).status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    return answer


@pytest.mark.slow
def test_readyz_follows_neo4j_down_and_up_without_a_restart(own_neo4j: EmbeddedNeo4j) -> None:
    assert own_neo4j.uri is not None
    app = create_app(Settings(neo4j_uri=own_neo4j.uri))
    with TestClient(app) as client:
        first = ready_within(client, 60)
        assert first.status_code == 200, first.json()

        own_neo4j.stop()
        down = client.get("/readyz")
        assert down.status_code == 503
        assert "unreachable" in down.json()["reason"]
        assert client.get("/healthz").status_code == 200

        own_neo4j.start()
        assert ready_within(client, 60).json() == {"status": "ready"}


def test_healthz_answers_without_neo4j() -> None:
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9"))
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 503
