"""Mutation payloads a normalising client cache can use: the changed objects, permissions as
data, typed refusals with a field path, claims and invitations refetchable by those concerned."""

from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute
from model.users import User

FOLLOW = """mutation($id: ID!) { followResearcher(input: {researcherId: $id}) {
  researcher { __typename id viewerFollows counts { followers } }
  userErrors { __typename code message field } } }"""
CLAIM = """mutation($id: ID!) { claimResearcher(input: {researcherId: $id}) {
  claim { __typename id status claimantId researcher { id } }
  researcher { id claimed verification viewerIsOwner viewerCanClaim }
  userErrors { code field } } }"""
REVIEW = """mutation($id: ID!, $decision: ClaimDecision!) {
  reviewClaim(input: {claimId: $id, decision: $decision}) {
    claim { id status reviewedAt } researcher { id claimed verification } userErrors { code } } }"""
INVITE = """mutation($id: ID!, $message: String!) {
  inviteToCollaborate(input: {researcherId: $id, message: $message}) {
    invitation { __typename id status message researcher { id } sender { id } }
    userErrors { code message field } } }"""
RESPOND = """mutation($id: ID!, $decision: InvitationDecision!) {
  respondToInvitation(input: {invitationId: $id, decision: $decision}) {
    invitation { id status } userErrors { code field } } }"""
OPEN = """mutation($id: ID!) { updateResearcherProfile(input: {researcherId: $id,
  openToCollaborate: true}) { userErrors { code } } }"""
CAN = """query($id: ID!) { researcher(id: $id) {
  viewerCanFollow viewerCanClaim viewerCanInvite viewerIsOwner } }"""
NODE = """query($id: ID!) { node(id: $id) { __typename id
  ... on Claim { claimStatus: status researcher { id } }
  ... on Invitation { invitationStatus: status message } } }"""


def user(name: str, **claims: Any) -> User:
    return User(id=f"payload-{name}", **claims)


ADMIN = User(id="payload-admin", admin=True)


async def ok(
    runner: CypherRunner, query: str, variables: dict[str, Any], viewer: User | None
) -> Any:
    result, _ = await execute(runner, query, variables, viewer)
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


