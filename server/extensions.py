"""Schema extensions the app adds: Cypher round-trip reporting, error classification."""

import logging

from graphql import GraphQLError
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from strawberry.extensions import MaskErrors, SchemaExtension

from cypher.runner import Busy
from resolvers.context import Context

log = logging.getLogger("peergraph.errors")


class CypherCount(SchemaExtension):
    """Puts the request's Cypher statements in `extensions.cypher` (the debug_cypher setting)."""

    def get_results(self) -> dict[str, object]:
        context = self.execution_context.context
        if not isinstance(context, Context):
            return {}
        stats = context.runner.stats
        return {"cypher": {"statements": stats.statements, "byName": dict(stats.by_name)}}


def expected(error: GraphQLError) -> bool:
    """Errors meant for the client: validation errors and our own coded ones."""
    return error.original_error is None or isinstance(error.original_error, GraphQLError)


def classify(exc: BaseException | None) -> tuple[str, str]:
    """A code the client can branch on, and a message that leaks nothing internal."""
    if isinstance(exc, Busy):
        return "SERVICE_UNAVAILABLE", "The service is busy; try again shortly."
    if isinstance(exc, ServiceUnavailable | SessionExpired | ConnectionError):
        return "SERVICE_UNAVAILABLE", "The graph database is unavailable; try again shortly."
    if isinstance(exc, Neo4jError) and "TransactionTimedOut" in (exc.code or ""):
        return "TIMEOUT", "The query took longer than the service allows; ask for less."
    return "INTERNAL_SERVER_ERROR", "Unexpected error."


class MaskUnexpected(MaskErrors):
    """Replaces any error we did not raise on purpose with a coded, safe one. The schema has
    logged the original, with its traceback, before this runs."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not expected(error))

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        code, message = classify(error.original_error)
        extensions: dict[str, object] = {"code": code}
        context = self.execution_context.context
        if isinstance(context, Context) and context.request_id:
            # Quoted by a user reporting the problem, it finds the logged original.
            extensions["requestId"] = context.request_id
            # The traceback is on the line before (the schema logs unexpected errors).
            log.error("request %s: %s: %r", context.request_id, code, error.original_error)
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions=extensions)
