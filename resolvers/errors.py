"""Errors a client can act on: each carries a code in `extensions` to branch on."""

from graphql import GraphQLError
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from cypher.runner import Busy

INTERNAL = "INTERNAL_SERVER_ERROR"


class BadInput(GraphQLError):
    """An argument is malformed or out of range; `extensions.argument` names it."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(
            f"{argument}: {message}",
            extensions={"code": "BAD_USER_INPUT", "argument": argument},
        )


class Unauthenticated(GraphQLError):
    """No valid token: the message says what was wrong with the one sent, if any."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, extensions={"code": "UNAUTHENTICATED"})


class Forbidden(GraphQLError):
    """Signed in, but not allowed to do this."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, extensions={"code": "FORBIDDEN"})


def classify(exc: BaseException | None) -> tuple[str, str]:
    """For a failure no resolver raised on purpose: a code the client can branch on, and a
    message that leaks nothing internal. Any code but INTERNAL is an expected failure of
    Neo4j or of the gate in front of it, not a bug."""
    if isinstance(exc, Busy):
        return "SERVICE_UNAVAILABLE", "The service is busy; try again shortly."
    if isinstance(exc, ServiceUnavailable | SessionExpired | ConnectionError):
        return "SERVICE_UNAVAILABLE", "The graph database is unavailable; try again shortly."
    if isinstance(exc, Neo4jError) and timed_out(exc):
        return "TIMEOUT", "The query took longer than the service allows; ask for less."
    return INTERNAL, "Unexpected error."


def timed_out(exc: Neo4jError) -> bool:
    # A statement stopped at its timeout while it waited for a lock (a write behind another
    # on the same node) fails with LockClientStopped, not TransactionTimedOut.
    code = exc.code or ""
    return "TransactionTimedOut" in code or code.endswith(".LockClientStopped")
