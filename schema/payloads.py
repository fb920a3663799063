"""Each mutation's input and payload. A payload returns the objects the mutation changed, so
a normalising client cache (Relay's, Apollo's) updates from it, and its refusals typed."""

import strawberry

from resolvers.claims import MAX_WORK_IDS
from schema.enums import ClaimDecision, InvitationDecision
from schema.researcher import Researcher
from schema.social import Claim, Invitation
from schema.user_errors import (
    ClaimError,
    FollowError,
    InviteToCollaborateError,
    ResearcherError,
    RespondToInvitationError,
    SplitResearcherError,
)

ERRORS = "Why the mutation changed nothing; empty when it succeeded."
AFTER = "The record after the change; null when refused."


@strawberry.input(description="The researcher to follow or stop following.")
class FollowInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")


@strawberry.type(description="The outcome of following or unfollowing.")
class FollowPayload:
    researcher: Researcher | None = strawberry.field(
        description="The researcher after the change (viewerFollows, counts.followers); null "
        "when refused."
    )
    user_errors: list[FollowError] = strawberry.field(description=ERRORS)


@strawberry.input(description="The researcher record to claim.")
class ClaimResearcherInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")
    evidence: str | None = strawberry.field(
        default=None, description="A note for the reviewer (at most 2,000 characters)."
    )


@strawberry.type(description="The outcome of a claim or of its review.")
class ClaimPayload:
    claim: Claim | None = strawberry.field(
        description="The claim after the change: APPROVED when the token's ORCID or verified "
        "email matched the record, else PENDING; after a review, APPROVED or REJECTED. Null "
        "when refused."
    )
    researcher: Researcher | None = strawberry.field(
        description="The record claimed, as it is now (claimed, verification); null when "
        "there is no such record."
    )
    user_errors: list[ClaimError] = strawberry.field(description=ERRORS)


@strawberry.input(description="An admin's answer to a pending claim.")
class ReviewClaimInput:
    claim_id: strawberry.ID = strawberry.field(
        description="The claim's id (see viewer.pendingClaims)."
    )
    decision: ClaimDecision = strawberry.field(description="Approve or reject.")
    institution_confirmed: bool = strawberry.field(
        default=False, description="Approve at L3: the admin confirmed it for an institution."
    )


@strawberry.input(description="The researcher record you own, to release.")
class ReleaseClaimInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")


@strawberry.type(description="The outcome of releasing a record.")
class ReleaseClaimPayload:
    researcher: Researcher | None = strawberry.field(description=AFTER)
    user_errors: list[ResearcherError] = strawberry.field(description=ERRORS)


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


@strawberry.type(description="The outcome of a profile edit.")
class UpdateResearcherProfilePayload:
    researcher: Researcher | None = strawberry.field(description=AFTER)
    user_errors: list[ResearcherError] = strawberry.field(description=ERRORS)


@strawberry.input(description="An invitation to collaborate.")
class InviteToCollaborateInput:
    researcher_id: strawberry.ID = strawberry.field(
        description="The researcher to invite: claimed, and open to collaborate."
    )
    message: str = strawberry.field(description="1 to 2,000 characters.")


@strawberry.type(description="The outcome of an invitation.")
class InviteToCollaboratePayload:
    invitation: Invitation | None = strawberry.field(
        description="The invitation sent; null when refused."
    )
    user_errors: list[InviteToCollaborateError] = strawberry.field(description=ERRORS)


@strawberry.input(description="Your answer to an invitation.")
class RespondToInvitationInput:
    invitation_id: strawberry.ID = strawberry.field(
        description="An invitation to the researcher you own (see viewer.invitations)."
    )
    decision: InvitationDecision = strawberry.field(description="Accept or decline.")


@strawberry.type(description="The outcome of an answer to an invitation.")
class RespondToInvitationPayload:
    invitation: Invitation | None = strawberry.field(
        description="The invitation as it is now; null when refused."
    )
    user_errors: list[RespondToInvitationError] = strawberry.field(description=ERRORS)


@strawberry.input(description="Works of the record you own to confirm as yours.")
class ConfirmWorksInput:
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
    researcher: Researcher | None = strawberry.field(description=AFTER)
    user_errors: list[ResearcherError] = strawberry.field(description=ERRORS)


@strawberry.input(description="Works to move from a record to a new one.")
class SplitResearcherInput:
    researcher_id: strawberry.ID = strawberry.field(description="The researcher's id.")
    work_ids: list[strawberry.ID] = strawberry.field(
        description=f"1 to {MAX_WORK_IDS} ids of the researcher's works, to move."
    )


@strawberry.type(description="The outcome of a split.")
class SplitResearcherPayload:
    researcher: Researcher | None = strawberry.field(description="The record the works left.")
    new_researcher: Researcher | None = strawberry.field(description="The record they moved to.")
    user_errors: list[SplitResearcherError] = strawberry.field(description=ERRORS)
