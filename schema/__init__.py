"""The GraphQL schema: types, enums, the root Query, the Schema object."""

from collections.abc import Sequence
from pathlib import Path

import strawberry
from strawberry.extensions import SchemaExtension

from schema.mutation import Mutation
from schema.query import Query

SDL_SNAPSHOT = Path(__file__).resolve().parent.parent / "schema.graphql"
# The document the explorer UI sends for a profile page; GraphiQL opens on it.
PROFILE_PAGE = (Path(__file__).resolve().parent / "profile_page.graphql").read_text("utf-8")


def build_schema(extensions: Sequence[type[SchemaExtension]] = ()) -> strawberry.Schema:
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=list(extensions))


schema = build_schema()
