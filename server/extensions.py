"""Schema extensions the app adds: Cypher round-trip reporting, error masking."""

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from resolvers.context import Context


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
    """Hides the message of any error we did not raise on purpose; Strawberry has logged it."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not expected(error))
