"""`make bench`: generate graphs, import them, and measure the service against them.

Sizes come from BENCH_SIZES (default 10000,100000; add 1000000 for the largest). For each
size it writes its figures into bench/results.json and bench/results.md. BENCH_REUSE=1
measures again on the stores already imported, keeping their import figures.
"""

import asyncio
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx2
from neo4j import RoutingControl
from neo4j.exceptions import TransientError

from bench.load import Figures, java_pid, measure, median_of
from bench.report import write_markdown
from cypher.runner import CypherRunner
from ingest.generate import generate
from ingest.importer import import_paths, print_progress
from schema import PROFILE_PAGE
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SEED = ROOT / "neo4j-seed" / "profile"
FLOOR = (ROOT / "bench" / "floor_profile_page.cypher").read_text("utf-8")
PAGE_ONLY = PROFILE_PAGE.split("  explorer(")[0] + "}\n"
EXPLORER = "query($id: ID!) { explorer(center: $id, limit: 60) { nodes { nodeId kind label weight } edges { source target kind weight } } }"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
# The embedded Neo4j runs with auth on: one password per bench run for the stores it starts,
# which the Settings built here and the services it spawns read from the environment.
PASSWORD = os.environ.setdefault("NEO4J_PASSWORD", secrets.token_urlsafe(24))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Service:
    """The API in its own process, as users run it."""

    def __init__(self, uri: str, batching: bool, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "NEO4J_URI": uri,
            "PORT": str(self.port),
            "PEERGRAPH_DEBUG_CYPHER": "true",
            "PEERGRAPH_LOADER_BATCHING": str(batching).lower(),
            "PEERGRAPH_ACCESS_LOG": "false",
            **(extra_env or {}),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self) -> None:
        for _ in range(300):
            try:
                if httpx2.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx2.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the service did not become ready")

    def peak_rss_mb(self) -> float:
        return self.memory_mb("VmHWM")

    def memory_mb(self, field: str) -> float:
        """A memory figure of the service process from /proc (VmRSS now, VmHWM the peak)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return round(int(line.split()[1]) / 1024, 1)
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


async def graphql(
    client: httpx2.AsyncClient, url: str, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(f"{url}/graphql", json={"query": query, "variables": variables})
    payload: dict[str, Any] = response.json()
    return payload


def processes(neo4j: EmbeddedNeo4j, server: subprocess.Popen[bytes] | None) -> dict[str, int]:
    """The processes whose CPU a figure reports per request: the GraphQL server (when there is
    one), Neo4j's JVM and this process, the load client (for the floor, also the driver)."""
    assert neo4j.process is not None, "Neo4j is not started"
    pids = {"service": server.pid} if server else {}
    return pids | {"neo4j": java_pid(neo4j.process.pid), "client": os.getpid()}


async def page_figures(
    client: httpx2.AsyncClient,
    url: str,
    query: str,
    ids: list[str],
    concurrency: int,
    pids: dict[str, int] | None = None,
) -> Figures:
    async def call(i: int) -> bool:
        payload = await graphql(client, url, query, {"id": ids[i % len(ids)]})
        return "errors" not in payload

    return median_of(
        [await measure(call, REQUESTS, concurrency, processes=pids) for _ in range(RUNS)]
    )


async def floor_once(runner: CypherRunner, researcher: str) -> bool:
    result = await runner.driver.execute_query(
        FLOOR, {"id": researcher}, database_=runner.database, routing_=RoutingControl.READ
    )
    return bool(result.records)


async def floor_figures(
    runner: CypherRunner, ids: list[str], concurrency: int, pids: dict[str, int] | None = None
) -> Figures:
    async def call(i: int) -> bool:
        try:
            return await floor_once(runner, ids[i % len(ids)])
        except TransientError:
            # One statement doing the whole page can run out of Neo4j's transaction memory
            # on the most prolific researchers of the largest graph: an error, not a crash.
            return False

    return median_of(
        [await measure(call, REQUESTS, concurrency, processes=pids) for _ in range(RUNS)]
    )


