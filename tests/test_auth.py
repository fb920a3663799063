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

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute
from model.users import User
from server import cli
from server.app import create_app
from server.auth import Authenticator, mint
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
def auth_settings(settings: Settings, jwks_url: str) -> Settings:
    return settings.model_copy(
        update={"auth_jwt_secret": SECRET, "auth_jwks_url": jwks_url, "debug_cypher": False}
    )


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
    now = int(time.time())
    payload = {"aud": "peergraph", "iat": now, "exp": now + 60, **claims}
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
                {
                    "sub": "u1",
                    "aud": "peergraph",
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 60,
                },
                "x" * 40,
                algorithm="HS256",
            ),
            "Signature verification failed",
        ),
        (
            lambda s, k: jwt.encode(
                {
                    "sub": "u1",
                    "aud": "elsewhere",
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 60,
                },
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
                {
                    "sub": "u1",
                    "aud": "peergraph",
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 60,
                },
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
    mutation = 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { researcher { counts { followers } } } }'

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
            "query": 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { researcher { counts { followers } } } }'
        },
        headers={"authorization": f"Bearer {token}"},
    )

    assert response.status_code == 405
    assert ask(client, '{ researcher(id: "A-jian-jiao") { counts { followers } } }')["data"][
        "researcher"
    ]["counts"] == {"followers": 0}


def hs256(**claims: Any) -> str:
    """A token signed with the secret: issued now, valid a minute, unless a claim says else
    (None leaves the claim out)."""
    now = int(time.time())
    payload = {"aud": "peergraph", "sub": "u1", "iat": now, "exp": now + 60, **claims}
    return jwt.encode({k: v for k, v in payload.items() if v is not None}, SECRET, "HS256")


def refusal(client: TestClient, token: str, query: str = VIEWER) -> str:
    """The message of the UNAUTHENTICATED error the token gets."""
    response = ask(client, query, token)
    assert response["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}, response
    return str(response["errors"][0]["message"])


# --- a token's subject must name a user -----------------------------------------------------

BLANK_SUB_TARGET = "A-b1-jian-jiao"
BLANK_SUB_MUTATIONS = {
    "updateResearcherProfile": f'mutation {{ updateResearcherProfile(input: {{researcherId: "{BLANK_SUB_TARGET}", description: "mine now"}}) {{ researcher {{ description }} }} }}',
    "confirmWorks": f'mutation {{ confirmWorks(input: {{researcherId: "{BLANK_SUB_TARGET}", workIds: ["W-b1-arxiv-2002.06275"]}}) {{ confirmed }} }}',
    "splitResearcher": f'mutation {{ splitResearcher(input: {{researcherId: "{BLANK_SUB_TARGET}", workIds: ["W-b1-arxiv-2002.06275"]}}) {{ newResearcher {{ id }} }} }}',
    "respondToInvitation": "mutation($id: ID!) { respondToInvitation(input: {invitationId: $id, decision: ACCEPT}) { invitation { id } } }",
}


@pytest.fixture(scope="module")
async def orphan_invitation(
    shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """A copy of the seed, and a pending invitation to a researcher whose owner let go of it."""
    await load(shared_runner, tmp_path_factory.mktemp("blank-sub"), cloned_seed("b1"))
    owner = User(id="b1-owner", email="o@microsoft.com", email_verified=True)
    steps = [
        (
            'mutation { claimResearcher(input: {researcherId: "A-b1-ruofei-zhang"}) { claim { status } } }',
            owner,
        ),
        (
            'mutation { updateResearcherProfile(input: {researcherId: "A-b1-ruofei-zhang", openToCollaborate: true}) { userErrors { code } } }',
            owner,
        ),
        (
            'mutation { inviteToCollaborate(input: {researcherId: "A-b1-ruofei-zhang", message: "hi"}) { invitation { id } } }',
            User(id="b1-friend"),
        ),
        (
            'mutation { releaseClaim(input: {researcherId: "A-b1-ruofei-zhang"}) { userErrors { code } } }',
            owner,
        ),
    ]
    data: list[Any] = []
    for query, viewer in steps:
        result, _ = await execute(shared_runner, query, viewer=viewer)
        assert result.errors is None, result.errors
        data.append(result.data)
    return str(data[2]["inviteToCollaborate"]["invitation"]["id"])


@pytest.mark.parametrize("sub", ["", "   ", 123, ["u1"]], ids=["empty", "blank", "int", "list"])
def test_a_token_whose_subject_names_nobody_is_unauthenticated(
    client: TestClient, sub: Any
) -> None:
    assert "sub" in refusal(client, hs256(sub=sub))


@pytest.mark.parametrize("sub", ["", "  \t"], ids=["empty", "blank"])
@pytest.mark.parametrize("name", sorted(BLANK_SUB_MUTATIONS))
def test_a_blank_subject_owns_no_unclaimed_researcher(
    client: TestClient, orphan_invitation: str, name: str, sub: str
) -> None:
    response = client.post(
        "/graphql",
        json={"query": BLANK_SUB_MUTATIONS[name], "variables": {"id": orphan_invitation}},
        headers={"authorization": f"Bearer {hs256(sub=sub)}"},
    )

    body = response.json()
    assert body["data"] is None, body
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


# --- tokens live at most PEERGRAPH_AUTH_MAX_TOKEN_LIFETIME_SECONDS ------------------------------

HOUR = 3600


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"iat": None}, "iat"),
        ({"iat": int(time.time()) - 25 * HOUR}, "issued more than 24 hours ago"),
        ({"iat": int(time.time()) + 600}, "in the future"),
        ({"exp": int(time.time()) + 25 * HOUR}, "longer than 24 hours"),
        ({"iat": "yesterday"}, "iat"),
    ],
    ids=["no-iat", "old-iat", "future-iat", "far-exp", "text-iat"],
)
def test_a_token_past_the_maximum_lifetime_is_refused(
    client: TestClient, claims: dict[str, Any], reason: str
) -> None:
    assert reason in refusal(client, hs256(**claims))


