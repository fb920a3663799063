"""Following researchers and inviting them to collaborate."""

import uuid
from dataclasses import dataclass

from resolvers.context import Context
from resolvers.errors import BadInput, Forbidden, UserError, not_found
from resolvers.ids import expect

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
    error: UserError | None = None


async def set_following(ctx: Context, researcher_id: str, follow: bool) -> FollowResult:
    viewer = ctx.auth.require()
    expect("researcherId", researcher_id, "Researcher")
    statement = "follow_researcher" if follow else "unfollow_researcher"
    records = await ctx.runner.write(statement, user=viewer.params(), researcherId=researcher_id)
    if not records:
        return FollowResult(
            researcher_id, False, 0, not_found("researcherId", "researcher", researcher_id)
        )
    return FollowResult(researcher_id, follow, records[0]["followers"])


async def viewer_follows(ctx: Context, researcher_id: str) -> bool:
    if ctx.auth.viewer is None:
        return False
    return await ctx.loaders.viewer_follows.load(researcher_id)


def check_message(message: str) -> str:
    text = message.strip()
    if not 1 <= len(text) <= MAX_MESSAGE:
        raise BadInput("message", f"must be 1 to {MAX_MESSAGE} characters, got {len(text)}")
    return text


async def invite(
    ctx: Context, researcher_id: str, message: str
) -> tuple[str | None, UserError | None]:
    """The new invitation's id, or why none was sent."""
    viewer = ctx.auth.require()
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
        return None, UserError(outcome, INVITE_REFUSALS[outcome], "researcherId")
    return invitation_id, None


async def respond(ctx: Context, invitation_id: str, accept: bool) -> UserError | None:
    viewer = ctx.auth.require()
    records = await ctx.runner.write(
        "respond_to_invitation", user=viewer.params(), invitationId=invitation_id, accept=accept
    )
    if not records:
        return not_found("invitationId", "invitation", invitation_id)
    outcome = records[0]["outcome"]
    if outcome == "NOT_OWNER":
        raise Forbidden("only the owner of the invited researcher can answer this invitation")
    if outcome == "NOT_PENDING":
        return UserError("NOT_PENDING", "this invitation was already answered", "invitationId")
    return None


@dataclass(frozen=True)
class InvitationRow:
    id: str
    message: str
    status: str
    at: str
    sender_id: str
    sender_email: str | None
    researcher_id: str


async def invitations(ctx: Context, status: str | None) -> list[InvitationRow]:
    viewer = ctx.auth.require()
    records = await ctx.runner.read("list_invitations", userId=viewer.id, status=status)
    return [
        InvitationRow(
            r["id"],
            r["message"],
            r["status"],
            r["at"],
            r["senderId"],
            r["senderEmail"],
            r["researcherId"],
        )
        for r in records
    ]
