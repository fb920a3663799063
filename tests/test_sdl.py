"""The SDL snapshot: a schema change must show in review as a diff of schema.graphql."""

from schema import SDL_SNAPSHOT, schema


def test_schema_matches_the_snapshot() -> None:
    assert SDL_SNAPSHOT.read_text() == schema.as_str() + "\n", (
        "schema.graphql is out of date: run `make schema.graphql` and review the diff"
    )