def test_a_token_within_the_maximum_lifetime_is_accepted(client: TestClient) -> None:
    now = int(time.time())
    almost_a_day_old = hs256(sub="old-enough", iat=now - 23 * HOUR, exp=now + HOUR)
    a_little_skew = hs256(sub="skewed", iat=now + 20)

    assert ask(client, VIEWER, almost_a_day_old)["data"]["viewer"]["id"] == "old-enough"
    assert ask(client, VIEWER, a_little_skew)["data"]["viewer"]["id"] == "skewed"


async def test_the_maximum_lifetime_is_a_setting(auth_settings: Settings) -> None:
    short = Authenticator(auth_settings.model_copy(update={"auth_max_token_lifetime_seconds": 600}))
    now = int(time.time())

    refused = await short.authenticate(f"Bearer {hs256(exp=now + 601 + 60)}")
    accepted = await short.authenticate(f"Bearer {hs256(exp=now + 590)}")

    assert refused.user is None and "longer than 10 minutes" in str(refused.problem)
    assert accepted.user is not None and accepted.user.id == "u1"


def test_peergraph_token_refuses_a_ttl_over_the_maximum(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERGRAPH_AUTH_JWT_SECRET", SECRET)

    assert cli.main(["token", "--user", "u1", "--ttl", str(25 * HOUR)]) == 2
    assert "at most 86400 seconds" in capsys.readouterr().err
    assert cli.main(["token", "--user", "u1", "--ttl", str(24 * HOUR)]) == 0
    token = capsys.readouterr().out.strip()
    assert jwt.decode(token, SECRET, ["HS256"], audience="peergraph")["sub"] == "u1"


# --- a token is small --------------------------------------------------------------------------


def test_a_token_over_8_kib_is_refused_before_it_is_decoded(client: TestClient) -> None:
    signed = hs256(sub="padded", padding="p" * 9000)
    garbage = "x" * 9000

    assert "larger than 8192 bytes" in refusal(client, signed)
    assert "larger than 8192 bytes" in refusal(client, garbage)
    assert ask(client, VIEWER, hs256(sub="fits", padding="p" * 6000))["data"] == {
        "viewer": {"id": "fits", "email": None, "admin": False}
    }
