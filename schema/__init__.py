"""The GraphQL schema: types, enums, the root Query, the Schema object."""

from collections.abc import Callable, Sequence
from pathlib import Path

import strawberry
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from schema.mutation import Mutation
from schema.query import Query

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]

SDL_SNAPSHOT = Path(__file__).resolve().parent.parent / "schema.graphql"
# The document the explorer UI sends for a profile page; GraphiQL opens on it.
PROFILE_PAGE = (Path(__file__).resolve().parent / "profile_page.graphql").read_text("utf-8")


def build_schema(extensions: Sequence[Extension] = ()) -> strawberry.Schema:
    # The same documents come again and again (the explorer UI sends one ProfilePage query):
    # parse and validate each once.
    cached: list[Extension] = [
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=[*cached, *extensions])


schema = build_schema()