async def sample_researchers(runner: CypherRunner) -> dict[str, str]:
    """Researchers across the works-per-author distribution, up to the most prolific."""
    records = await runner.read("bench_works_per_author")
    ids, counts = records[0]["ids"], records[0]["counts"]
    picks = {
        f"p{int(q * 1000) / 10:g}": int(q * (len(ids) - 1)) for q in (0.1, 0.5, 0.9, 0.99, 0.999)
    }
    picks["max"] = len(ids) - 1
    return {f"{name} ({counts[i]} works)": ids[i] for name, i in picks.items()}


async def hubs(runner: CypherRunner) -> dict[str, str]:
    record = (await runner.read("bench_hubs"))[0]
    return {name: record[name] for name in ("topic", "researcher", "work", "ordinary")}


async def statements_per_page(client: httpx2.AsyncClient, url: str, ids: list[str]) -> int:
    counts: list[int] = []
    for researcher in ids:
        payload = await graphql(client, url, PROFILE_PAGE, {"id": researcher})
        counts.append(payload["extensions"]["cypher"]["statements"])
    return max(counts)


async def warm_up(client: httpx2.AsyncClient, url: str, ids: list[str], rounds: int = 3) -> None:
    """Pages of every sampled researcher before timing: a Neo4j started on a store that is
    already imported (BENCH_REUSE) has a cold page cache, one fresh from the import a warm one."""
    for _ in range(rounds):
        for researcher in ids:
            await graphql(client, url, PROFILE_PAGE, {"id": researcher})


def generated(works: int) -> Path:
    data = DATA / f"works-{works}"
    if not (data / ".complete").exists():
        shutil.rmtree(data, ignore_errors=True)
        started = time.monotonic()
        generate(works, 1, data, lambda m: print(f"\r{m}", end="", file=sys.stderr))
        (data / ".complete").write_text(f"{time.monotonic() - started:.1f}\n")
        log("")
    return data


async def import_store(runner: CypherRunner, works: int, store: Path) -> dict[str, Any]:
    summary = await import_paths(
        replace(runner, timeout=600),
        [generated(works), SEED],
        batch_size=1000,
        writers=int(os.environ.get("BENCH_WRITERS", "1")),
        progress=print_progress(),
    )
    count = (await runner.read("count_graph"))[0]
    elements = count["nodes"] + count["relationships"]
    (store / ".imported").write_text(f"{summary.seconds:.1f}\n")
    return {
        "seconds": round(summary.seconds, 1),
        "nodes": count["nodes"],
        "relationships": count["relationships"],
        "elements_per_second": round(elements / summary.seconds),
        "store_mb": round(sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20),
    }


async def prepare_store(
    works: int, fresh: bool = False
) -> tuple[EmbeddedNeo4j, str, dict[str, Any] | None]:
    """Neo4j on the graph of `works` works: the store already imported, unless fresh or none."""
    store = DATA / f"neo4j-{works}"
    reuse = not fresh and (store / ".imported").exists()
    if not reuse:
        shutil.rmtree(store, ignore_errors=True)
    # A 4g heap gives Neo4j a 2.8 GiB transaction memory limit (70 % of the heap): with 2g the
    # one-statement floor ran out of it on the most prolific researcher of the 1M graph.
    neo4j = EmbeddedNeo4j(
        store,
        page_cache=os.environ.get("BENCH_PAGE_CACHE", "4g"),
        heap=os.environ.get("BENCH_HEAP", "4g"),
        password=PASSWORD,
    )
    uri = neo4j.start()
    runner = make_runner(Settings(neo4j_uri=uri))
    try:
        if reuse:
            log(f"reusing the imported store {store.relative_to(ROOT)}")
            await bring_up_to_date(runner)
            return neo4j, uri, None
        figures = await import_store(runner, works, store)
    except BaseException:
        neo4j.stop()
        raise
    finally:
        await runner.driver.close()
    log(f"\nimport: {figures}")
    return neo4j, uri, figures


async def bring_up_to_date(runner: CypherRunner) -> None:
    """A store imported by an older importer lacks what today's keeps in the graph (constraints,
    stored aggregates such as the co-author pairs): the importer builds them before it imports
    anything, so the seed profile is imported again (idempotent: it adds nothing else). Without
    this the service would read aggregates that are not there and measure less work."""
    await import_paths(
        replace(runner, timeout=600), [SEED], batch_size=1000, writers=1, progress=print_progress()
    )


