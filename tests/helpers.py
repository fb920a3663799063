"""Running GraphQL the way the app does, and reading the graph's size."""

from typing import Any

from strawberry.types import ExecutionResult

from cypher.runner import CypherRunner
from resolvers.context import Context, Policy
from resolvers.viewer import Auth, Viewer
from schema import build_schema
from server.extensions import MaskUnexpected

SCHEMA = build_schema([MaskUnexpected])


async def execute(
    runner: CypherRunner,
    query: str,
    variables: dict[str, Any] | None = None,
    viewer: Viewer | None = None,
    policy: Policy | None = None,
) -> tuple[ExecutionResult, Context]:
    """Runs one GraphQL request the way the app does, with a fresh context."""
    context = Context.create(runner, Auth(viewer=viewer), policy)
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    return result, context


async def graph_counts(runner: CypherRunner) -> tuple[int, int]:
    records = await runner.read("count_graph")
    return records[0]["nodes"], records[0]["relationships"]
