"""Every mutation: without a token UNAUTHENTICATED, on someone else's record FORBIDDEN, with a
malformed input value an INVALID userError naming its path; and a refused call writes nothing."""

from typing import Any

import pytest

from cypher import parameters
from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import SCHEMA, execute, graph_counts
from model.ids import record_key
from model.users import Auth, User
from resolvers.context import Context

OWNER = User(id="perm-owner", email="owner@microsoft.com", email_verified=True)
STRANGER = User(id="perm-stranger")
ADMIN = User(id="perm-admin", admin=True)
TARGET = "A-p1-jian-jiao"
WORK = "W-p1-arxiv-2002.06275"

MUTATIONS = {
    "follow": f'mutation {{ followResearcher(input: {{researcherId: "{TARGET}"}}) {{ researcher {{ counts {{ followers }} }} }} }}',
    "unfollow": f'mutation {{ unfollowResearcher(input: {{researcherId: "{TARGET}"}}) {{ researcher {{ counts {{ followers }} }} }} }}',
    "claim": f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ claim {{ status }} }} }}',
    "review": 'mutation { reviewClaim(input: {claimId: "nope", decision: APPROVE}) { claim { status } } }',
    "release": f'mutation {{ releaseClaim(input: {{researcherId: "{TARGET}"}}) {{ researcher {{ id }} }} }}',
    "update": f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", description: "x"}}) {{ researcher {{ id }} }} }}',
    "invite": f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "hi"}}) {{ invitation {{ id }} }} }}',
    "respond": 'mutation { respondToInvitation(input: {invitationId: "nope", decision: ACCEPT}) { invitation { id } } }',
    "confirm": f'mutation {{ confirmWorks(input: {{researcherId: "{TARGET}", workIds: ["{WORK}"]}}) {{ confirmed }} }}',
    "split": f'mutation {{ splitResearcher(input: {{researcherId: "{TARGET}", workIds: ["{WORK}"]}}) {{ newResearcher {{ id }} }} }}',
}
OWNER_ONLY = ["release", "update", "confirm", "split"]
ERRORS = "userErrors { code field }"
# A malformed input value: the mutation, its payload's objects (each null when refused), the
# path of the value, and who sends it (OWNER unless said).
BAD_ARGUMENTS: list[tuple[str, str, list[str], User]] = [
    (
        f'mutation {{ followResearcher(input: {{researcherId: "W-x"}}) {{ researcher {{ id }} {ERRORS} }} }}',
        "followResearcher",
        ["researcherId"],
        OWNER,
    ),
    (
        f'mutation {{ claimResearcher(input: {{researcherId: "bad id"}}) {{ claim {{ id }} researcher {{ id }} {ERRORS} }} }}',
        "claimResearcher",
        ["researcherId"],
        OWNER,
    ),
    (
        f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}", evidence: "{"e" * 2001}"}}) {{ claim {{ id }} researcher {{ id }} {ERRORS} }} }}',
        "claimResearcher",
        ["evidence"],
        OWNER,
    ),
    (
        f'mutation {{ reviewClaim(input: {{claimId: "nope", decision: APPROVE}}) {{ claim {{ id }} researcher {{ id }} {ERRORS} }} }}',
        "reviewClaim",
        ["claimId"],
        ADMIN,
    ),
    (
        f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "  "}}) {{ invitation {{ id }} {ERRORS} }} }}',
        "inviteToCollaborate",
        ["message"],
        OWNER,
    ),
    (
        f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "{"m" * 2001}"}}) {{ invitation {{ id }} {ERRORS} }} }}',
        "inviteToCollaborate",
        ["message"],
        OWNER,
    ),
    (
        f'mutation {{ respondToInvitation(input: {{invitationId: "nope", decision: ACCEPT}}) {{ invitation {{ id }} {ERRORS} }} }}',
        "respondToInvitation",
        ["invitationId"],
        OWNER,
    ),
    (
        f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", description: "{"d" * 1001}"}}) {{ researcher {{ id }} {ERRORS} }} }}',
        "updateResearcherProfile",
        ["description"],
        OWNER,
    ),
    (
        f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", affiliationId: "A-x"}}) {{ researcher {{ id }} {ERRORS} }} }}',
        "updateResearcherProfile",
        ["affiliationId"],
        OWNER,
    ),
    (
        f'mutation {{ confirmWorks(input: {{researcherId: "{TARGET}", workIds: []}}) {{ confirmed researcher {{ id }} {ERRORS} }} }}',
        "confirmWorks",
        ["workIds"],
        OWNER,
    ),
    (
        f'mutation {{ splitResearcher(input: {{researcherId: "{TARGET}", workIds: ["A-x"]}}) {{ researcher {{ id }} newResearcher {{ id }} {ERRORS} }} }}',
        "splitResearcher",
        ["workIds", "0"],
        OWNER,
    ),
]


@pytest.fixture(scope="module")
async def owned(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    await load(shared_runner, tmp_path_factory.mktemp("perm"), cloned_seed("p1"))
    claim = f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ claim {{ status }} }} }}'
    result, _ = await execute(shared_runner, claim, viewer=OWNER)
    assert result.data == {"claimResearcher": {"claim": {"status": "APPROVED"}}}
    return TARGET


