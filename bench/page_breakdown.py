"""Where a ProfilePage request's time goes: each Cypher statement's own latency, the whole
request in-process, and the hand-written floor, for an ordinary and the most prolific
researcher of the graph at NEO4J_URI.

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python -m bench.page_breakdown
"""

import asyncio
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

ROUNDS = 5


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
        totals, floors = [], []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            result = await schema.execute(PAGE_ONLY, {"id": researcher}, Context.create(runner))
            totals.append((time.perf_counter() - started) * 1000)
            assert result.errors is None, result.errors
            started = time.perf_counter()
            await runner.driver.execute_query(FLOOR, {"id": researcher}, database_=runner.database)
            floors.append((time.perf_counter() - started) * 1000)
        print(
            f"{label} {researcher}: page {sorted(totals)[ROUNDS // 2]:.1f} ms, floor {sorted(floors)[ROUNDS // 2]:.1f} ms (medians of {ROUNDS})"
        )
        for name, times in runner.times.items():
            print(f"    {name:32} {sorted(times)[len(times) // 2]:7.1f} ms")
    await runner.driver.close()


if __name__ == "__main__":
    asyncio.run(main())