async def bench_size(works: int, imported_before: dict[str, Any] | None) -> dict[str, Any]:
    """Figures for one size; with the figures of an earlier import, on its store when kept."""
    neo4j, uri, imported = await prepare_store(works, fresh=imported_before is None)
    result: dict[str, Any] = {"works": works, "import": imported or imported_before}
    try:
        runner = make_runner(Settings(neo4j_uri=uri))
        result |= await measure_service(runner, uri, neo4j)
        await runner.driver.close()
    finally:
        neo4j.stop()
    return result


async def measure_service(runner: CypherRunner, uri: str, neo4j: EmbeddedNeo4j) -> dict[str, Any]:
    sample = await sample_researchers(runner)
    ids = [*sample.values(), "A-jian-jiao"]
    nodes = await hubs(runner)
    service, naive = Service(uri, batching=True), Service(uri, batching=False)
    out: dict[str, Any] = {"sample": sample, "hubs": nodes}
    try:
        service.wait_ready()
        naive.wait_ready()
        # CPU per request of each process: the service measured (or the naive one), Neo4j's
        # JVM and this process, the client; the floor has no service.
        ours, theirs = processes(neo4j, service.process), processes(neo4j, naive.process)
        floor = processes(neo4j, None)
        limits = httpx2.Limits(max_connections=64)
        async with httpx2.AsyncClient(timeout=120, limits=limits) as client:
            await warm_up(client, service.url, ids)
            out["statements_per_page"] = await statements_per_page(client, service.url, ids)
            out["naive_statements_per_page"] = await statements_per_page(client, naive.url, ids)
            out["profile_page"] = [
                (await page_figures(client, service.url, PROFILE_PAGE, ids, c, ours)).row()
                for c in (1, 8, 32)
            ]
            log(f"profile page: {out['profile_page']}")
            out["page_without_explorer"] = [
                (await page_figures(client, service.url, PAGE_ONLY, ids, c, ours)).row()
                for c in (1, 8)
            ]
            out["floor"] = [(await floor_figures(runner, ids, c, floor)).row() for c in (1, 8)]
            out["naive_page_without_explorer"] = [
                (await page_figures(client, naive.url, PAGE_ONLY, ids, c, theirs)).row()
                for c in (1, 8)
            ]
            out["explorer"] = {
                name: (await page_figures(client, service.url, EXPLORER, [node], 1, ours)).row()
                for name, node in nodes.items()
            }
            log(f"explorer: {out['explorer']}")
        out["service_peak_rss_mb"] = service.peak_rss_mb()
    finally:
        service.stop()
        naive.stop()
    return out


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(mem) / 2**20, 1),
        "python": platform.python_version(),
        "neo4j": "5.26.30 Community, embedded (neo4j-local)",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "runs_per_figure": RUNS,
        "requests_per_run": REQUESTS,
    }


def main() -> None:
    """Measures each size of BENCH_SIZES; figures of other sizes already in results.json stay,
    each with the date and the runs it was measured with."""
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
    path = ROOT / "bench" / "results.json"
    # Other figures kept in the file (cost_per_page: bench.compare before and after issue 13) stay.
    existing = json.loads(path.read_text()) if path.exists() else {}
    kept = existing.get("sizes", [])
    figures = [f for f in kept if f["works"] not in sizes]
    results = {**existing, "machine": machine(), "sizes": figures}
    # BENCH_REUSE=1: measure the service again on the stores already imported, keeping their
    # import figures (the million's import takes a quarter of an hour).
    imports = {f["works"]: f["import"] for f in kept if os.environ.get("BENCH_REUSE") == "1"}
    for works in sizes:
        log(f"== {works:,} works")
        measured = asyncio.run(bench_size(works, imports.get(works)))
        now = machine()
        measured["measured"] = {k: now[k] for k in ("date", "runs_per_figure", "requests_per_run")}
        figures.append(measured)
        figures.sort(key=lambda f: int(f["works"]))
        path.write_text(json.dumps(results, indent=2) + "\n")
    write_markdown(results, ROOT / "bench" / "results.md")
    log("wrote bench/results.md and bench/results.json")


if __name__ == "__main__":
    main()
