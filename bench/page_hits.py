"""What a page costs Neo4j, in db hits: each page's statements, PROFILEd one by one with the
parameters the page sent, for an ordinary researcher and the biggest hubs of the graph at
NEO4J_URI. Db hits do not depend on the machine's load, so before/after figures taken with
this script compare across runs and sizes.

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python -m bench.page_hits
"""

import asyncio
from typing import Any

from neo4j import RoutingControl

from cypher import load
from cypher.runner import CypherRunner
from resolvers.context import Context
from schema import PROFILE_PAGE, build_schema
from server.app import make_runner
from server.config import load_settings
from server.extensions import MaskUnexpected

ORDERS = ("YEAR_DESC", "YEAR_ASC", "CITED_BY_DESC")
WORKS_PAGE = """query($id: ID!, $after: String, $order: WorkOrder!) {
  %s(id: $id) { works(first: 20, after: $after, orderBy: $order) {
    totalCount edges { node { id title year } } pageInfo { endCursor } } } }"""


class RecordingRunner(CypherRunner):
    """Remembers the reads a request sends, with their parameters."""

    sent: list[tuple[str, dict[str, Any]]]

    def for_request(self) -> "RecordingRunner":
        runner = RecordingRunner(self.driver, self.database, self.timeout)
        runner.sent = self.sent
        return runner

    async def _run(self, name: str, params: Any, routing: RoutingControl) -> Any:
        if routing is RoutingControl.READ:
            self.sent.append((name, dict(params)))
        return await super()._run(name, params, routing)


def total_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(total_hits(c) for c in plan.get("children", []))


async def profile(runner: CypherRunner, name: str, params: dict[str, Any]) -> int:
    async with runner.driver.session(database=runner.database) as session:
        result = await session.run("PROFILE " + load(name), params)
        summary = await result.consume()
    return total_hits(summary.profile)


async def page_hits(
    runner: RecordingRunner, query: str, variables: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """The page's data, and each statement it sent with its db hits."""
    runner.sent.clear()
    result = await build_schema([MaskUnexpected]).execute(query, variables, Context.create(runner))
    assert result.errors is None and result.data is not None, result.errors
    return result.data, [(name, await profile(runner, name, p)) for name, p in runner.sent]


def show(label: str, statements: list[tuple[str, int]]) -> None:
    total = sum(hits for _, hits in statements)
    top = max(statements, key=lambda s: s[1])
    print(f"{label:44} {len(statements):3} {total:10,} {top[0]:>32} {top[1]:10,}")


async def main() -> None:
    base = make_runner(load_settings())
    runner = RecordingRunner(base.driver, base.database, base.timeout)
    runner.sent = []
    hubs = (await runner.read("bench_hubs"))[0]
    print(f"{'page':44} {'stm':>3} {'db hits':>10} {'biggest statement':>32} {'its hits':>10}")
    for label in ("ordinary", "researcher"):
        _, statements = await page_hits(runner, PROFILE_PAGE, {"id": hubs[label]})
        show(f"ProfilePage, {label} {hubs[label]}", statements)
        for name, hits in statements:
            print(f"    {name:40} {hits:10,}")
    for kind in ("researcher", "topic", "institution"):
        for order in ORDERS:
            after = None
            for number in (1, 2):
                variables = {"id": hubs[kind], "after": after, "order": order}
                data, statements = await page_hits(runner, WORKS_PAGE % kind, variables)
                works = [s for s in statements if s[0] == "list_works_page"]
                show(f"{kind} {hubs[kind]} works {order} p{number}", works)
                after = data[kind]["works"]["pageInfo"]["endCursor"]
    await runner.driver.close()


if __name__ == "__main__":
    asyncio.run(main())
