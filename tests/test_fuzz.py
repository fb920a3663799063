"""Schema-driven fuzzing of the live endpoint: schemathesis generates operations from the SDL
snapshot (every root query and mutation, with arguments of every shape) and each goes over real
HTTP to the service and a real Neo4j, as an anonymous caller, a user and an admin.

PEERGRAPH_FUZZ_EXAMPLES sets the examples per operation (default 250: over 5,000 in all, a
minute or two); raise it for a longer run.
"""

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from graphql import GraphQLError
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok
from schemathesis.graphql import from_file

from served import Served
from server.auth import mint
from server.codes import ERROR_CODES
from server.config import Settings

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # thousands of operations over HTTP
EXAMPLES = int(os.environ.get("PEERGRAPH_FUZZ_EXAMPLES", "250"))
SECRET = "fuzz-tests-secret-" + "f" * 24


def operations() -> list[Any]:
    loaded = []
    for result in from_file((ROOT / "schema.graphql").read_text()).get_all_operations():
        assert isinstance(result, Ok), f"schemathesis cannot read schema.graphql: {result}"
        loaded.append(result.ok())
    return loaded


@pytest.fixture(scope="module")
def site(neo4j_uri: str, shared_runner: object) -> Iterator[str]:
    settings = Settings(neo4j_uri=neo4j_uri, auth_jwt_secret=SECRET, access_log=False)
    with Served(settings) as served:
        yield served.url


def identities() -> dict[str, dict[str, str]]:
    settings = Settings(auth_jwt_secret=SECRET)
    user = mint(settings, {"sub": "fuzz-user", "email": "fuzz@example.org"})
    admin = mint(settings, {"sub": "fuzz-admin", "roles": ["admin"]})
    return {
        "anonymous": {},
        "user": {"authorization": f"Bearer {user}"},
        "admin": {"authorization": f"Bearer {admin}"},
    }


def check(response: httpx2.Response) -> None:
    assert response.status_code < 500, response.text
    body: dict[str, Any] = response.json()
    assert "data" in body or "errors" in body
    for error in body.get("errors", []):
        code = error.get("extensions", {}).get("code")
        assert code in ERROR_CODES, f"undocumented code {code!r}: {error}"
        assert code != "INTERNAL_SERVER_ERROR", error


def unexpected(records: list[logging.LogRecord]) -> list[str]:
    """Logged exceptions that are not GraphQL errors the service raised on purpose."""
    return [
        r.getMessage()
        for r in records
        if r.name == "peergraph.errors"
        or (r.exc_info and r.exc_info[1] and not isinstance(r.exc_info[1], GraphQLError))
    ]


def test_thousands_of_generated_operations_get_coded_answers(
    site: str, caplog: pytest.LogCaptureFixture
) -> None:
    headers = identities()
    sent = 0
    with httpx2.Client(base_url=site, timeout=60) as client:
        for operation in operations():

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(), who=st.sampled_from(sorted(headers)))
            def fuzz(case: Any, who: str) -> None:
                nonlocal sent
                note(f"{case.operation.label} as {who}:\n{case.body}")
                response = client.post("/graphql", json={"query": case.body}, headers=headers[who])
                sent += 1
                check(response)

            fuzz()

    assert unexpected(caplog.records) == []
    # Operations without arguments have few distinct documents; the rest make up the count.
    assert sent >= 20 * EXAMPLES
