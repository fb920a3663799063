"""Schema extensions the app adds: Cypher round-trip reporting, error classification."""

import logging

from graphql import GraphQLError
from neo4j.exceptions import Neo4jError
from strawberry.extensions import MaskErrors, SchemaExtension

from resolvers.context import Context
from resolvers.errors import INTERNAL, classify

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


class MaskUnexpected(MaskErrors):
    """Replaces any error we did not raise on purpose with a coded, safe one, and logs it in
    one line. For a bug the schema has logged the original, with its traceback, before this
    runs; an expected failure (Neo4j down, a timeout, a full gate) is this line alone."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not expected(error))

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        code, message = classify(error.original_error)
        extensions: dict[str, object] = {"code": code}
        context = self.execution_context.context
        request_id = context.request_id if isinstance(context, Context) else ""
        if request_id:
            # Quoted by a user reporting the problem, it finds the logged original.
            extensions["requestId"] = request_id
        level = logging.ERROR if code == INTERNAL else logging.WARNING
        what = one_line(error.original_error)
        log.log(level, "request %s: %s: %s", request_id or "-", code, what)
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions=extensions)


def one_line(exc: BaseException | None) -> str:
    """The failure's type and message on one line (a Neo4j error's repr names neither)."""
    text = f"{exc.code}: {exc.message}" if isinstance(exc, Neo4jError) else str(exc)
    return f"{type(exc).__name__}: {' '.join(text.split())}"
