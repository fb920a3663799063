"""The load test: ProfilePage, searches and follows from 32 clients against a generated graph.

    python -m bench.mixed                      # 60 s at 32 clients on the 100k-work graph
    python -m bench.mixed --seconds 600 --soak # the 10-minute soak, RSS sampled every 5 s

It reuses the store `make bench` imported (bench/data/neo4j-N) or imports one, starts the
service as users run it (its own process, defaults for every limit), and writes its figures
to bench/results-load.json, which bench/results.md shows.
"""

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx2

from bench.load import cpu_ms_per_request, cpu_snapshot, percentile
from bench.run import ROOT, Service, log, prepare_store, processes, sample_researchers
from cypher.runner import CypherRunner
from schema import PROFILE_PAGE
from server.app import make_runner
from server.auth import mint
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

SECRET = "bench-load-secret-" + "x" * 24
SEARCH = "query($q: String!) { researchers(search: $q, first: 10) { edges { node { id name counts { works } } } } }"
FOLLOW = """mutation($id: ID!) { followResearcher(input: {researcherId: $id}) {
  researcher { id viewerFollows counts { followers } } userErrors { code } } }"""
UNFOLLOW = """mutation($id: ID!) { unfollowResearcher(input: {researcherId: $id}) {
  researcher { id viewerFollows counts { followers } } userErrors { code } } }"""
MIX = (("profile", 0.6), ("search", 0.25), ("follow", 0.15))


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, op: str, ms: float, problem: str | None) -> None:
        self.latencies.setdefault(op, []).append(ms)
        if problem:
            self.errors[f"{op}: {problem}"] += 1


def problem_of(response: httpx2.Response) -> str | None:
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    body = response.json()
    if body.get("errors"):
        return str(body["errors"][0].get("extensions", {}).get("code", "ERROR"))
    payload = next(iter(body["data"].values()))
    if isinstance(payload, dict) and payload.get("userErrors"):
        return str(payload["userErrors"][0]["code"])
    return None


async def client_loop(
    n: int,
    http: httpx2.AsyncClient,
    url: str,
    work: dict[str, list[str]],
    deadline: float,
    tally: Tally,
) -> None:
    rng = random.Random(n)
    token = mint(Settings(auth_jwt_secret=SECRET), {"sub": f"bench-user-{n}"}, 7200)
    auth = {"authorization": f"Bearer {token}"}
    following: set[str] = set()
    while time.monotonic() < deadline:
        op = rng.choices([m for m, _ in MIX], [w for _, w in MIX])[0]
        if op == "profile":
            body = {"query": PROFILE_PAGE, "variables": {"id": rng.choice(work["researchers"])}}
        elif op == "search":
            body = {"query": SEARCH, "variables": {"q": rng.choice(work["names"]).split()[0][:4]}}
        else:
            target = rng.choice(work["researchers"])
            body = {
                "query": UNFOLLOW if target in following else FOLLOW,
                "variables": {"id": target},
            }
            following ^= {target}
        started = time.perf_counter()
        try:
            response = await http.post(f"{url}/graphql", json=body, headers=auth)
            problem = problem_of(response)
        except httpx2.HTTPError as exc:
            problem = type(exc).__name__
        tally.add(op, (time.perf_counter() - started) * 1000, problem)


async def sample_rss(
    service: Service, deadline: float, every: float, out: list[tuple[float, float]]
) -> None:
    started = time.monotonic()
    while time.monotonic() < deadline:
        out.append((round(time.monotonic() - started), service.memory_mb("VmRSS")))
        await asyncio.sleep(every)


def summary(tally: Tally, seconds: float) -> dict[str, Any]:
    ops = {}
    for op, values in tally.latencies.items():
        ordered = sorted(values)
        ops[op] = {
            "requests": len(values),
            "p50_ms": round(statistics.median(ordered), 1),
            "p99_ms": round(percentile(ordered, 0.99), 1),
            "throughput_rps": round(len(values) / seconds, 1),
        }
    total = sum(len(v) for v in tally.latencies.values())
    return {
        "ops": ops,
        "requests": total,
        "throughput_rps": round(total / seconds, 1),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
    }


async def run_load(
    runner: CypherRunner,
    uri: str,
    neo4j: EmbeddedNeo4j,
    clients: int,
    seconds: float,
    soak: bool,
) -> dict[str, Any]:
    sample = await sample_researchers(runner)
    names = [r["name"] for r in await runner.read("bench_names", n=500)]
    work = {"researchers": [*sample.values(), "A-jian-jiao"], "names": names}
    service = Service(
        uri,
        batching=True,
        extra_env={"PEERGRAPH_AUTH_JWT_SECRET": SECRET, "PEERGRAPH_DEBUG_CYPHER": "false"},
    )
    try:
        service.wait_ready()
        tally, rss = Tally(), list[tuple[float, float]]()
        limits = httpx2.Limits(max_connections=clients * 2)
        async with httpx2.AsyncClient(timeout=120, limits=limits) as http:
            # Warm the plans and caches before the clock starts.
            await asyncio.gather(
                *(
                    client_loop(1000 + n, http, service.url, work, time.monotonic() + 10, Tally())
                    for n in range(4)
                )
            )
            pids = processes(neo4j, service.process)
            cpu_before = cpu_snapshot(pids)
            deadline = time.monotonic() + seconds
            started = time.monotonic()
            await asyncio.gather(
                sample_rss(service, deadline, 5 if soak else 1, rss),
                *(client_loop(n, http, service.url, work, deadline, tally) for n in range(clients)),
            )
            elapsed = time.monotonic() - started
            cpu_after = cpu_snapshot(pids)
        figures = summary(tally, elapsed)
        return {
            "clients": clients,
            "seconds": round(elapsed),
            "sample": sample,
            **figures,
            # Over the whole mix (every operation's requests together).
            "cpu_ms_per_request": cpu_ms_per_request(cpu_before, cpu_after, figures["requests"]),
            "rss_mb": {
                "first_minute": minute_mean(rss, first=True),
                "last_minute": minute_mean(rss, first=False),
                "peak": max(v for _, v in rss),
                "samples": rss,
            },
        }
    finally:
        service.stop()


def minute_mean(samples: list[tuple[float, float]], first: bool) -> float:
    end = samples[-1][0]
    window = [v for t, v in samples if (t < 60 if first else t >= end - 60)]
    return round(statistics.mean(window), 1)


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    neo4j, uri, _ = await prepare_store(args.works)
    try:
        runner = make_runner(Settings(neo4j_uri=uri))
        try:
            return await run_load(runner, uri, neo4j, args.clients, args.seconds, args.soak)
        finally:
            await runner.driver.close()
    finally:
        neo4j.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.mixed", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--soak", action="store_true", help="record as the soak run")
    args = parser.parse_args()
    figures = asyncio.run(main_async(args))
    figures["works"] = args.works
    path = ROOT / "bench" / "results-load.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    results["soak" if args.soak else "load"] = figures
    path.write_text(json.dumps(results, indent=2) + "\n")
    brief = {k: v for k, v in figures.items() if k not in ("sample",)}
    brief["rss_mb"] = {k: v for k, v in figures["rss_mb"].items() if k != "samples"}
    log(json.dumps(brief, indent=2))
    log(f"wrote {path.relative_to(ROOT)}; `python -m bench.report` rewrites bench/results.md")
    sys.exit(1 if figures["errors"] else 0)


if __name__ == "__main__":
    main()
