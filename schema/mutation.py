from collections.abc import Awaitable
from typing import Annotated, TypeVar

import strawberry

from model.ids import record_key
from model.refusals import Refusal
from resolvers import claims, social
from resolvers.context import Context
from resolvers.errors import BadInput
from schema.enums import ClaimDecision, InvitationDecision
from schema.payloads import (
    ClaimPayload,
    ClaimResearcherInput,
    ConfirmWorksInput,
    ConfirmWorksPayload,
    FollowInput,
    FollowPayload,
    InviteToCollaborateInput,
    InviteToCollaboratePayload,
    ReleaseClaimInput,
    ReleaseClaimPayload,
    RespondToInvitationInput,
    RespondToInvitationPayload,
    ReviewClaimInput,
    SplitResearcherInput,
    SplitResearcherPayload,
    UpdateResearcherProfileInput,
    UpdateResearcherProfilePayload,
)
from schema.researcher import Researcher, load_researcher
from schema.social import Claim, Invitation
from schema.user_errors import (
    ClaimError,
    FollowError,
    InviteToCollaborateError,
    ResearcherError,
    RespondToInvitationError,
    SplitResearcherError,
    errors,
    invalid,
)

Info = strawberry.Info[Context, None]
T = TypeVar("T")


async def attempt(call: Awaitable[T]) -> T | Refusal:
    """A malformed input value refuses the mutation like any expected refusal: in userErrors,
    with its field, and the rest of the response intact."""
    try:
        return await call
    except BadInput as bad:
        return invalid(bad)


async def researcher_after(info: Info, researcher_id: str | None) -> Researcher | None:
    """The record as the change left it: what this request read of it before is forgotten."""
    if researcher_id is None:
        return None
    loaders = info.context.loaders
    for loader in (loaders.researcher, loaders.viewer_follows, loaders.viewer_standing):
        loader.clear(researcher_id)
    return await load_researcher(info, researcher_id)


async def claim_after(info: Info, claim_key: str | None) -> Claim | None:
    row = await claims.claim_by_key(info.context, claim_key) if claim_key else None
    return Claim.of(row) if row else None


async def invitation_after(info: Info, key: str | None) -> Invitation | None:
    row = await social.invitation_by_key(info.context, key) if key else None
    return Invitation.of(row) if row else None


