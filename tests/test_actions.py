"""Follow, claim, invite, edit, confirm, split: races, permissions, and a whole user journey."""

import asyncio
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import clone_name, cloned_seed, load
from helpers import execute, graph_counts
from model.users import User
from resolvers.context import Policy

FOLLOW = """mutation($id: ID!) { followResearcher(input: {researcherId: $id}) {
  researcher { id viewerFollows counts { followers } } userErrors { code field } } }"""
UNFOLLOW = """mutation($id: ID!) { unfollowResearcher(input: {researcherId: $id}) {
  researcher { id viewerFollows counts { followers } } userErrors { code } } }"""
CLAIM = """mutation($id: ID!, $evidence: String) {
  claimResearcher(input: {researcherId: $id, evidence: $evidence}) {
    claim { id status } researcher { verification claimed trust { score } }
    userErrors { code field } } }"""
INVITE = """mutation($id: ID!, $message: String!) {
  inviteToCollaborate(input: {researcherId: $id, message: $message}) {
    invitation { id status } userErrors { code field } } }"""
RESEARCHER_ID = ["input", "researcherId"]
PROFILE = """query($id: ID!) { researcher(id: $id) {
  verification claimed viewerFollows counts { followers } trust { score tier } } }"""


def user(n: int | str, **claims: Any) -> User:
    return User(id=f"user-{n}", **claims)


def status(payload: dict[str, Any]) -> str | None:
    """The claim's status in a claimResearcher or reviewClaim payload; None when refused."""
    return payload["claim"]["status"] if payload["claim"] else None


async def ok(
    runner: CypherRunner,
    query: str,
    variables: dict[str, Any],
    viewer: User | None = None,
    **kw: Any,
) -> Any:
    result, _ = await execute(runner, query, variables, viewer, **kw)
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


@pytest.fixture(scope="module")
async def clones(
    shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory
) -> list[str]:
    """Copies of the seed profile that these tests may claim, follow and split."""
    records = [r for tag in ("c1", "c2", "c3", "c4", "c5") for r in cloned_seed(tag)]
    await load(shared_runner, tmp_path_factory.mktemp("clones"), records)
    return [f"A-{tag}-jian-jiao" for tag in ("c1", "c2", "c3", "c4", "c5")]


async def test_200_concurrent_follows_and_unfollows_stay_exact(
    runner: CypherRunner, clones: list[str]
) -> None:
    target = "A-c1-ruofei-zhang"
    followers = [user(i) for i in range(100)]

    # 100 users follow, each twice, all at once: 200 calls, 100 follows.
    await asyncio.gather(*(ok(runner, FOLLOW, {"id": target}, u) for u in followers * 2))
    assert (await ok(runner, PROFILE, {"id": target}))["researcher"]["counts"] == {"followers": 100}

    # Half unfollow while the other half follow again.
    calls = [ok(runner, UNFOLLOW, {"id": target}, u) for u in followers[:50]]
    calls += [ok(runner, FOLLOW, {"id": target}, u) for u in followers[50:]]
    await asyncio.gather(*calls)

    data = await ok(runner, PROFILE, {"id": target}, followers[0])
    assert data["researcher"]["counts"] == {"followers": 50}
    assert data["researcher"]["viewerFollows"] is False
    assert (await ok(runner, PROFILE, {"id": target}, followers[99]))["researcher"][
        "viewerFollows"
    ] is True
    assert (await ok(runner, PROFILE, {"id": target}))["researcher"]["viewerFollows"] is False


async def test_50_racing_claims_make_exactly_one_owner(
    runner: CypherRunner, clones: list[str]
) -> None:
    target = "A-c2-jian-jiao"
    claimants = [
        user(f"race-{i}", email=f"r{i}@microsoft.com", email_verified=True) for i in range(50)
    ]

    results = await asyncio.gather(*(ok(runner, CLAIM, {"id": target}, u) for u in claimants))

    outcomes = [r["claimResearcher"] for r in results]
    owners = [o for o in outcomes if status(o) == "APPROVED"]
    assert len(owners) == 1
    assert owners[0]["researcher"]["verification"] == "L2"
    refused = [o["userErrors"] for o in outcomes if status(o) is None]
    assert refused == [[{"code": "ALREADY_CLAIMED", "field": RESEARCHER_ID}]] * 49
    records = await runner.read("get_researchers", ids=[target])
    assert records[0]["researcher"]["ownerId"] in {u.id for u in claimants}