async def refused(runner: CypherRunner, query: str, viewer: User | None) -> dict[str, object]:
    before = await graph_counts(runner)
    result, _ = await execute(runner, query, viewer=viewer)
    assert result.errors is not None and len(result.errors) == 1
    assert await graph_counts(runner) == before, "a refused call wrote to the graph"
    return dict(result.errors[0].extensions or {})


@pytest.mark.parametrize("name", sorted(MUTATIONS))
async def test_without_a_token_every_mutation_is_unauthenticated(
    runner: CypherRunner, owned: str, name: str
) -> None:
    assert (await refused(runner, MUTATIONS[name], None))["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("name", OWNER_ONLY)
async def test_someone_elses_record_is_forbidden(
    runner: CypherRunner, owned: str, name: str
) -> None:
    assert (await refused(runner, MUTATIONS[name], STRANGER))["code"] == "FORBIDDEN"


async def test_only_admins_review_claims(runner: CypherRunner, owned: str) -> None:
    assert (await refused(runner, MUTATIONS["review"], STRANGER))["code"] == "FORBIDDEN"


@pytest.mark.parametrize(("query", "mutation", "path", "viewer"), BAD_ARGUMENTS)
async def test_bad_arguments_are_invalid_user_errors_naming_the_field(
    runner: CypherRunner, owned: str, query: str, mutation: str, path: list[str], viewer: User
) -> None:
    before = await graph_counts(runner)
    result, _ = await execute(runner, query, viewer=viewer)

    assert result.errors is None, result.errors
    assert result.data is not None
    payload: dict[str, Any] = result.data[mutation]
    assert payload.pop("userErrors") == [{"code": "INVALID", "field": ["input", *path]}]
    # The payload's objects are null (and nothing was confirmed).
    assert all(value in (None, 0) for value in payload.values()), payload
    assert await graph_counts(runner) == before, "a refused call wrote to the graph"


async def test_a_token_problem_is_reported_on_viewer_fields_but_reads_stay_public(
    runner: CypherRunner,
) -> None:

    context = Context.create(runner, Auth(problem="the token has expired: sign in again"))
    result = await SCHEMA.execute(
        '{ researcher(id: "A-jian-jiao") { name } viewer { id } }', context_value=context
    )

    assert result.data == {"researcher": {"name": "Jian Jiao"}, "viewer": None}
    assert result.errors is not None
    assert result.errors[0].message == "the token has expired: sign in again"
    assert result.errors[0].extensions == {"code": "UNAUTHENTICATED"}


NOBODY = User(id="")
UNCLAIMED = "A-p1-ruofei-zhang"
OWNER_CHECKED = {
    "release": f'mutation {{ releaseClaim(input: {{researcherId: "{UNCLAIMED}"}}) {{ researcher {{ id }} }} }}',
    "update": f'mutation {{ updateResearcherProfile(input: {{researcherId: "{UNCLAIMED}", description: "x"}}) {{ researcher {{ id }} }} }}',
    "confirm": f'mutation {{ confirmWorks(input: {{researcherId: "{UNCLAIMED}", workIds: ["{WORK}"]}}) {{ confirmed }} }}',
    "split": f'mutation {{ splitResearcher(input: {{researcherId: "{UNCLAIMED}", workIds: ["{WORK}"]}}) {{ newResearcher {{ id }} }} }}',
    "respond": "mutation($id: ID!) { respondToInvitation(input: {invitationId: $id, decision: ACCEPT}) { invitation { id } } }",
}


@pytest.fixture(scope="module")
async def orphan_invitation(shared_runner: CypherRunner, owned: str) -> str:
    """A pending invitation to a researcher whose owner has let go of it since."""
    owner = User(id="perm-owner-2", email="o2@microsoft.com", email_verified=True)
    steps = [
        (
            "claimResearcher",
            '(input: {researcherId: "A-p1-yu-yan"}) { userErrors { code } }',
            owner,
        ),
        (
            "updateResearcherProfile",
            '(input: {researcherId: "A-p1-yu-yan", openToCollaborate: true}) { userErrors { code } }',
            owner,
        ),
        (
            "inviteToCollaborate",
            '(input: {researcherId: "A-p1-yu-yan", message: "hi"}) { invitation { id } userErrors { code } }',
            STRANGER,
        ),
        ("releaseClaim", '(input: {researcherId: "A-p1-yu-yan"}) { userErrors { code } }', owner),
    ]
    invitation = ""
    for field, rest, viewer in steps:
        result, _ = await execute(shared_runner, f"mutation {{ {field}{rest} }}", viewer=viewer)
        assert result.errors is None and result.data is not None, result.errors
        assert result.data[field]["userErrors"] == []
        invitation = (result.data[field].get("invitation") or {}).get("id") or invitation
    return invitation


def graph_key(invitation_id: str) -> str:
    """The key the graph keeps for an invitation, from the id the API gave: what the
    statements take."""
    parsed = record_key(invitation_id)
    assert parsed is not None and parsed[0] == "Invitation", invitation_id
    return parsed[1]


@pytest.mark.parametrize("name", sorted(OWNER_CHECKED))
async def test_an_empty_user_id_owns_no_unclaimed_researcher(
    runner: CypherRunner, orphan_invitation: str, name: str
) -> None:
    """The statements compare owners only when there is one: a user id that is empty (a token
    the service would refuse anyway) is nobody's, not the owner of every unclaimed record."""
    before = await graph_counts(runner)
    result, _ = await execute(runner, OWNER_CHECKED[name], {"id": orphan_invitation}, NOBODY)

    assert result.errors is not None and len(result.errors) == 1
    assert result.errors[0].extensions == {"code": "FORBIDDEN"}
    assert await graph_counts(runner) == before
    check, _ = await execute(runner, f'{{ researcher(id: "{UNCLAIMED}") {{ description }} }}')
    assert check.data is not None and check.data["researcher"]["description"] is None


OWNER_WRITES = [
    ("release_claim", {}),
    (
        "update_researcher_profile",
        {"description": "x", "openToCollaborate": True, "affiliationId": None},
    ),
    ("confirm_authorships", {"workIds": [WORK]}),
    ("respond_to_invitation", {"accept": True}),
]


async def write_as(
    runner: CypherRunner, statement: str, owner_id: str | None, **params: object
) -> list[str]:
    """Runs an owner's write the way resolvers/authorization.py allows it, with `owner_id` as
    the owner it was allowed for; the outcomes it answers."""
    # Each statement gets the parameters its header names (the runner checks them).
    offered = {"ownerId": owner_id, **params}
    named = parameters(statement)
    records = await runner.write(statement, **{k: v for k, v in offered.items() if k in named})
    return [r["outcome"] for r in records]


@pytest.mark.parametrize("owner_id", ["", None], ids=["empty", "null"])
@pytest.mark.parametrize(("statement", "params"), OWNER_WRITES)
async def test_an_owners_write_never_runs_on_a_record_without_an_owner(
    runner: CypherRunner,
    orphan_invitation: str,
    statement: str,
    params: dict[str, object],
    owner_id: str | None,
) -> None:
    """Statement by statement: an owner id that is empty or null never equals a missing owner,
    so these writes need an owner even if a caller got the decision wrong."""
    before = await graph_counts(runner)
    ids = {"researcherId": UNCLAIMED, "invitationId": graph_key(orphan_invitation)}

    assert await write_as(runner, statement, owner_id, **ids, **params) == ["OWNER_CHANGED"]
    assert await graph_counts(runner) == before


@pytest.mark.parametrize(("statement", "params"), OWNER_WRITES)
async def test_a_write_allowed_for_an_owner_who_has_let_go_since_changes_nothing(
    runner: CypherRunner, orphan_invitation: str, statement: str, params: dict[str, object]
) -> None:
    """The race: perm-owner-2 was allowed while they owned A-p1-yu-yan, and released it before
    the write ran. The write holds only while the record's owner is the one allowed."""
    before = await graph_counts(runner)
    ids = {"researcherId": "A-p1-yu-yan", "invitationId": graph_key(orphan_invitation)}

    assert await write_as(runner, statement, "perm-owner-2", **ids, **params) == ["OWNER_CHANGED"]
    assert await graph_counts(runner) == before


async def test_a_split_allowed_on_an_unclaimed_record_stops_once_someone_claims_it(
    runner: CypherRunner, owned: str
) -> None:
    """An admin's split of an unclaimed record carries ownerId null; once the record is claimed
    (here TARGET, owned since the fixture) the split changes nothing."""
    before = await graph_counts(runner)
    split = {"researcherId": TARGET, "newId": "A-p1-never", "workIds": [WORK]}

    assert await write_as(runner, "split_researcher", None, **split) == ["OWNER_CHANGED"]
    assert await write_as(runner, "split_researcher", "", **split) == ["OWNER_CHANGED"]
    assert await graph_counts(runner) == before


async def test_an_admin_splits_a_record_it_does_not_own_and_a_stranger_cannot(
    runner: CypherRunner, owned: str
) -> None:
    query = """mutation($id: ID!, $works: [ID!]!) {
      splitResearcher(input: {researcherId: $id, workIds: $works}) {
        newResearcher { name } userErrors { code } } }"""
    for record in (TARGET, UNCLAIMED):
        page, _ = await execute(
            runner,
            "query($id: ID!) { researcher(id: $id) { works(first: 1) { edges { node { id } } } } }",
            {"id": record},
        )
        assert page.data is not None
        work = page.data["researcher"]["works"]["edges"][0]["node"]["id"]
        stranger, _ = await execute(runner, query, {"id": record, "works": [work]}, STRANGER)
        assert stranger.errors is not None
        assert stranger.errors[0].extensions == {"code": "FORBIDDEN"}

        result, _ = await execute(runner, query, {"id": record, "works": [work]}, ADMIN)
        assert result.errors is None, result.errors
        assert result.data is not None
        assert result.data["splitResearcher"]["userErrors"] == []
        assert result.data["splitResearcher"]["newResearcher"]["name"] is not None
