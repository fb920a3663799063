"""The schema documents itself: GraphiQL's Docs pane is the reference a newcomer reads, so
every type, field, argument, input field and enum value of our own says what it means."""

from collections.abc import Iterator
from typing import Any

from schema import schema

# graphql-core's built-in scalars are documented by graphql-core, not by us.
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}
NONE = {"description": None}


def own_types(introspection: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for kind in introspection["__schema"]["types"]:
        if not kind["name"].startswith("__") and kind["name"] not in BUILT_IN:
            yield kind


def undocumented(introspection: dict[str, Any]) -> list[str]:
    """Every schema coordinate (Type, Type.field, Type.field(arg:), Enum.VALUE) without a
    description."""
    missing = []
    for kind in own_types(introspection):
        name = kind["name"]
        parts = [(name, kind)]
        for field in kind["fields"] or []:
            parts.append((f"{name}.{field['name']}", field))
            parts += [(f"{name}.{field['name']}({a['name']}:)", a) for a in field["args"]]
        parts += [(f"{name}.{f['name']}", f) for f in kind["inputFields"] or []]
        parts += [(f"{name}.{v['name']}", v) for v in kind["enumValues"] or []]
        missing += [where for where, part in parts if not (part["description"] or "").strip()]
    return missing


def test_the_walk_sees_every_kind_of_part() -> None:
    # Guards the test itself: a walk that skipped arguments or enum values would pass anything.
    found = undocumented(
        {
            "__schema": {
                "types": [
                    {
                        "name": "Q",
                        "description": None,
                        "fields": [
                            {"name": "f", "description": "", "args": [{"name": "a"} | NONE]}
                        ],
                        "inputFields": None,
                        "enumValues": None,
                    },
                    {
                        "name": "I",
                        "description": "x",
                        "fields": None,
                        "inputFields": [{"name": "g"} | NONE],
                        "enumValues": None,
                    },
                    {
                        "name": "E",
                        "description": "x",
                        "fields": None,
                        "inputFields": None,
                        "enumValues": [{"name": "V"} | NONE],
                    },
                    {"name": "__Type", "description": None, "fields": None},
                    {"name": "Int", "description": None, "fields": None},
                ]
            }
        }
    )
    assert found == ["Q", "Q.f", "Q.f(a:)", "I.g", "E.V"]


def test_every_part_of_the_schema_has_a_description() -> None:
    missing = undocumented(schema.introspect())
    assert missing == [], f"{len(missing)} parts of the schema have no description:\n" + "\n".join(
        missing
    )
