"""Hostile strings reach Neo4j only as parameters: nothing appears that should not."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute, graph_counts
from resolvers.viewer import Viewer

HOSTILE = [
    "'; MATCH (n) DETACH DELETE n //",
    '" }) CREATE (:Pwned) //',
    "`Researcher`) CREATE (x:Pwned",
    'jiao~ AND * OR ("',
    "a\x00b",
    "\\u0000\\'",
    "x" * 100_000,
    "${id}} RETURN 1 UNION MATCH (n) RETURN n",
]
OWNER = Viewer(id="hostile-owner", email="me@microsoft.com", email_verified=True)
SENDER = Viewer(id="hostile-sender")


@pytest.fixture(scope="module")
async def owned(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    await load(shared_runner, tmp_path_factory.mktemp("hostile"), cloned_seed("h1"))
    claim = 'mutation { claimResearcher(input: {researcherId: "A-h1-jian-jiao"}) { status } }'
    result, _ = await execute(shared_runner, claim, viewer=OWNER)
    assert result.data == {"claimResearcher": {"status": "APPROVED"}}
    # The sender's User node exists from an earlier action (users are created on first use).
    follow = 'mutation { followResearcher(input: {researcherId: "A-h1-aimin-li"}) { followers } }'
    await execute(shared_runner, follow, viewer=SENDER)
    return "A-h1-jian-jiao"


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_strings_change_nothing_they_should_not(
    runner: CypherRunner, owned: str, text: str
) -> None:
    before = await graph_counts(runner)
    reads = [
        (
            "query($q: String!) { researchers(search: $q, first: 5) { edges { node { id } } } }",
            {"q": text[:200]},
        ),
        (
            "query($q: String!) { works(search: $q, first: 5) { edges { node { id } } } }",
            {"q": text[:200]},
        ),
        ("query($q: ID!) { node(id: $q) { id } }", {"q": text}),
        ("query($q: ID!) { explorer(center: $q) { center } }", {"q": text}),
    ]
    for query, variables in reads:
        result, _ = await execute(runner, query, variables)
        codes = {(e.extensions or {}).get("code") for e in result.errors or []}
        assert codes <= {"BAD_USER_INPUT"}, result.errors
    invite = 'mutation($m: String!) { inviteToCollaborate(input: {researcherId: "A-h1-ruofei-zhang", message: $m}) { invitationId } }'
    result, _ = await execute(runner, invite, {"m": text[:2000]}, SENDER)
    assert result.errors is None or result.errors[0].extensions == {
        "code": "BAD_USER_INPUT",
        "argument": "message",
    }

    # Refused or read-only: not one node or relationship more, and no :Pwned anywhere.
    assert await graph_counts(runner) == before
    pwned = await runner.driver.execute_query(
        "MATCH (n:Pwned) RETURN count(n) AS n", database_=runner.database
    )
    assert pwned.records[0]["n"] == 0


@pytest.mark.parametrize("text", [t for t in HOSTILE if len(t) <= 1000], ids=range(7))
async def test_hostile_text_is_stored_verbatim(runner: CypherRunner, owned: str, text: str) -> None:
    edit = """mutation($id: ID!, $d: String!) { updateResearcherProfile(input: {researcherId: $id, description: $d}) {
      researcher { description } userErrors { code } } }"""
    result, _ = await execute(runner, edit, {"id": owned, "d": text}, OWNER)

    assert result.errors is None
    assert result.data == {
        "updateResearcherProfile": {"researcher": {"description": text}, "userErrors": []}
    }


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
async def test_any_search_text_is_answered_without_error(runner: CypherRunner, text: str) -> None:
    query = "query($q: String!) { researchers(search: $q, first: 3) { edges { node { id } } } }"
    result, _ = await execute(runner, query, {"q": text})

    if len(text) > 200:
        assert result.errors is not None and result.errors[0].extensions == {
            "code": "BAD_USER_INPUT",
            "argument": "search",
        }
    else:
        assert result.errors is None
