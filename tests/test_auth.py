"""Bearer tokens over HTTP: HS256 with the secret, RS256 through a JWKS served on loopback."""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.testclient import TestClient

from server.app import create_app
from server.auth import mint
from server.config import Settings

SECRET = "s" * 40
VIEWER = "{ viewer { id email admin } }"
PUBLIC = '{ researcher(id: "A-jian-jiao") { name } }'


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url(rsa_key: rsa.RSAPrivateKey) -> Iterator[str]:
    """An identity provider's key set, served over real HTTP on loopback."""
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(rsa_key.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "test-key", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/jwks.json"
    server.shutdown()


@pytest.fixture(scope="module")
def auth_settings(neo4j_uri: str, jwks_url: str) -> Settings:
    return Settings(neo4j_uri=neo4j_uri, auth_jwt_secret=SECRET, auth_jwks_url=jwks_url)


@pytest.fixture(scope="module")
def client(auth_settings: Settings, shared_runner: object) -> Iterator[TestClient]:
    with TestClient(create_app(auth_settings)) as client:
        yield client


def ask(client: TestClient, query: str, token: str | None = None) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = client.post("/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 200
    return response.json()


def rs256(key: rsa.RSAPrivateKey, **claims: Any) -> str:
    payload = {"aud": "peergraph", "exp": int(time.time()) + 60, **claims}
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": "test-key"})


def test_a_local_token_signs_the_user_in(client: TestClient, auth_settings: Settings) -> None:
    token = mint(auth_settings, {"sub": "u1", "email": "u1@example.org", "roles": ["admin"]})

    assert ask(client, VIEWER, token) == {
        "data": {"viewer": {"id": "u1", "email": "u1@example.org", "admin": True}}
    }


def test_a_provider_token_signs_the_user_in_through_jwks(
    client: TestClient, rsa_key: rsa.RSAPrivateKey
) -> None:
    assert ask(client, VIEWER, rs256(rsa_key, sub="idp-user"))["data"]["viewer"]["id"] == "idp-user"


def test_no_token_means_no_viewer_and_public_reads(client: TestClient) -> None:
    assert ask(client, VIEWER) == {"data": {"viewer": None}}
    assert ask(client, PUBLIC) == {"data": {"researcher": {"name": "Jian Jiao"}}}


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda s, k: mint(s, {"sub": "u1"}, ttl_seconds=-10), "expired"),
        (lambda s, k: "not.a.token", "refused"),
        (
            lambda s, k: jwt.encode(
                {"sub": "u1", "aud": "peergraph", "exp": int(time.time()) + 60},
                "x" * 40,
                algorithm="HS256",
            ),
            "Signature verification failed",
        ),
        (
            lambda s, k: jwt.encode(
                {"sub": "u1", "aud": "elsewhere", "exp": int(time.time()) + 60},
                SECRET,
                algorithm="HS256",
            ),
            "not for this service",
        ),
        (
            lambda s, k: rs256(
                rsa.generate_private_key(public_exponent=65537, key_size=2048), sub="u1"
            ),
            "Signature verification failed",
        ),
        (
            lambda s, k: jwt.encode(
                {"sub": "u1", "aud": "peergraph", "exp": int(time.time()) + 60},
                "",
                algorithm="none",
            ),
            "not accepted",
        ),
    ],
    ids=["expired", "malformed", "wrong-secret", "wrong-audience", "wrong-rsa-key", "unsigned"],
)
def test_bad_tokens_are_unauthenticated_with_the_reason(
    client: TestClient, auth_settings: Settings, rsa_key: rsa.RSAPrivateKey, make: Any, reason: str
) -> None:
    token = make(auth_settings, rsa_key)
    mutation = 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { followers } }'

    for query in (VIEWER, mutation):
        error = ask(client, query, token)["errors"][0]
        assert error["extensions"] == {"code": "UNAUTHENTICATED"}
        assert reason in error["message"]
    # Reads stay public even with a bad token.
    assert ask(client, PUBLIC, token)["data"] == {"researcher": {"name": "Jian Jiao"}}


def test_mutations_are_never_run_over_get(client: TestClient, auth_settings: Settings) -> None:
    token = mint(auth_settings, {"sub": "u-get"})
    response = client.get(
        "/graphql",
        params={
            "query": 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { followers } }'
        },
        headers={"authorization": f"Bearer {token}"},
    )

    assert response.status_code == 405
    assert ask(client, '{ researcher(id: "A-jian-jiao") { counts { followers } } }')["data"][
        "researcher"
    ]["counts"] == {"followers": 0}
