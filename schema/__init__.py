"""The GraphQL schema: types, enums, the root Query, the Schema object."""

from collections.abc import Callable, Sequence
from pathlib import Path

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from schema.mutation import Mutation
from schema.query import Query

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]

SDL_SNAPSHOT = Path(__file__).resolve().parent.parent / "schema.graphql"
# The document the explorer UI sends for a profile page; GraphiQL opens on it.
PROFILE_PAGE = (Path(__file__).resolve().parent / "profile_page.graphql").read_text("utf-8")


def add_code(error: GraphQLError) -> None:
    """Syntax and validation errors come from graphql-core without a code: give them one."""
    if not (error.extensions or {}).get("code"):
        syntax = isinstance(error, GraphQLSyntaxError)
        code = "GRAPHQL_PARSE_FAILED" if syntax else "GRAPHQL_VALIDATION_FAILED"
        error.extensions = {**(error.extensions or {}), "code": code}


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Every error passes here, parse errors included, before the response is formatted.
        # Errors raised on purpose (syntax, validation, bad input, sign-in) are answered with
        # their code and are no news for the log; only unexpected ones are logged, with their
        # traceback.
        for error in errors:
            add_code(error)
            if error.original_error is not None and not isinstance(
                error.original_error, GraphQLError
            ):
                StrawberryLogger.error(error, execution_context)


def build_schema(extensions: Sequence[Extension] = ()) -> strawberry.Schema:
    # The same documents come again and again (the explorer UI sends one ProfilePage query):
    # parse and validate each once.
    cached: list[Extension] = [
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    return Schema(query=Query, mutation=Mutation, extensions=[*cached, *extensions])


schema = build_schema()
