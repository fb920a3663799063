"""Where a ProfilePage request's time goes: each Cypher statement's own latency, the whole
request in-process, and the hand-written floor, for an ordinary and the most prolific
researcher of the graph at NEO4J_URI.

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python -m bench.page_breakdown
"""

import asyncio
import os
import time
from collections import defaultdict
from typing import Any

from neo4j import RoutingControl

from bench.run import FLOOR, PAGE_ONLY
from cypher.runner import CypherRunner
from resolvers.context import Context
from schema import build_schema
from server.app import make_runner
from server.config import load_settings
from server.extensions import MaskUnexpected

ROUNDS = int(os.environ.get("BREAKDOWN_ROUNDS", "5"))


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


class TimedRunner(CypherRunner):
    """Records how long each statement takes, by name."""

    times: dict[str, list[float]]

    def for_request(self) -> "TimedRunner":
        runner = TimedRunner(self.driver, self.database, self.timeout)
        runner.times = self.times
        return runner

    async def _run(self, name: str, params: Any, routing: RoutingControl) -> Any:
        started = time.perf_counter()
        try:
            return await super()._run(name, params, routing)
        finally:
            self.times[name].append((time.perf_counter() - started) * 1000)


async def main() -> None:
    base = make_runner(load_settings())
    runner = TimedRunner(base.driver, base.database, base.timeout)
    runner.times = defaultdict(list)
    schema = build_schema([MaskUnexpected])
    hubs = (await runner.read("bench_hubs"))[0]
    for label in ("ordinary", "researcher"):
        researcher = hubs[label]
        runner.times.clear()
        totals, floors, warm = [], [], []
        for _ in range(ROUNDS):
            context = Context.create(runner)
            started = time.perf_counter()
            result = await schema.execute(PAGE_ONLY, {"id": researcher}, context)
            totals.append((time.perf_counter() - started) * 1000)
            assert result.errors is None, result.errors
            # The same request again in the same context: every loader answers from its
            # cache, so this is GraphQL execution alone, without Cypher.
            statements = sum(map(len, runner.times.values()))
            context.identity_reports.clear()
            started = time.perf_counter()
            await schema.execute(PAGE_ONLY, {"id": researcher}, context)
            warm.append((time.perf_counter() - started) * 1000)
            assert sum(map(len, runner.times.values())) == statements
            started = time.perf_counter()
            await runner.driver.execute_query(FLOOR, {"id": researcher}, database_=runner.database)
            floors.append((time.perf_counter() - started) * 1000)
        print(
            f"{label} {researcher}: page {median(totals):.1f} ms, of which GraphQL execution"
            f" without Cypher {median(warm):.1f} ms; floor {median(floors):.1f} ms"
            f" (medians of {ROUNDS})"
        )
        for name, times in runner.times.items():
            print(f"    {name:32} {median(times):7.1f} ms")
    await runner.driver.close()


if __name__ == "__main__":
    asyncio.run(main())