@strawberry.type(
    description="Changes, each by a signed-in user (a bearer token). An expected refusal comes "
    "back in the payload's userErrors and changes nothing."
)
class Mutation:
    @strawberry.mutation(description="Follow a researcher; following twice is one follow.")
    async def follow_researcher(
        self,
        info: Info,
        input: Annotated[FollowInput, strawberry.argument(description="The researcher to follow.")],
    ) -> FollowPayload:
        return await _follow(info, input, follow=True)

    @strawberry.mutation(description="Stop following; when not following, nothing changes.")
    async def unfollow_researcher(
        self,
        info: Info,
        input: Annotated[
            FollowInput, strawberry.argument(description="The researcher to stop following.")
        ],
    ) -> FollowPayload:
        return await _follow(info, input, follow=False)

    @strawberry.mutation(
        description="Claim a researcher record. An ORCID in your token equal to the record's, or "
        "a verified email at an institution on the researcher's own authorships or imported "
        "affiliations, claims it at once (L2); otherwise the claim waits for an admin (at most "
        "PEERGRAPH_MAX_PENDING_CLAIMS waiting per user). One owner per researcher, one "
        "researcher per user."
    )
    async def claim_researcher(
        self,
        info: Info,
        input: Annotated[
            ClaimResearcherInput, strawberry.argument(description="The record to claim.")
        ],
    ) -> ClaimPayload:
        result = await attempt(claims.claim(info.context, input.researcher_id, input.evidence))
        return await _claim_payload(info, result)

    @strawberry.mutation(description="Approve or reject a pending claim (admins only).")
    async def review_claim(
        self,
        info: Info,
        input: Annotated[
            ReviewClaimInput, strawberry.argument(description="The claim and the answer.")
        ],
    ) -> ClaimPayload:
        approve = input.decision == ClaimDecision.APPROVE
        result = await attempt(
            claims.review(info.context, input.claim_id, approve, input.institution_confirmed)
        )
        return await _claim_payload(info, result)

    @strawberry.mutation(
        description="Give up the researcher record you own; it returns to L1, and the "
        "affiliations you set and the works you confirmed are removed with your claim."
    )
    async def release_claim(
        self,
        info: Info,
        input: Annotated[
            ReleaseClaimInput, strawberry.argument(description="The record to release.")
        ],
    ) -> ReleaseClaimPayload:
        error = await attempt(claims.release(info.context, input.researcher_id))
        return ReleaseClaimPayload(
            researcher=None if error else await researcher_after(info, input.researcher_id),
            user_errors=errors(ResearcherError, error),
        )

    @strawberry.mutation(description="Edit the record you own: description, openness, affiliation.")
    async def update_researcher_profile(
        self,
        info: Info,
        input: Annotated[
            UpdateResearcherProfileInput,
            strawberry.argument(description="The record and its new fields."),
        ],
    ) -> UpdateResearcherProfilePayload:
        error = await attempt(
            claims.update_profile(
                info.context,
                input.researcher_id,
                input.description,
                input.open_to_collaborate,
                input.affiliation_id,
            )
        )
        return UpdateResearcherProfilePayload(
            researcher=None if error else await researcher_after(info, input.researcher_id),
            user_errors=errors(ResearcherError, error),
        )

    @strawberry.mutation(
        description="Invite a claimed researcher who is open to collaborate. At most one pending "
        "invitation from a sender to a researcher, and a daily limit per sender."
    )
    async def invite_to_collaborate(
        self,
        info: Info,
        input: Annotated[
            InviteToCollaborateInput,
            strawberry.argument(description="Whom to invite, and the message."),
        ],
    ) -> InviteToCollaboratePayload:
        result = await attempt(social.invite(info.context, input.researcher_id, input.message))
        key, error = result if not isinstance(result, Refusal) else (None, result)
        return InviteToCollaboratePayload(
            invitation=await invitation_after(info, key),
            user_errors=errors(InviteToCollaborateError, error),
        )

    @strawberry.mutation(description="Accept or decline an invitation to the researcher you own.")
    async def respond_to_invitation(
        self,
        info: Info,
        input: Annotated[
            RespondToInvitationInput,
            strawberry.argument(description="The invitation and the answer."),
        ],
    ) -> RespondToInvitationPayload:
        accept = input.decision == InvitationDecision.ACCEPT
        error = await attempt(social.respond(info.context, input.invitation_id, accept))
        parsed = record_key(input.invitation_id)
        return RespondToInvitationPayload(
            invitation=None if error or not parsed else await invitation_after(info, parsed[1]),
            user_errors=errors(RespondToInvitationError, error),
        )

    @strawberry.mutation(
        description="Confirm works of the record you own as yours: they count for trust and are "
        "never taken as evidence of a split identity."
    )
    async def confirm_works(
        self,
        info: Info,
        input: Annotated[
            ConfirmWorksInput,
            strawberry.argument(description="The record and the works it authored."),
        ],
    ) -> ConfirmWorksPayload:
        result = await attempt(
            claims.confirm_works(info.context, input.researcher_id, list(input.work_ids))
        )
        confirmed, error = result if not isinstance(result, Refusal) else (0, result)
        return ConfirmWorksPayload(
            confirmed=confirmed,
            researcher=None if error else await researcher_after(info, input.researcher_id),
            user_errors=errors(ResearcherError, error),
        )

    @strawberry.mutation(
        description="Move works (for example one group of `identity`) to a new researcher record, "
        "in one transaction (the owner or an admin)."
    )
    async def split_researcher(
        self,
        info: Info,
        input: Annotated[
            SplitResearcherInput,
            strawberry.argument(description="The record and the works to move."),
        ],
    ) -> SplitResearcherPayload:
        result = await attempt(
            claims.split(info.context, input.researcher_id, list(input.work_ids))
        )
        new_id, error = result if not isinstance(result, Refusal) else (None, result)
        return SplitResearcherPayload(
            researcher=None if error else await researcher_after(info, input.researcher_id),
            new_researcher=await researcher_after(info, new_id),
            user_errors=errors(SplitResearcherError, error),
        )


async def _follow(info: Info, input: FollowInput, follow: bool) -> FollowPayload:
    result = await attempt(social.set_following(info.context, input.researcher_id, follow))
    error = result if isinstance(result, Refusal) else result.error
    return FollowPayload(
        researcher=None if error else await researcher_after(info, input.researcher_id),
        user_errors=errors(FollowError, error),
    )


async def _claim_payload(info: Info, result: claims.ClaimResult | Refusal) -> ClaimPayload:
    if isinstance(result, Refusal):
        return ClaimPayload(claim=None, researcher=None, user_errors=errors(ClaimError, result))
    return ClaimPayload(
        claim=None if result.error else await claim_after(info, result.claim_id),
        researcher=await researcher_after(info, result.researcher_id),
        user_errors=errors(ClaimError, result.error),
    )