async def test_a_user_owns_at_most_one_researcher_even_when_racing(
    runner: CypherRunner, clones: list[str]
) -> None:
    greedy = user("greedy", email="g@microsoft.com", email_verified=True)
    # Each has a Microsoft address on their own authorships: any of them matches the email.
    targets = ["A-c3-jian-jiao", "A-c3-ruofei-zhang", "A-c3-yu-yan", "A-c3-yeyun-gong"]

    results = await asyncio.gather(*(ok(runner, CLAIM, {"id": t}, greedy) for t in targets))

    statuses = sorted(str(status(r["claimResearcher"])) for r in results)
    assert statuses == ["APPROVED", "None", "None", "None"]
    codes = {e["code"] for r in results for e in r["claimResearcher"]["userErrors"]}
    assert codes == {"ALREADY_OWNS_ANOTHER"}


async def test_a_claim_without_matching_evidence_waits_for_an_admin(
    runner: CypherRunner, clones: list[str]
) -> None:
    target = "A-c4-aimin-li"
    claimant = user("pending", email="someone@gmail.com", email_verified=True)
    admin = user("admin", admin=True)

    pending = (
        await ok(runner, CLAIM, {"id": target, "evidence": "my homepage lists it"}, claimant)
    )["claimResearcher"]
    assert status(pending) == "PENDING"
    assert pending["researcher"]["claimed"] is False
    claim_id = pending["claim"]["id"]

    queue = await ok(
        runner,
        "{ viewer { pendingClaims { nodes { id researcher { id } evidence } } } }",
        {},
        admin,
    )
    assert {
        "id": claim_id,
        "researcher": {"id": target},
        "evidence": "my homepage lists it",
    } in queue["viewer"]["pendingClaims"]["nodes"]

    review = """mutation($id: ID!) {
      reviewClaim(input: {claimId: $id, decision: APPROVE, institutionConfirmed: true}) {
        claim { id status } researcher { id claimed } userErrors { code } } }"""
    assert (await ok(runner, review, {"id": claim_id}, admin))["reviewClaim"] == {
        "claim": {"id": claim_id, "status": "APPROVED"},
        "researcher": {"id": target, "claimed": True},
        "userErrors": [],
    }
    again = await ok(runner, review, {"id": claim_id}, admin)
    assert again["reviewClaim"]["userErrors"] == [{"code": "NOT_PENDING"}]
    assert (await ok(runner, PROFILE, {"id": target}))["researcher"]["verification"] == "L3"


async def test_invitations_need_a_claimed_researcher_open_to_collaborate(
    runner: CypherRunner, clones: list[str]
) -> None:
    sender = user("sender")
    unclaimed = await ok(runner, INVITE, {"id": "A-c5-jian-jiao", "message": "Shall we?"}, sender)
    assert unclaimed["inviteToCollaborate"]["userErrors"] == [
        {"code": "NOT_CLAIMED", "field": RESEARCHER_ID}
    ]

    owner = user("c5-owner", email="me@gatech.edu", email_verified=True)
    claimed = await ok(runner, CLAIM, {"id": "A-c5-simiao-zuo"}, owner)
    assert status(claimed["claimResearcher"]) == "APPROVED"
    closed = await ok(runner, INVITE, {"id": "A-c5-simiao-zuo", "message": "Shall we?"}, sender)
    assert closed["inviteToCollaborate"]["userErrors"] == [
        {"code": "NOT_OPEN_TO_COLLABORATE", "field": RESEARCHER_ID}
    ]


async def test_the_daily_invitation_limit_holds(runner: CypherRunner, clones: list[str]) -> None:
    owners = [
        user(f"limit-owner-{i}", email=f"o{i}@hitsz.edu.cn", email_verified=True) for i in range(3)
    ]
    targets = ["A-c5-aimin-li", "A-c5-shaohua-wu", "A-c5-qinyu-zhang"]
    for owner, target in zip(owners, targets, strict=True):
        assert status((await ok(runner, CLAIM, {"id": target}, owner))["claimResearcher"]) == (
            "APPROVED"
        )
        edit = """mutation($id: ID!) { updateResearcherProfile(input: {researcherId: $id, openToCollaborate: true}) {
          researcher { openToCollaborate } } }"""
        await ok(runner, edit, {"id": target}, owner)
    sender = user("limited")
    policy = Policy(invite_daily_limit=2)

    results = [
        (await ok(runner, INVITE, {"id": t, "message": "hi"}, sender, policy=policy))[
            "inviteToCollaborate"
        ]
        for t in targets
    ]

    assert [bool(r["invitation"]) for r in results] == [True, True, False]
    assert results[2]["userErrors"] == [{"code": "DAILY_LIMIT_REACHED", "field": RESEARCHER_ID}]
    twice = await ok(runner, INVITE, {"id": targets[0], "message": "again"}, sender)
    assert twice["inviteToCollaborate"]["userErrors"] == [
        {"code": "ALREADY_PENDING", "field": RESEARCHER_ID}
    ]


