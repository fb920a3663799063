"""Following researchers and inviting them to collaborate."""

import uuid
from dataclasses import dataclass

from neo4j import Record

from cypher.runner import as_datetime
from model.paging import Page
from model.refusals import Refusal, not_found
from model.social import InvitationRow
from resolvers.authorization import check_still_owner, invitation_grant, signed_in
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.ids import expect, expect_record
from resolvers.paging import check_first, scope, timed_page, timed_page_after

MAX_MESSAGE = 2000
INVITE_REFUSALS = {
    "NOT_CLAIMED": "Claim this author entity first to unlock direct invitations: "
    "nobody owns it yet",
    "NOT_OPEN_TO_COLLABORATE": "This researcher is not open to collaboration invitations",
    "OWN_PROFILE": "You cannot invite the researcher you own",
    "ALREADY_PENDING": "You already have a pending invitation to this researcher",
    "DAILY_LIMIT_REACHED": "You reached today's limit of invitations; try again tomorrow",
}


@dataclass(frozen=True)
class FollowResult:
    researcher_id: str
    following: bool
    followers: int
    error: Refusal | None = None


async def set_following(ctx: Context, researcher_id: str, follow: bool) -> FollowResult:
    viewer = signed_in(ctx)
    expect("researcherId", researcher_id, "Researcher")
    statement = "follow_researcher" if follow else "unfollow_researcher"
    records = await ctx.runner.write(statement, user=viewer.params(), researcherId=researcher_id)
    if not records:
        return FollowResult(
            researcher_id, False, 0, not_found("researcherId", "researcher", researcher_id)
        )
    return FollowResult(researcher_id, follow, records[0]["followers"])


async def viewer_follows(ctx: Context, researcher_id: str) -> bool:
    if ctx.auth.user is None:
        return False
    return await ctx.loaders.viewer_follows.load(researcher_id)


def check_message(message: str) -> str:
    text = message.strip()
    if not 1 <= len(text) <= MAX_MESSAGE:
        raise BadInput("message", f"must be 1 to {MAX_MESSAGE} characters, got {len(text)}")
    return text


async def invite(
    ctx: Context, researcher_id: str, message: str
) -> tuple[str | None, Refusal | None]:
    """The new invitation's id, or why none was sent."""
    viewer = signed_in(ctx)
    expect("researcherId", researcher_id, "Researcher")
    text = check_message(message)
    invitation_id = str(uuid.uuid4())
    records = await ctx.runner.write(
        "invite_to_collaborate",
        user=viewer.params(),
        researcherId=researcher_id,
        invitationId=invitation_id,
        message=text,
        dailyLimit=ctx.policy.invite_daily_limit,
    )
    if not records:
        return None, not_found("researcherId", "researcher", researcher_id)
    outcome = records[0]["outcome"]
    if outcome != "SENT":
        return None, Refusal(outcome, INVITE_REFUSALS[outcome], "researcherId")
    return invitation_id, None


async def respond(ctx: Context, invitation_id: str, accept: bool) -> Refusal | None:
    user = signed_in(ctx)
    key = expect_record("invitationId", invitation_id, "Invitation")
    grant = await invitation_grant(ctx, user, key)
    if grant is None:
        return not_found("invitationId", "invitation", invitation_id)
    records = await ctx.runner.write(
        "respond_to_invitation", ownerId=grant.owner_id, invitationId=key, accept=accept
    )
    if not records:
        return not_found("invitationId", "invitation", invitation_id)
    check_still_owner(records[0]["outcome"])
    if records[0]["outcome"] == "NOT_PENDING":
        return Refusal("NOT_PENDING", "this invitation was already answered", "invitationId")
    return None


def invitation_row(r: Record) -> InvitationRow:
    return InvitationRow(
        r["id"],
        r["message"],
        r["status"],
        as_datetime(r["at"]),
        r["senderEmail"],
        r["senderResearcherId"],
        r["researcherId"],
    )


async def invitations(
    ctx: Context, status: str | None, first: int, after: str | None
) -> Page[InvitationRow]:
    viewer = signed_in(ctx)
    list_scope = scope(f"invitations:{status or 'ALL'}", viewer.id)
    records = await ctx.runner.read(
        "list_invitations",
        userId=viewer.id,
        status=status,
        first=check_first(first),
        **timed_page_after(after, list_scope),
    )
    return timed_page(records, first, list_scope, invitation_row)


async def invitation_by_key(ctx: Context, key: str) -> InvitationRow | None:
    """An invitation its sender or the invited record's owner may see; None for anyone else,
    as for no invitation."""
    if ctx.auth.user is None:
        return None
    records = await ctx.runner.read("get_invitation", invitationId=key, userId=ctx.auth.user.id)
    return invitation_row(records[0]) if records else None
