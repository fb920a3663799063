"""The SDL snapshot: a schema change must show in review as a diff of schema.graphql, and a
breaking one must be recorded in the CHANGELOG before it lands."""

import re
from pathlib import Path

from graphql import build_schema, find_breaking_changes

from schema import SDL_SNAPSHOT, schema

RELEASED = Path(__file__).resolve().parent.parent / "schema" / "released.graphql"
CHANGELOG = SDL_SNAPSHOT.parent / "CHANGELOG.md"


def test_schema_matches_the_snapshot() -> None:
    assert SDL_SNAPSHOT.read_text() == schema.as_str() + "\n", (
        "schema.graphql is out of date: run `make schema.graphql` and review the diff"
    )


def unreleased_names() -> set[str]:
    """Every name the Unreleased section writes as code (`followResearcher { researcher }`
    names followResearcher and researcher)."""
    text = CHANGELOG.read_text().split("## Unreleased", 1)[1].split("\n## ", 1)[0]
    spans = re.findall(r"`([^`]+)`", text)
    return {word for span in spans for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span)}


def changed_name(description: str) -> str:
    """The field, argument's field or type a graphql-core change description is about."""
    field = re.search(r"\b[A-Z]\w*\.(\w+)", description)
    return field[1] if field else description.split()[0]


def unrecorded(released: str, current: str, names: set[str]) -> list[str]:
    changes = find_breaking_changes(build_schema(released), build_schema(current))
    return [c.description for c in changes if changed_name(c.description) not in names]


def test_every_breaking_change_since_the_release_is_in_the_changelog() -> None:
    missing = unrecorded(RELEASED.read_text(), schema.as_str(), unreleased_names())

    assert missing == [], (
        "breaking changes the CHANGELOG's Unreleased section does not name (write each "
        "field or type as `code`):\n" + "\n".join(missing)
    )


def test_an_unrecorded_breaking_change_is_caught() -> None:
    released = "type Query { researcher(id: ID!): String, work: String }"
    current = "type Query { researcher(id: ID!, first: Int!): String }"

    assert unrecorded(released, current, {"researcher"}) == ["Field Query.work was removed."]
    assert unrecorded(released, current, {"researcher", "work"}) == []