@pytest.fixture(scope="module")
async def seeded(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> None:
    records = [r for tag in ("p1", "p2", "p3") for r in cloned_seed(tag)]
    await load(shared_runner, tmp_path_factory.mktemp("payloads"), records)


async def test_following_returns_the_researcher_as_it_now_is(
    runner: CypherRunner, seeded: None
) -> None:
    me = user("follower")

    data = await ok(runner, FOLLOW, {"id": "A-p1-ruofei-zhang"}, me)

    assert data["followResearcher"] == {
        "researcher": {
            "__typename": "Researcher",
            "id": "A-p1-ruofei-zhang",
            "viewerFollows": True,
            "counts": {"followers": 1},
        },
        "userErrors": [],
    }


async def test_following_nobody_is_a_typed_refusal_with_its_field_path(
    runner: CypherRunner, seeded: None
) -> None:
    data = await ok(runner, FOLLOW, {"id": "A-nobody-at-all"}, user("follower"))

    assert data["followResearcher"] == {
        "researcher": None,
        "userErrors": [
            {
                "__typename": "FollowError",
                "code": "NOT_FOUND",
                "message": "no researcher has the id 'A-nobody-at-all'",
                "field": ["input", "researcherId"],
            }
        ],
    }


async def test_an_empty_message_is_a_user_error_not_a_failed_request(
    runner: CypherRunner, seeded: None
) -> None:
    result, _ = await execute(runner, INVITE, {"id": "A-p1-jian-jiao", "message": "  "}, user("x"))

    assert result.errors is None
    assert result.data == {
        "inviteToCollaborate": {
            "invitation": None,
            "userErrors": [
                {
                    "code": "INVALID",
                    "message": "message: must be 1 to 2000 characters, got 0",
                    "field": ["input", "message"],
                }
            ],
        }
    }


async def test_a_malformed_work_id_names_its_place_in_the_list(
    runner: CypherRunner, seeded: None
) -> None:
    split = """mutation($works: [ID!]!) { splitResearcher(input: {researcherId: "A-p1-jian-jiao",
      workIds: $works}) { researcher { id } userErrors { code field } } }"""

    data = await ok(runner, split, {"works": ["W-p1-x", "not an id"]}, user("x"))

    assert data["splitResearcher"] == {
        "researcher": None,
        "userErrors": [{"code": "INVALID", "field": ["input", "workIds", "1"]}],
    }


async def test_a_reviewed_claim_returns_the_claim_and_the_record_it_gave(
    runner: CypherRunner, seeded: None
) -> None:
    claimant = user("claimant")
    made = (await ok(runner, CLAIM, {"id": "A-p2-jian-jiao"}, claimant))["claimResearcher"]
    claim_id = made["claim"]["id"]
    assert made == {
        "claim": {
            "__typename": "Claim",
            "id": claim_id,
            "status": "PENDING",
            "claimantId": "payload-claimant",
            "researcher": {"id": "A-p2-jian-jiao"},
        },
        "researcher": {
            "id": "A-p2-jian-jiao",
            "claimed": False,
            "verification": "L1",
            "viewerIsOwner": False,
            "viewerCanClaim": False,
        },
        "userErrors": [],
    }

    reviewed = await ok(runner, REVIEW, {"id": claim_id, "decision": "APPROVE"}, ADMIN)

    payload = reviewed["reviewClaim"]
    assert payload["claim"]["status"] == "APPROVED" and payload["claim"]["reviewedAt"]
    assert payload["researcher"] == {"id": "A-p2-jian-jiao", "claimed": True, "verification": "L2"}
    assert payload["userErrors"] == []


async def test_a_claim_is_seen_by_its_claimant_and_admins_only(
    runner: CypherRunner, seeded: None
) -> None:
    claimant = user("looker")
    made = (await ok(runner, CLAIM, {"id": "A-p3-ruofei-zhang"}, claimant))["claimResearcher"]
    claim_id = made["claim"]["id"]
    seen = {"__typename": "Claim", "id": claim_id, "claimStatus": "PENDING",
            "researcher": {"id": "A-p3-ruofei-zhang"}}  # fmt: skip

    assert (await ok(runner, NODE, {"id": claim_id}, claimant))["node"] == seen
    assert (await ok(runner, NODE, {"id": claim_id}, ADMIN))["node"] == seen
    assert (await ok(runner, NODE, {"id": claim_id}, user("stranger")))["node"] is None
    assert (await ok(runner, NODE, {"id": claim_id}, None))["node"] is None
    mine = await ok(runner, "{ viewer { claims { nodes { id status } } } }", {}, claimant)
    assert mine["viewer"]["claims"] == {"nodes": [{"id": claim_id, "status": "PENDING"}]}
    stranger = await ok(runner, "{ viewer { claims { nodes { id } } } }", {}, user("stranger"))
    assert stranger["viewer"] == {"claims": {"nodes": []}}


async def test_permissions_follow_what_the_mutations_would_decide(
    runner: CypherRunner, seeded: None
) -> None:
    owner = user("p1-owner", email="me@gatech.edu", email_verified=True)
    sender = user("p1-sender")
    target = "A-p1-simiao-zuo"
    nobody = {"viewerCanFollow": False, "viewerCanClaim": False, "viewerCanInvite": False,
              "viewerIsOwner": False}  # fmt: skip
    assert (await ok(runner, CAN, {"id": target}, None))["researcher"] == nobody
    assert (await ok(runner, CAN, {"id": target}, owner))["researcher"] == {
        **nobody, "viewerCanFollow": True, "viewerCanClaim": True
    }  # fmt: skip

    await ok(runner, CLAIM, {"id": target}, owner)
    await ok(runner, OPEN, {"id": target}, owner)

    assert (await ok(runner, CAN, {"id": target}, owner))["researcher"] == {
        **nobody, "viewerCanFollow": True, "viewerIsOwner": True
    }  # fmt: skip
    assert (await ok(runner, CAN, {"id": target}, sender))["researcher"] == {
        **nobody, "viewerCanFollow": True, "viewerCanInvite": True
    }  # fmt: skip
    sent = await ok(runner, INVITE, {"id": target, "message": "Shall we?"}, sender)
    assert sent["inviteToCollaborate"]["userErrors"] == []
    assert (await ok(runner, CAN, {"id": target}, sender))["researcher"]["viewerCanInvite"] is False


async def test_an_invitation_comes_back_and_is_refetched_by_those_it_concerns(
    runner: CypherRunner, seeded: None
) -> None:
    owner = user("p2-owner", email="me@hitsz.edu.cn", email_verified=True)
    sender = user("p2-sender", email="jj@microsoft.com", email_verified=True)
    target = "A-p2-aimin-li"
    assert (await ok(runner, CLAIM, {"id": target}, owner))["claimResearcher"]["userErrors"] == []
    await ok(runner, OPEN, {"id": target}, owner)
    sender_record = (await ok(runner, CLAIM, {"id": "A-p3-jian-jiao"}, sender))["claimResearcher"]
    assert sender_record["researcher"]["claimed"] is True

    sent = (await ok(runner, INVITE, {"id": target, "message": "FP8?"}, sender))[
        "inviteToCollaborate"
    ]

    invitation = sent["invitation"]
    assert invitation == {
        "__typename": "Invitation",
        "id": invitation["id"],
        "status": "PENDING",
        "message": "FP8?",
        "researcher": {"id": target},
        "sender": {"id": "A-p3-jian-jiao"},
    }
    seen = {"__typename": "Invitation", "id": invitation["id"], "invitationStatus": "PENDING",
            "message": "FP8?"}  # fmt: skip
    assert (await ok(runner, NODE, {"id": invitation["id"]}, owner))["node"] == seen
    assert (await ok(runner, NODE, {"id": invitation["id"]}, sender))["node"] == seen
    assert (await ok(runner, NODE, {"id": invitation["id"]}, user("nosy")))["node"] is None

    answered = await ok(runner, RESPOND, {"id": invitation["id"], "decision": "DECLINE"}, owner)

    assert answered["respondToInvitation"] == {
        "invitation": {"id": invitation["id"], "status": "DECLINED"},
        "userErrors": [],
    }


async def test_each_mutation_lists_only_the_codes_it_can_return(runner: CypherRunner) -> None:
    query = """{ follow: __type(name: "FollowErrorCode") { enumValues { name } }
      respond: __type(name: "RespondToInvitationErrorCode") { enumValues { name } } }"""

    data = await ok(runner, query, {}, None)

    assert [v["name"] for v in data["follow"]["enumValues"]] == ["INVALID", "NOT_FOUND"]
    assert [v["name"] for v in data["respond"]["enumValues"]] == [
        "INVALID",
        "NOT_FOUND",
        "NOT_PENDING",
    ]


INBOX = """query($after: String) { viewer { invitations(first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id message } } } } }"""


async def test_invitations_page_with_cursors_that_serve_only_their_list(
    runner: CypherRunner, seeded: None
) -> None:
    owner = user("p1-inbox-owner")
    target = "A-p1-shaohua-wu"
    claim = (await ok(runner, CLAIM, {"id": target}, owner))["claimResearcher"]["claim"]
    await ok(runner, REVIEW, {"id": claim["id"], "decision": "APPROVE"}, ADMIN)
    await ok(runner, OPEN, {"id": target}, owner)
    sent = []
    for n in range(5):
        answer = await ok(
            runner, INVITE, {"id": target, "message": f"#{n}"}, user(f"p1-inbox-s{n}")
        )
        sent.append(answer["inviteToCollaborate"]["invitation"]["id"])

    pages, after = [], None
    while True:
        inbox = (await ok(runner, INBOX, {"after": after}, owner))["viewer"]["invitations"]
        pages.append([e["node"]["id"] for e in inbox["edges"]])
        after = inbox["pageInfo"]["endCursor"]
        assert inbox["totalCount"] is None
        if not inbox["pageInfo"]["hasNextPage"]:
            break

    assert [len(p) for p in pages] == [2, 2, 1]
    assert sorted(i for p in pages for i in p) == sorted(sent)
    # A cursor of the viewer's invitations means nothing to their claims, nor to another
    # user's invitations.
    claims = """query($after: String) { viewer { claims(after: $after) { nodes { id } } } }"""
    for query, viewer in ((claims, owner), (INBOX, user("p1-inbox-s0"))):
        result, _ = await execute(runner, query, {"after": after}, viewer)
        assert result.errors is not None
        assert [e.extensions for e in result.errors] == [
            {"code": "BAD_USER_INPUT", "argument": "after"}
        ]
