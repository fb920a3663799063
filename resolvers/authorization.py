"""Who may do what: every authorization rule of the service is decided here.

- Reading the graph is open to anyone; the viewer's own lists need a sign-in.
- Following, claiming and inviting need a sign-in (their limits are rules of their own).
- Editing a profile, releasing it, confirming its works and answering its invitations: the
  owner of the researcher record.
- Splitting a record: its owner or an admin.
- Reviewing claims and listing the pending ones: an admin.

The statements know no roles. Ownership is decided here from the owner the graph holds when
asked, and it can change before the write runs (a release, an admin's review), so an owner's
write carries the owner it was allowed for (`$ownerId`) and changes nothing when the record's
owner is another by then: the one check a race needs, left to Cypher.
"""

from dataclasses import dataclass

from model.social import ViewerStanding
from model.users import User
from resolvers.context import Context
from resolvers.errors import Forbidden, Unauthenticated

# What a statement answers when the owner it was allowed for is no longer the record's.
OWNER_CHANGED = "OWNER_CHANGED"


@dataclass(frozen=True)
class Grant:
    """Leave to write to one record while its owner is still `owner_id` (None: unclaimed)."""

    owner_id: str | None


def signed_in(ctx: Context) -> User:
    if ctx.auth.user is None:
        raise Unauthenticated(ctx.auth.problem or "sign in: send `Authorization: Bearer <token>`")
    return ctx.auth.user


def require_admin(ctx: Context) -> User:
    user = signed_in(ctx)
    if not user.admin:
        raise Forbidden("only an admin can do this")
    return user


def _grant(user: User, owner_id: str | None, admins_too: bool, what: str) -> Grant:
    if owner_id is not None and owner_id == user.id:
        return Grant(owner_id)
    if admins_too and user.admin:
        return Grant(owner_id)
    who = "the owner of this researcher record" + (" or an admin" if admins_too else "")
    raise Forbidden(f"only {who} can {what}")


async def researcher_grant(
    ctx: Context, user: User, researcher_id: str, what: str, admins_too: bool = False
) -> Grant | None:
    """Leave to change a researcher record; None when there is no such record."""
    records = await ctx.runner.read("get_researcher_owner", researcherId=researcher_id)
    if not records:
        return None
    return _grant(user, records[0]["ownerId"], admins_too, what)


async def invitation_grant(ctx: Context, user: User, invitation_id: str) -> Grant | None:
    """Leave to answer an invitation: the invited researcher's owner's; None when there is no
    such invitation."""
    records = await ctx.runner.read("get_invitation_owner", invitationId=invitation_id)
    if not records:
        return None
    return _grant(user, records[0]["ownerId"], False, "answer its invitations")


def check_still_owner(outcome: str) -> None:
    if outcome == OWNER_CHANGED:
        raise Forbidden("this researcher record changed owner while you asked: reload it")


# What the viewer may do, for the page to show instead of guessing: each answers as the
# mutation would (its statement's outcome), from facts read in one statement per request.


def may_follow(ctx: Context) -> bool:
    return ctx.auth.user is not None


async def _standing(ctx: Context, researcher_id: str) -> ViewerStanding | None:
    return await ctx.loaders.viewer_standing.load(researcher_id)


async def is_owner(ctx: Context, researcher_id: str) -> bool:
    standing = await _standing(ctx, researcher_id)
    return standing is not None and standing.owner_id == signed_in(ctx).id


async def may_split(ctx: Context, researcher_id: str) -> bool:
    """As split decides: the owner or an admin."""
    user = ctx.auth.user
    if user is None:
        return False
    return user.admin or await is_owner(ctx, researcher_id)


async def may_claim(ctx: Context, researcher_id: str) -> bool:
    """As claim_researcher decides, for a claim that waits for review: a matching ORCID or
    email claims at once even at the pending limit, which this does not foresee."""
    standing = await _standing(ctx, researcher_id)
    return (
        standing is not None
        and standing.owner_id is None
        and not standing.owns_one
        and not standing.claim_pending
        and standing.pending_claims < ctx.policy.max_pending_claims
    )


async def may_invite(ctx: Context, researcher_id: str) -> bool:
    """As invite_to_collaborate decides."""
    standing = await _standing(ctx, researcher_id)
    return (
        standing is not None
        and standing.owner_id is not None
        and standing.owner_id != signed_in(ctx).id
        and standing.open
        and not standing.invitation_pending
        and standing.sent_today < ctx.policy.invite_daily_limit
    )
