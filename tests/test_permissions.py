"""Every mutation: without a token UNAUTHENTICATED, on someone else's record FORBIDDEN, with bad
arguments BAD_USER_INPUT naming the field; and a refused call writes nothing."""

import pytest

from cypher import parameters
from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import SCHEMA, execute, graph_counts
from model.users import Auth, User
from resolvers.context import Context

OWNER = User(id="perm-owner", email="owner@microsoft.com", email_verified=True)
STRANGER = User(id="perm-stranger")
TARGET = "A-p1-jian-jiao"
WORK = "W-p1-arxiv-2002.06275"

MUTATIONS = {
    "follow": f'mutation {{ followResearcher(input: {{researcherId: "{TARGET}"}}) {{ followers }} }}',
    "unfollow": f'mutation {{ unfollowResearcher(input: {{researcherId: "{TARGET}"}}) {{ followers }} }}',
    "claim": f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ status }} }}',
    "review": 'mutation { reviewClaim(input: {claimId: "nope", approve: true}) { status } }',
    "release": f'mutation {{ releaseClaim(input: {{researcherId: "{TARGET}"}}) {{ researcher {{ id }} }} }}',
    "update": f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", description: "x"}}) {{ researcher {{ id }} }} }}',
    "invite": f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "hi"}}) {{ invitationId }} }}',
    "respond": 'mutation { respondToInvitation(input: {invitationId: "nope", accept: true}) { invitationId } }',
    "confirm": f'mutation {{ confirmWorks(input: {{researcherId: "{TARGET}", workIds: ["{WORK}"]}}) {{ confirmed }} }}',
    "split": f'mutation {{ splitResearcher(input: {{researcherId: "{TARGET}", workIds: ["{WORK}"]}}) {{ newResearcher {{ id }} }} }}',
}
OWNER_ONLY = ["release", "update", "confirm", "split"]
BAD_ARGUMENTS = [
    ('mutation { followResearcher(input: {researcherId: "W-x"}) { followers } }', "researcherId"),
    ('mutation { claimResearcher(input: {researcherId: "bad id"}) { status } }', "researcherId"),
    (
        f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}", evidence: "{"e" * 2001}"}}) {{ status }} }}',
        "evidence",
    ),
    (
        f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "  "}}) {{ invitationId }} }}',
        "message",
    ),
    (
        f'mutation {{ inviteToCollaborate(input: {{researcherId: "{TARGET}", message: "{"m" * 2001}"}}) {{ invitationId }} }}',
        "message",
    ),
    (
        f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", description: "{"d" * 1001}"}}) {{ researcher {{ id }} }} }}',
        "description",
    ),
    (
        f'mutation {{ updateResearcherProfile(input: {{researcherId: "{TARGET}", affiliationId: "A-x"}}) {{ researcher {{ id }} }} }}',
        "affiliationId",
    ),
    (
        f'mutation {{ confirmWorks(input: {{researcherId: "{TARGET}", workIds: []}}) {{ confirmed }} }}',
        "workIds",
    ),
    (
        f'mutation {{ splitResearcher(input: {{researcherId: "{TARGET}", workIds: ["A-x"]}}) {{ confirmed: __typename }} }}',
        "workIds[0]",
    ),
]


@pytest.fixture(scope="module")
async def owned(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    await load(shared_runner, tmp_path_factory.mktemp("perm"), cloned_seed("p1"))
    claim = f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ status }} }}'
    result, _ = await execute(shared_runner, claim, viewer=OWNER)
    assert result.data == {"claimResearcher": {"status": "APPROVED"}}
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


@pytest.mark.parametrize(("query", "field"), BAD_ARGUMENTS)
async def test_bad_arguments_are_bad_user_input_naming_the_field(
    runner: CypherRunner, owned: str, query: str, field: str
) -> None:
    assert await refused(runner, query, OWNER) == {"code": "BAD_USER_INPUT", "argument": field}


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
    "respond": "mutation($id: ID!) { respondToInvitation(input: {invitationId: $id, accept: true}) { invitationId } }",
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
            '(input: {researcherId: "A-p1-yu-yan", message: "hi"}) { invitationId userErrors { code } }',
            STRANGER,
        ),
        ("releaseClaim", '(input: {researcherId: "A-p1-yu-yan"}) { userErrors { code } }', owner),
    ]
    invitation = ""
    for field, rest, viewer in steps:
        result, _ = await execute(shared_runner, f"mutation {{ {field}{rest} }}", viewer=viewer)
        assert result.errors is None and result.data is not None, result.errors
        assert result.data[field]["userErrors"] == []
        invitation = result.data[field].get("invitationId") or invitation
    return invitation


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
    ids = {"researcherId": UNCLAIMED, "invitationId": orphan_invitation}

    assert await write_as(runner, statement, owner_id, **ids, **params) == ["OWNER_CHANGED"]
    assert await graph_counts(runner) == before


@pytest.mark.parametrize(("statement", "params"), OWNER_WRITES)
async def test_a_write_allowed_for_an_owner_who_has_let_go_since_changes_nothing(
    runner: CypherRunner, orphan_invitation: str, statement: str, params: dict[str, object]
) -> None:
    """The race: perm-owner-2 was allowed while they owned A-p1-yu-yan, and released it before
    the write ran. The write holds only while the record's owner is the one allowed."""
    before = await graph_counts(runner)
    ids = {"researcherId": "A-p1-yu-yan", "invitationId": orphan_invitation}

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

        admin = User(id="perm-admin", admin=True)
        result, _ = await execute(runner, query, {"id": record, "works": [work]}, admin)
        assert result.errors is None, result.errors
        assert result.data is not None
        assert result.data["splitResearcher"]["userErrors"] == []
        assert result.data["splitResearcher"]["newResearcher"]["name"] is not None
