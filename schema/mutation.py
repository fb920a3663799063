from typing import Annotated

import strawberry

from model.refusals import Refusal
from resolvers import claims, social
from resolvers.claims import MAX_WORK_IDS
from resolvers.context import Context
from schema.enums import ClaimStatus
from schema.payloads import UserError, user_errors
from schema.researcher import Researcher

Info = strawberry.Info[Context, None]
ERRORS = "Why the mutation changed nothing; empty when it succeeded."


async def researcher_after(
    info: Info, researcher_id: str, error: Refusal | None
) -> Researcher | None:
    if error is not None:
        return None
    info.context.loaders.researcher.clear(researcher_id)
    row = await info.context.loaders.researcher.load(researcher_id)
    return Researcher.of(row) if row else None


@strawberry.input(description="The researcher to follow or stop following.")
class FollowInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")


@strawberry.type(description="The outcome of following or unfollowing.")
class FollowPayload:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher, as asked.")
    viewer_follows: bool = strawberry.field(
        description="Whether you follow the researcher now (false when refused)."
    )
    followers: int = strawberry.field(
        description="How many users follow the researcher now (0 when refused)."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.input(description="The researcher record to claim.")
class ClaimResearcherInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")
    evidence: str | None = strawberry.field(
        default=None, description="A note for the reviewer (at most 2,000 characters)."
    )


@strawberry.type(description="The outcome of a claim or of its review.")
class ClaimPayload:
    claim_id: strawberry.ID | None = strawberry.field(
        description="The claim's id; null when refused."
    )
    status: ClaimStatus | None = strawberry.field(
        description="For a claim: APPROVED when the token's ORCID or verified email matched the "
        "record, else PENDING. For a review: APPROVED or REJECTED. Null when refused."
    )
    researcher: Researcher | None = strawberry.field(
        description="For a claim, the record after it; null for a review or when refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.input(description="An admin's answer to a pending claim.")
class ReviewClaimInput:
    claim_id: strawberry.ID = strawberry.field(
        description="The claim's id (see viewer.pendingClaims)."
    )
    approve: bool = strawberry.field(
        description="True gives the claimant the record (at L2, or L3: see "
        "institutionConfirmed); false rejects the claim."
    )
    institution_confirmed: bool = strawberry.field(
        default=False, description="Approve at L3: the admin confirmed it for an institution."
    )


@strawberry.input(description="A researcher record you own.")
class ResearcherInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")


@strawberry.type(description="The outcome of a change to a researcher record.")
class ResearcherPayload:
    researcher: Researcher | None = strawberry.field(
        description="The record after the change; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.input(
    description="New profile fields for the record you own; a field left null stays as it is."
)
class UpdateResearcherProfileInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")
    description: str | None = strawberry.field(
        default=None, description="At most 1,000 characters."
    )
    open_to_collaborate: bool | None = strawberry.field(
        default=None, description="Whether you take invitations to collaborate."
    )
    affiliation_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The institution you are at now: it becomes your current affiliation, "
        "ending the one you set before.",
    )


@strawberry.input(description="An invitation to collaborate.")
class InviteInput:
    researcher_id: strawberry.ID = strawberry.field(
        description="The researcher to invite: claimed, and open to collaborate."
    )
    message: str = strawberry.field(description="1 to 2,000 characters.")


@strawberry.type(description="The outcome of an invitation.")
class InvitePayload:
    invitation_id: strawberry.ID | None = strawberry.field(
        description="The new invitation's id; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.input(description="Your answer to an invitation.")
class RespondToInvitationInput:
    invitation_id: strawberry.ID = strawberry.field(
        description="An invitation to the researcher you own (see viewer.invitations)."
    )
    accept: bool = strawberry.field(description="True accepts it, false declines it.")


@strawberry.type(description="The outcome of an answer to an invitation.")
class RespondPayload:
    invitation_id: strawberry.ID = strawberry.field(description="The invitation, as asked.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.input(description="Some works of a researcher record.")
class WorksInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")
    work_ids: list[strawberry.ID] = strawberry.field(
        description=f"1 to {MAX_WORK_IDS} ids of the researcher's works."
    )


@strawberry.type(description="The outcome of confirming works.")
class ConfirmWorksPayload:
    confirmed: int = strawberry.field(
        description="How many of the works given are the researcher's, all now confirmed; "
        "other ids are ignored."
    )
    researcher: Researcher | None = strawberry.field(
        description="The record after the change; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


@strawberry.type(description="The outcome of a split.")
class SplitPayload:
    researcher: Researcher | None = strawberry.field(description="The record the works left.")
    new_researcher: Researcher | None = strawberry.field(description="The record they moved to.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS)


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
        result = await claims.claim(info.context, input.researcher_id, input.evidence)
        return ClaimPayload(
            claim_id=strawberry.ID(result.claim_id) if result.claim_id else None,
            status=ClaimStatus(result.status) if result.status else None,
            researcher=await researcher_after(info, input.researcher_id, result.error),
            user_errors=user_errors(result.error),
        )

    @strawberry.mutation(description="Approve or reject a pending claim (admins only).")
    async def review_claim(
        self,
        info: Info,
        input: Annotated[
            ReviewClaimInput, strawberry.argument(description="The claim and the answer.")
        ],
    ) -> ClaimPayload:
        result = await claims.review(
            info.context, input.claim_id, input.approve, input.institution_confirmed
        )
        return ClaimPayload(
            claim_id=strawberry.ID(input.claim_id),
            status=ClaimStatus(result.status) if result.status else None,
            researcher=None,
            user_errors=user_errors(result.error),
        )

    @strawberry.mutation(
        description="Give up the researcher record you own; it returns to L1, and the "
        "affiliations you set and the works you confirmed are removed with your claim."
    )
    async def release_claim(
        self,
        info: Info,
        input: Annotated[
            ResearcherInput, strawberry.argument(description="The record to release.")
        ],
    ) -> ResearcherPayload:
        error = await claims.release(info.context, input.researcher_id)
        return ResearcherPayload(
            researcher=await researcher_after(info, input.researcher_id, error),
            user_errors=user_errors(error),
        )

    @strawberry.mutation(description="Edit the record you own: description, openness, affiliation.")
    async def update_researcher_profile(
        self,
        info: Info,
        input: Annotated[
            UpdateResearcherProfileInput,
            strawberry.argument(description="The record and its new fields."),
        ],
    ) -> ResearcherPayload:
        error = await claims.update_profile(
            info.context,
            input.researcher_id,
            input.description,
            input.open_to_collaborate,
            input.affiliation_id,
        )
        return ResearcherPayload(
            researcher=await researcher_after(info, input.researcher_id, error),
            user_errors=user_errors(error),
        )

    @strawberry.mutation(
        description="Invite a claimed researcher who is open to collaborate. At most one pending "
        "invitation from a sender to a researcher, and a daily limit per sender."
    )
    async def invite_to_collaborate(
        self,
        info: Info,
        input: Annotated[
            InviteInput, strawberry.argument(description="Whom to invite, and the message.")
        ],
    ) -> InvitePayload:
        invitation_id, error = await social.invite(info.context, input.researcher_id, input.message)
        return InvitePayload(
            invitation_id=strawberry.ID(invitation_id) if invitation_id else None,
            user_errors=user_errors(error),
        )

    @strawberry.mutation(description="Accept or decline an invitation to the researcher you own.")
    async def respond_to_invitation(
        self,
        info: Info,
        input: Annotated[
            RespondToInvitationInput,
            strawberry.argument(description="The invitation and the answer."),
        ],
    ) -> RespondPayload:
        error = await social.respond(info.context, input.invitation_id, input.accept)
        return RespondPayload(invitation_id=input.invitation_id, user_errors=user_errors(error))

    @strawberry.mutation(
        description="Confirm works of the record you own as yours: they count for trust and are "
        "never taken as evidence of a split identity."
    )
    async def confirm_works(
        self,
        info: Info,
        input: Annotated[
            WorksInput, strawberry.argument(description="The record and the works it authored.")
        ],
    ) -> ConfirmWorksPayload:
        confirmed, error = await claims.confirm_works(
            info.context, input.researcher_id, list(input.work_ids)
        )
        return ConfirmWorksPayload(
            confirmed=confirmed,
            researcher=await researcher_after(info, input.researcher_id, error),
            user_errors=user_errors(error),
        )

    @strawberry.mutation(
        description="Move works (for example one group of `identity`) to a new researcher record, "
        "in one transaction (the owner or an admin)."
    )
    async def split_researcher(
        self,
        info: Info,
        input: Annotated[
            WorksInput, strawberry.argument(description="The record and the works to move.")
        ],
    ) -> SplitPayload:
        new_id, error = await claims.split(info.context, input.researcher_id, list(input.work_ids))
        return SplitPayload(
            researcher=await researcher_after(info, input.researcher_id, error),
            new_researcher=await researcher_after(info, new_id, error) if new_id else None,
            user_errors=user_errors(error),
        )


async def _follow(info: Info, input: FollowInput, follow: bool) -> FollowPayload:
    result = await social.set_following(info.context, input.researcher_id, follow)
    return FollowPayload(
        researcher_id=input.researcher_id,
        viewer_follows=result.following,
        followers=result.followers,
        user_errors=user_errors(result.error),
    )
