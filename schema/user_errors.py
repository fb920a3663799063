"""Expected refusals, typed per mutation: a client's generated types list only the codes the
mutation it called can return."""

import re
from enum import Enum
from typing import ClassVar, TypeVar

import strawberry
from graphql import GraphQLError

from model.refusals import Refusal

# What each code means, said once for every mutation that can return it.
MEANINGS = {
    "INVALID": "An input value is malformed or out of range (`field` names it): fix it and "
    "send again.",
    "NOT_FOUND": "No node of the kind expected has the id the input gave (`field` names it).",
    "ALREADY_CLAIMED": "The researcher record already has an owner.",
    "ALREADY_OWNS_ANOTHER": "The claimant already owns a researcher record: one per user.",
    "ALREADY_PENDING": "You already have a claim, or an invitation, waiting on this researcher.",
    "NOT_PENDING": "The claim or invitation was already answered.",
    "NOT_CLAIMED": "Nobody owns the researcher record yet, so nobody can answer an invitation.",
    "NOT_OPEN_TO_COLLABORATE": "The researcher does not take invitations to collaborate.",
    "OWN_PROFILE": "You cannot invite the researcher you own.",
    "DAILY_LIMIT_REACHED": "You sent as many invitations as the last 24 hours allow.",
    "NOT_THEIR_WORKS": "A work given is not one of the researcher's.",
    "TOO_MANY_PENDING_CLAIMS": "You have as many claims waiting for review as allowed.",
}


def code(name: str) -> str:
    # At run time a member's value is this definition; strawberry.enum reads it.
    value: str = strawberry.enum_value(name, description=MEANINGS[name])  # type: ignore[assignment]
    return value


@strawberry.enum(description="Why following or unfollowing changed nothing.")
class FollowErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")


@strawberry.enum(description="Why a claim, or its review, changed nothing.")
class ClaimErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")
    ALREADY_CLAIMED = code("ALREADY_CLAIMED")
    ALREADY_OWNS_ANOTHER = code("ALREADY_OWNS_ANOTHER")
    ALREADY_PENDING = code("ALREADY_PENDING")
    TOO_MANY_PENDING_CLAIMS = code("TOO_MANY_PENDING_CLAIMS")
    NOT_PENDING = code("NOT_PENDING")


@strawberry.enum(description="Why a change to a researcher record changed nothing.")
class ResearcherErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")


@strawberry.enum(description="Why an invitation was not sent.")
class InviteToCollaborateErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")
    NOT_CLAIMED = code("NOT_CLAIMED")
    NOT_OPEN_TO_COLLABORATE = code("NOT_OPEN_TO_COLLABORATE")
    OWN_PROFILE = code("OWN_PROFILE")
    ALREADY_PENDING = code("ALREADY_PENDING")
    DAILY_LIMIT_REACHED = code("DAILY_LIMIT_REACHED")


@strawberry.enum(description="Why an answer to an invitation changed nothing.")
class RespondToInvitationErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")
    NOT_PENDING = code("NOT_PENDING")


@strawberry.enum(description="Why moving works to a new record changed nothing.")
class SplitResearcherErrorCode(Enum):
    INVALID = code("INVALID")
    NOT_FOUND = code("NOT_FOUND")
    NOT_THEIR_WORKS = code("NOT_THEIR_WORKS")


@strawberry.interface(
    description="An expected refusal: the mutation changed nothing. Missing or bad sign-in "
    "and someone else's record are errors (UNAUTHENTICATED, FORBIDDEN) instead; each "
    "mutation's own error type carries a code of its own enum."
)
class UserError:
    CODES: ClassVar[type[Enum]]

    message: str = strawberry.field(description="Why, in words for a person.")
    field: list[str] | None = strawberry.field(
        description="The path to the input value it concerns, from the mutation's argument "
        '(["input", "message"]; ["input", "workIds", "3"] for an item); null when none.'
    )


@strawberry.type(description="Why following or unfollowing changed nothing.")
class FollowError(UserError):
    CODES = FollowErrorCode
    code: FollowErrorCode = strawberry.field(description="Why, as a code.")


@strawberry.type(description="Why a claim, or its review, changed nothing.")
class ClaimError(UserError):
    CODES = ClaimErrorCode
    code: ClaimErrorCode = strawberry.field(description="Why, as a code.")


@strawberry.type(description="Why a change to a researcher record changed nothing.")
class ResearcherError(UserError):
    CODES = ResearcherErrorCode
    code: ResearcherErrorCode = strawberry.field(description="Why, as a code.")


@strawberry.type(description="Why an invitation was not sent.")
class InviteToCollaborateError(UserError):
    CODES = InviteToCollaborateErrorCode
    code: InviteToCollaborateErrorCode = strawberry.field(description="Why, as a code.")


@strawberry.type(description="Why an answer to an invitation changed nothing.")
class RespondToInvitationError(UserError):
    CODES = RespondToInvitationErrorCode
    code: RespondToInvitationErrorCode = strawberry.field(description="Why, as a code.")


@strawberry.type(description="Why moving works to a new record changed nothing.")
class SplitResearcherError(UserError):
    CODES = SplitResearcherErrorCode
    code: SplitResearcherErrorCode = strawberry.field(description="Why, as a code.")


E = TypeVar("E", bound=UserError)


def field_path(field: str | None) -> list[str] | None:
    """`workIds[3]` -> ["input", "workIds", "3"]: every mutation takes one `input`."""
    return ["input", *re.findall(r"[^\[\]]+", field)] if field else None


def errors(kind: type[E], refusal: Refusal | None) -> list[E]:
    if refusal is None:
        return []
    code = kind.CODES(refusal.code)
    return [kind(code=code, message=refusal.message, field=field_path(refusal.field))]  # type: ignore[call-arg]


def invalid(error: GraphQLError) -> Refusal:
    """A malformed input value (a BadInput) as a refusal of the mutation."""
    argument = (error.extensions or {}).get("argument")
    return Refusal("INVALID", error.message, argument if isinstance(argument, str) else None)
