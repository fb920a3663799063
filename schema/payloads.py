from enum import Enum

import strawberry

from model.refusals import Refusal


@strawberry.enum(description="Why a mutation was refused; each code names a state of the graph.")
class UserErrorCode(Enum):
    NOT_FOUND = "NOT_FOUND"
    ALREADY_CLAIMED = "ALREADY_CLAIMED"
    ALREADY_OWNS_ANOTHER = "ALREADY_OWNS_ANOTHER"
    ALREADY_PENDING = "ALREADY_PENDING"
    NOT_PENDING = "NOT_PENDING"
    NOT_CLAIMED = "NOT_CLAIMED"
    NOT_OPEN_TO_COLLABORATE = "NOT_OPEN_TO_COLLABORATE"
    OWN_PROFILE = "OWN_PROFILE"
    DAILY_LIMIT_REACHED = "DAILY_LIMIT_REACHED"
    NOT_THEIR_WORKS = "NOT_THEIR_WORKS"
    TOO_MANY_PENDING_CLAIMS = "TOO_MANY_PENDING_CLAIMS"


@strawberry.type(
    description="An expected refusal: the mutation changed nothing. Missing or bad sign-in, "
    "someone else's record and malformed arguments are errors (UNAUTHENTICATED, FORBIDDEN, "
    "BAD_USER_INPUT) instead."
)
class UserError:
    code: UserErrorCode
    message: str
    field: str | None

    @classmethod
    def of(cls, row: Refusal) -> "UserError":
        return cls(code=UserErrorCode(row.code), message=row.message, field=row.field)


def user_errors(row: Refusal | None) -> list[UserError]:
    return [UserError.of(row)] if row else []
