"""The ProfilePage of the most prolific researchers against ordinary ones, on one graph.

    python -m bench.hub_pages --works 1000000

On the store `make bench` imported (bench/data/neo4j-N), with the service in its own process:
the ProfilePage at 1 client for the K most prolific researchers (K = --researchers, 20 by
default) and for K researchers around the median number of works, each group's requests
cycling over its K ids (never one id repeated), BENCH_RUNS runs of BENCH_REQUESTS requests
like every figure of bench.run. It prints both groups' latencies, CPU per request and the p99
ratio, and keeps them in bench/results-hubs.json by size (bench.report shows them).
"""

import argparse
import asyncio
import json
from typing import Any

import httpx2

from bench.run import (
    ROOT,
    Service,
    log,
    machine,
    page_figures,
    prepare_store,
    processes,
    warm_up,
)
from cypher.runner import CypherRunner
from schema import PROFILE_PAGE
from server.app import make_runner
from server.config import Settings

RESULTS = ROOT / "bench" / "results-hubs.json"


async def groups(runner: CypherRunner, size: int) -> dict[str, list[str]]:
    """The `size` most prolific researchers, and `size` around the median."""
    record = (await runner.read("bench_works_per_author"))[0]
    ids, counts = record["ids"], record["counts"]
    middle = len(ids) // 2 - size // 2
    prolific = ids[-size:]
    ordinary = ids[middle : middle + size]
    log(f"prolific: {counts[-size]}-{counts[-1]} works; ordinary: {counts[middle]} works")
    return {"prolific": prolific, "ordinary": ordinary}


async def measure(works: int, size: int) -> dict[str, Any]:
    neo4j, uri, _ = await prepare_store(works)
    runner = make_runner(Settings(neo4j_uri=uri))
    service = Service(uri, batching=True)
    try:
        picked = await groups(runner, size)
        service.wait_ready()
        pids = processes(neo4j, service.process)
        async with httpx2.AsyncClient(timeout=120) as client:
            await warm_up(client, service.url, [i for ids in picked.values() for i in ids])
            out: dict[str, Any] = {"researchers": picked}
            for name, ids in picked.items():
                row = (await page_figures(client, service.url, PROFILE_PAGE, ids, 1, pids)).row()
                out[name] = row
                log(f"{name}: {row}")
        out["p99_ratio"] = round(out["prolific"]["p99_ms"] / out["ordinary"]["p99_ms"], 2)
        return out
    finally:
        service.stop()
        await runner.driver.close()
        neo4j.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.hub_pages", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--researchers", type=int, default=20)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.works, args.researchers))
    kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    kept[str(args.works)] = {"measured": machine()["date"], **figures}
    RESULTS.write_text(json.dumps(kept, indent=2) + "\n")
    log(f"p99 most prolific / ordinary: {figures['p99_ratio']}; wrote {RESULTS.name}")


if __name__ == "__main__":
    main()