async def test_a_whole_journey(runner: CypherRunner, clones: list[str]) -> None:
    """Sign in, claim with matching evidence, see L2 and more trust, get invited, accept."""
    me = user("journey", email="jian.jiao@microsoft.com", email_verified=True)
    target = "A-c1-jian-jiao"
    before = (await ok(runner, PROFILE, {"id": target}, me))["researcher"]

    claimed = (await ok(runner, CLAIM, {"id": target}, me))["claimResearcher"]

    assert status(claimed) == "APPROVED"
    assert claimed["researcher"]["verification"] == "L2"
    assert claimed["researcher"]["trust"]["score"] > before["trust"]["score"]
    friend = user("friend", email="friend@example.org")
    sent = await ok(runner, INVITE, {"id": target, "message": "Work on FP8 together?"}, friend)
    assert sent["inviteToCollaborate"]["invitation"]["status"] == "PENDING"
    invitation = sent["inviteToCollaborate"]["invitation"]["id"]
    assert invitation.startswith("Invitation:")
    inbox = """{ viewer { researcher { id }
      invitations(status: PENDING) { nodes { id message senderEmail researcher { id } } } } }"""
    data = await ok(runner, inbox, {}, me)
    assert data["viewer"] == {
        "researcher": {"id": target},
        "invitations": {
            "nodes": [
                {
                    "id": invitation,
                    "message": "Work on FP8 together?",
                    "senderEmail": "friend@example.org",
                    "researcher": {"id": target},
                }
            ]
        },
    }
    assert (await ok(runner, inbox, {}, friend))["viewer"]["invitations"] == {"nodes": []}
    respond = """mutation($id: ID!) {
      respondToInvitation(input: {invitationId: $id, decision: ACCEPT}) {
        invitation { id status } userErrors { code } } }"""
    assert (await ok(runner, respond, {"id": invitation}, me))["respondToInvitation"] == {
        "invitation": {"id": invitation, "status": "ACCEPTED"},
        "userErrors": [],
    }
    accepted = await ok(
        runner, "{ viewer { invitations(status: ACCEPTED) { nodes { id } } } }", {}, me
    )
    assert accepted["viewer"]["invitations"] == {"nodes": [{"id": invitation}]}


async def test_the_owner_splits_the_other_jian_jiao_off(
    runner: CypherRunner, clones: list[str]
) -> None:
    me = user("splitter", email="jj@microsoft.com", email_verified=True)
    target = "A-c4-jian-jiao"
    assert status((await ok(runner, CLAIM, {"id": target}, me))["claimResearcher"]) == "APPROVED"
    identity = """query($id: ID!) { researcher(id: $id) { identity { coherent groups { works { workId } } } } }"""
    groups = (await ok(runner, identity, {"id": target}))["researcher"]["identity"]["groups"]
    other = [w["workId"] for w in groups[1]["works"]]
    before = await graph_counts(runner)

    split = """mutation($id: ID!, $works: [ID!]!) { splitResearcher(input: {researcherId: $id, workIds: $works}) {
      researcher { counts { works } identity { coherent } }
      newResearcher { id name counts { works } works { edges { node { id authors { position researcher { id } } } } } }
      userErrors { code } } }"""
    result = (await ok(runner, split, {"id": target, "works": other}, me))["splitResearcher"]

    assert result["userErrors"] == []
    assert result["researcher"] == {"counts": {"works": 7}, "identity": {"coherent": True}}
    new = result["newResearcher"]
    assert new["name"] == clone_name("Jian Jiao", "c4") and new["counts"] == {"works": 2}
    for edge in new["works"]["edges"]:
        assert {"position": 3, "researcher": {"id": new["id"]}} in edge["node"]["authors"]
    nodes, relationships = await graph_counts(runner)
    # One new researcher node; the two authorships moved, none lost or added.
    assert (nodes, relationships) == (before[0] + 1, before[1])
