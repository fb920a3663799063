"""Plain fields complete without graphql-core's generic path, and answer exactly as it does."""

import enum
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import ExecutionResult

from cypher.runner import CypherRunner
from resolvers.context import Context
from schema import PROFILE_PAGE, build_schema
from schema.execution import execution_context
from server.extensions import MaskUnexpected


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Leaf:
    name: str
    colour: Colour
    score: float | None
    count: int


@strawberry.interface
class Named:
    id: strawberry.ID


@strawberry.type
class Thing(Named):
    leaf: Leaf | None
    leaves: list[Leaf]
    maybe: list[Leaf | None]

    @strawberry.field
    def computed(self) -> str:
        return "from a resolver"


def thing(**changes: Any) -> Thing:
    leaf = Leaf(name="a", colour=Colour.RED, score=0.5, count=1)
    values: dict[str, Any] = {
        "id": strawberry.ID("T1"),
        "leaf": leaf,
        "leaves": [leaf, Leaf(name="b", colour=Colour.BLUE, score=None, count=2)],
        "maybe": [None, leaf],
    }
    return Thing(**(values | changes))


def schemas(source: Thing) -> tuple[strawberry.Schema, strawberry.Schema]:
    @strawberry.type
    class Query:
        @strawberry.field
        def thing(self) -> Thing:
            return source

        @strawberry.field
        def named(self) -> list[Named]:
            return [source]

    plain = strawberry.Schema(
        query=Query, types=[Thing], execution_context_class=execution_context()
    )
    generic = strawberry.Schema(
        query=Query, types=[Thing], execution_context_class=StrawberryGraphQLCoreExecutionContext
    )
    return plain, generic


def both(source: Thing, query: str, **variables: Any) -> tuple[ExecutionResult, ExecutionResult]:
    plain, generic = schemas(source)
    return (
        plain.execute_sync(query, variable_values=variables),
        generic.execute_sync(query, variable_values=variables),
    )


def same(a: ExecutionResult, b: ExecutionResult) -> None:
    assert a.data == b.data
    assert [(e.message, e.path) for e in a.errors or []] == [
        (e.message, e.path) for e in b.errors or []
    ]


QUERIES = {
    "leaves": "{ thing { id leaf { name colour score count } leaves { name colour } } }",
    "typename and aliases": "{ thing { __typename t: id leaves { __typename n: name } } }",
    "fragments": "{ thing { ...F leaf { ... on Leaf { name } } } } fragment F on Thing { id }",
    "directives": "query($no: Boolean!) { thing { id leaf @include(if: $no) { name } "
    "leaves { name @skip(if: $no) count } } }",
    "resolver beside plain fields": "{ thing { id computed leaves { name } } }",
    "nullable items": "{ thing { maybe { name } } }",
    "behind an interface": "{ named { id ... on Thing { leaves { name } } } }",
}


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_the_shortcut_answers_as_the_generic_path_does(query: str) -> None:
    plain, generic = both(thing(), query, no=False)
    assert plain.errors is None
    same(plain, generic)


# Values a resolver could hand back by mistake; the types say they cannot, hence Any.
NO_NAME: Any = None
GREEN: Any = "green"
BROKEN = {
    "a null where the type forbids one": thing(
        leaf=Leaf(name=NO_NAME, colour=Colour.RED, score=1, count=1)
    ),
    "a value the scalar refuses": thing(
        leaves=[Leaf(name="a", colour=Colour.RED, score=1, count=2**40)]
    ),
    "a value the enum does not know": thing(leaf=Leaf(name="a", colour=GREEN, score=1, count=1)),
    "a null item in a list that forbids them": thing(leaves=[None]),
    "an object of the wrong type": thing(leaf="not a leaf"),
}


@pytest.mark.parametrize("source", BROKEN.values(), ids=BROKEN.keys())
def test_bad_values_get_the_generic_paths_errors(source: Thing) -> None:
    query = "{ thing { id leaf { name colour count } leaves { name count } } }"
    plain, generic = both(source, query)
    assert plain.errors, "each of these values is an error"
    same(plain, generic)


def test_an_extension_that_wraps_resolvers_still_sees_every_field() -> None:
    seen: list[str] = []

    class Watch(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    plain, _ = schemas(thing())
    watched = strawberry.Schema(
        query=plain.query,
        types=[Thing],
        extensions=[Watch],
        execution_context_class=execution_context(),
    )
    result = watched.execute_sync("{ thing { id leaves { name } } }")
    assert result.errors is None
    assert seen == ["thing", "id", "leaves", "name", "name"]


def counting(base: type[StrawberryGraphQLCoreExecutionContext]) -> tuple[type, list[int]]:
    """`base`, counting the resolve-info objects it builds: one per field on the generic path."""
    built = [0]

    class Counting(base):  # type: ignore[misc, valid-type]
        def build_resolve_info(self, *args: Any) -> Any:
            built[0] += 1
            return super().build_resolve_info(*args)

    return Counting, built


async def test_a_profile_page_completes_most_fields_without_the_generic_path(
    runner: CypherRunner,
) -> None:
    """The claim behind the CPU figures: of the page's ~1,400 fields the generic path completes
    only those with resolvers of their own (the counts, the lists, trust, the explorer)."""
    answers, fields = [], []
    for base in (StrawberryGraphQLCoreExecutionContext, execution_context()):
        schema = build_schema([MaskUnexpected])
        schema.execution_context_class, built = counting(base)
        context = Context.create(runner.for_request())
        result = await schema.execute(
            PROFILE_PAGE, variable_values={"id": "A-jian-jiao"}, context_value=context
        )
        assert result.errors is None
        answers.append(result.data)
        fields.append(built[0])
    assert answers[0] == answers[1]
    every, generic = fields
    assert every > 1000
    assert generic < every / 10
