from enum import Enum

import strawberry

from model.refusals import Refusal


@strawberry.enum(description="Why a mutation was refused; each code names a state of the graph.")
class UserErrorCode(Enum):
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND",
        description="No node of the kind expected has the id the input gave (`field` names it).",
    )
    ALREADY_CLAIMED = strawberry.enum_value(
        "ALREADY_CLAIMED", description="The researcher record already has an owner."
    )
    ALREADY_OWNS_ANOTHER = strawberry.enum_value(
        "ALREADY_OWNS_ANOTHER",
        description="The claimant already owns a researcher record: one per user.",
    )
    ALREADY_PENDING = strawberry.enum_value(
        "ALREADY_PENDING",
        description="You already have a claim, or an invitation, waiting on this researcher.",
    )
    NOT_PENDING = strawberry.enum_value(
        "NOT_PENDING", description="The claim or invitation was already answered."
    )
    NOT_CLAIMED = strawberry.enum_value(
        "NOT_CLAIMED",
        description="Nobody owns the researcher record yet, so nobody can answer an invitation.",
    )
    NOT_OPEN_TO_COLLABORATE = strawberry.enum_value(
        "NOT_OPEN_TO_COLLABORATE",
        description="The researcher does not take invitations to collaborate.",
    )
    OWN_PROFILE = strawberry.enum_value(
        "OWN_PROFILE", description="You cannot invite the researcher you own."
    )
    DAILY_LIMIT_REACHED = strawberry.enum_value(
        "DAILY_LIMIT_REACHED",
        description="You sent as many invitations as the last 24 hours allow.",
    )
    NOT_THEIR_WORKS = strawberry.enum_value(
        "NOT_THEIR_WORKS", description="A work given is not one of the researcher's."
    )
    TOO_MANY_PENDING_CLAIMS = strawberry.enum_value(
        "TOO_MANY_PENDING_CLAIMS",
        description="You have as many claims waiting for review as allowed.",
    )


@strawberry.type(
    description="An expected refusal: the mutation changed nothing. Missing or bad sign-in, "
    "someone else's record and malformed arguments are errors (UNAUTHENTICATED, FORBIDDEN, "
    "BAD_USER_INPUT) instead."
)
class UserError:
    code: UserErrorCode = strawberry.field(description="Why, as a code a client can act on.")
    message: str = strawberry.field(description="Why, in words for a person.")
    field: str | None = strawberry.field(
        description="The input field it concerns (such as researcherId), when one does."
    )

    @classmethod
    def of(cls, row: Refusal) -> "UserError":
        return cls(code=UserErrorCode(row.code), message=row.message, field=row.field)


def user_errors(row: Refusal | None) -> list[UserError]:
    return [UserError.of(row)] if row else []
