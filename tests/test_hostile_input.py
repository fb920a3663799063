"""Hostile strings reach Neo4j only as parameters: nothing appears that should not."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute, graph_counts
from model.users import User

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
OWNER = User(id="hostile-owner", email="me@microsoft.com", email_verified=True)
# One sender per hostile text: each may have one pending invitation to the owned researcher.
SENDERS = [
    User(id=f"hostile-sender-{i}", email=f"sender-{i}@example.org") for i in range(len(HOSTILE))
]


@pytest.fixture(scope="module")
async def owned(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    await load(shared_runner, tmp_path_factory.mktemp("hostile"), cloned_seed("h1"))
    claim = (
        'mutation { claimResearcher(input: {researcherId: "A-h1-jian-jiao"}) { claim { status } } }'
    )
    result, _ = await execute(shared_runner, claim, viewer=OWNER)
    assert result.data == {"claimResearcher": {"claim": {"status": "APPROVED"}}}
    # Each sender's User node exists from an earlier action (users are created on first use),
    # so an invitation adds exactly its own node and edges.
    follow = 'mutation { followResearcher(input: {researcherId: "A-h1-aimin-li"}) { userErrors { code } } }'
    for sender in SENDERS:
        await execute(shared_runner, follow, viewer=sender)
    # The seed makes A-jian-jiao open to collaborate, so its clone takes invitations once owned.
    return "A-h1-jian-jiao"


@pytest.mark.parametrize(("index", "text"), list(enumerate(HOSTILE)), ids=range(len(HOSTILE)))
async def test_hostile_strings_change_nothing_they_should_not(
    runner: CypherRunner, owned: str, index: int, text: str
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
        ("query($q: ID!) { explorer(center: $q) { nodes { nodeId } } }", {"q": text}),
    ]
    for query, variables in reads:
        result, _ = await execute(runner, query, variables)
        codes = {(e.extensions or {}).get("code") for e in result.errors or []}
        assert codes <= {"BAD_USER_INPUT"}, result.errors
    assert await graph_counts(runner) == before
    # The invitation is sent to a researcher who takes them (claimed, open to collaborate), so
    # the hostile message reaches invite_to_collaborate's CREATE as $message and is stored.
    message = text[:2000]
    invite = """mutation($id: ID!, $m: String!) {
      inviteToCollaborate(input: {researcherId: $id, message: $m}) {
        invitation { id message } userErrors { code } } }"""
    result, _ = await execute(runner, invite, {"id": owned, "m": message}, SENDERS[index])
    assert result.errors is None and result.data is not None
    sent = result.data["inviteToCollaborate"]
    assert sent["userErrors"] == [] and sent["invitation"] is not None
    invitation = sent["invitation"]["id"]
    assert sent["invitation"]["message"] == message

    # The read-only requests changed nothing; the invitation added exactly what it is: one
    # :Invitation node, and its SENT and TO edges. No :Pwned anywhere.
    nodes, relationships = before
    assert await graph_counts(runner) == (nodes + 1, relationships + 2)
    pwned = await runner.driver.execute_query(
        "MATCH (n:Pwned) RETURN count(n) AS n", database_=runner.database
    )
    assert pwned.records[0]["n"] == 0
    # The owner reads the message back as it was sent, character for character.
    inbox = "{ viewer { invitations(first: 100) { nodes { id message senderEmail } } } }"
    result, _ = await execute(runner, inbox, viewer=OWNER)
    assert result.errors is None and result.data is not None
    received = {i["id"]: i for i in result.data["viewer"]["invitations"]["nodes"]}
    assert received[invitation] == {
        "id": invitation,
        "message": message,
        "senderEmail": SENDERS[index].email,
    }


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
