"""Running GraphQL the way the app does, and reading the graph's size."""

from typing import Any, LiteralString

from strawberry.types import ExecutionResult

from cypher import check_parameters
from cypher import load as load_cypher
from cypher.runner import CypherRunner
from model.users import Auth, User
from resolvers.context import Context, Policy
from schema import build_schema
from server.extensions import MaskUnexpected

SCHEMA = build_schema([MaskUnexpected])


async def execute(
    runner: CypherRunner,
    query: str,
    variables: dict[str, Any] | None = None,
    viewer: User | None = None,
    policy: Policy | None = None,
) -> tuple[ExecutionResult, Context]:
    """Runs one GraphQL request the way the app does, with a fresh context."""
    context = Context.create(runner, Auth(user=viewer), policy)
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    return result, context


async def graph_counts(runner: CypherRunner) -> tuple[int, int]:
    records = await runner.read("count_graph")
    return records[0]["nodes"], records[0]["relationships"]


async def db_hits(runner: CypherRunner, statement: str, params: dict[str, Any]) -> int:
    """Total database hits of one statement file, from Neo4j's own PROFILE: what a hub test
    compares at two sizes of the same hub. The parameters are held to the file's header, as the
    runner under test holds every statement it sends."""
    check_parameters(statement, params)
    query: LiteralString = "PROFILE " + load_cypher(statement)
    async with runner.driver.session(database=runner.database) as session:
        summary = await (await session.run(query, params)).consume()
    assert summary.profile is not None
    return total_hits(summary.profile)


def total_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(total_hits(child) for child in plan.get("children", []))
