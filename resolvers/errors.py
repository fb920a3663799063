"""Errors a client can act on: each carries a code in `extensions` to branch on."""

from graphql import GraphQLError


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
