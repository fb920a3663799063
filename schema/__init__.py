"""The GraphQL schema: types, enums, the root Query, the Schema object."""

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from resolvers.errors import INTERNAL, classify
from schema.execution import execution_context
from schema.mutation import Mutation
from schema.query import Query

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]

SDL_SNAPSHOT = Path(__file__).resolve().parent.parent / "schema.graphql"
# The document the explorer UI sends for a profile page; GraphiQL opens on it.
PROFILE_PAGE = (Path(__file__).resolve().parent / "profile_page.graphql").read_text("utf-8")


def add_code(error: GraphQLError) -> None:
    """Syntax and validation errors come from graphql-core without a code: give them one.
    An error a resolver raised unexpectedly gets its code when it is masked (server/)."""
    unexpected = error.original_error is not None and not isinstance(
        error.original_error, GraphQLError
    )
    if not unexpected and not (error.extensions or {}).get("code"):
        syntax = isinstance(error, GraphQLSyntaxError)
        code = "GRAPHQL_PARSE_FAILED" if syntax else "GRAPHQL_VALIDATION_FAILED"
        error.extensions = {**(error.extensions or {}), "code": code}


# graphql-core ends a message with a hint naming what the schema holds: "Did you mean 'name'?",
# "Did you mean the enum value 'YEAR_DESC'?", "Did you mean to use an inline fragment on 'X'?".
SUGGESTION = re.compile(r" Did you mean .*\?$", re.DOTALL)


class HideSuggestions(SchemaExtension):
    """With introspection off, errors must not teach the schema either: drop the hints."""

    def on_operation(self) -> Iterator[None]:
        yield
        for error in getattr(self.execution_context.result, "errors", None) or []:
            error.message = SUGGESTION.sub("", error.message)


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Every error passes here, parse errors included, before the response is formatted.
        # Errors raised on purpose (syntax, validation, bad input, sign-in) are answered with
        # their code and are no news for the log. Neo4j down, a timeout or a full gate are
        # expected too: where they are masked they are logged in one line (server/), as a
        # traceback would say nothing more. Only a bug is logged here, with its traceback.
        for error in errors:
            add_code(error)
            if is_bug(error):
                StrawberryLogger.error(error, execution_context)


def is_bug(error: GraphQLError) -> bool:
    """Raised by nothing on purpose, and not a failure of Neo4j or of the gate either."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return classify(original)[0] == INTERNAL


def build_schema(
    extensions: Sequence[Extension] = (), parser: Extension | None = None
) -> strawberry.Schema:
    # The same documents come again and again (the explorer UI sends one ProfilePage query):
    # parse and validate each once. The app passes its own parser (server/limits.py: bounded,
    # off the event loop); it must come first, before any other extension sees the document.
    # The caches keep parsed documents (up to ~0.6 MB each at the token limit): the service's
    # own pages send a handful, so 64 are plenty and bound what strangers can pin in memory.
    cached: list[Extension] = [
        parser or (lambda: ParserCache(maxsize=64)),
        lambda: ValidationCache(maxsize=64),
    ]
    return Schema(
        query=Query,
        mutation=Mutation,
        extensions=[*cached, *extensions],
        execution_context_class=execution_context(),
    )


schema = build_schema()
