"""peergraph against the Neo4j GraphQL Library on the same graph, Neo4j and machine.

    python -m bench.compare          # the 100k-work graph; BENCH_RUNS x BENCH_REQUESTS per figure
    python -m bench.compare --check  # only whether both answer the same, and their statements

It reuses (or imports) the store of bench/data/neo4j-N, starts peergraph (bench.run.Service)
and the library (@neo4j/graphql 7 on Apollo Server 5, bench/library/index.mjs, installed there
with `npm ci` on first use) side by side, checks once that both return the same ids for the
same researcher, then sends each the same logical query ("profile, counts, 4 close
collaborators, 20 works by year with ordered authors and topics") for the researchers sampled
across the works-per-author distribution, at 1 and 8 clients: latency, throughput,
statements per request and CPU per request of each process (the GraphQL server, Neo4j's JVM,
this client). Then peergraph's full ProfilePage the same way, for scale. Writes
bench/results-compare.json; bench/results.md shows it (`python -m bench.report`).
"""

import argparse
import asyncio
import difflib
import json
import os
import shutil
import subprocess
import time
from typing import Any

import httpx2

from bench.run import (
    DATA,
    ROOT,
    Service,
    free_port,
    graphql,
    log,
    machine,
    page_figures,
    prepare_store,
    processes,
    sample_researchers,
)
from schema import PROFILE_PAGE
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

LIBRARY_DIR = ROOT / "bench" / "library"
RESULTS = ROOT / "bench" / "results-compare.json"

# The same logical query in each schema. What differs is only how each names things: counts
# are an object in peergraph and @cypher fields in the library; a researcher's works are a
# Relay connection in both (the library's sorted by year, then id, as peergraph's YEAR_DESC);
# authors come ordered by the authorship's position, the first 25 of each work (what the page
# shows; until 2026-12-06 every author, before peergraph's Work.authors took `first`), topics
# by score then id, in both.
PEERGRAPH = """query Compare($id: ID!) {
  researcher(id: $id) {
    id name description openToCollaborate verification
    counts { works followers topics closeCollaborators }
    closeCollaborators(first: 4) { sharedWorks researcher { id name } }
    works(first: 20) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id type year venue title abstract
        authors(first: 25) { position researcher { id name } }
        topics { topic { id name } } } }
    }
  }
}
"""
LIBRARY = """query Compare($id: ID!) {
  researchers(where: { id: { eq: $id } }, limit: 1) {
    id name description openToCollaborate verification
    worksCount followersCount topicsCount closeCollaboratorsCount
    closeCollaborators(first: 4) { sharedWorks researcher { id name } }
    worksConnection(first: 20, sort: [{ node: { year: DESC } }, { node: { id: ASC } }]) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id type year venue title abstract
        authorsConnection(first: 25, sort: [{ edge: { position: ASC } }]) {
          edges { properties { position } node { id name } } }
        topicsConnection(sort: [{ edge: { score: DESC } }, { node: { id: ASC } }]) {
          edges { node { id name } } } } }
    }
  }
}
"""


class Library:
    """The Neo4j GraphQL Library's server (node) in its own process, on the same Neo4j."""

    def __init__(self, uri: str, password: str) -> None:
        install()
        self.port = free_port()
        env = {
            **os.environ,
            "NEO4J_URI": uri,
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": password,
            "PORT": str(self.port),
            "NODE_ENV": "production",
        }
        self.log = (DATA / "library.log").open("ab")
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not installed (Node.js 20+ is needed for the library)")
        self.process = subprocess.Popen(
            [node, "index.mjs"],
            env=env,
            cwd=LIBRARY_DIR,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self) -> None:
        for _ in range(300):
            if self.process.poll() is not None:
                raise RuntimeError(f"the library's server exited; see {DATA / 'library.log'}")
            try:
                answer = httpx2.post(
                    f"{self.url}/graphql", json={"query": "{ __typename }"}, timeout=2
                )
                if answer.status_code == 200:
                    return
            except httpx2.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the library's server did not become ready")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def install() -> None:
    """`npm ci` in bench/library when its node_modules is missing or older than the lock."""
    lock = LIBRARY_DIR / "package-lock.json"
    installed = LIBRARY_DIR / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    log("installing the Neo4j GraphQL Library (npm ci in bench/library)")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=LIBRARY_DIR,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def versions() -> dict[str, str]:
    packages = json.loads((LIBRARY_DIR / "package-lock.json").read_text())["packages"]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    return {
        name: packages[f"node_modules/{name}"]["version"]
        for name in ("@neo4j/graphql", "@apollo/server", "neo4j-driver", "graphql")
    } | {"node": node.stdout.strip()}


def answer_of_peergraph(payload: dict[str, Any]) -> dict[str, Any]:
    """The ids and figures an answer holds, in one shape for both servers."""
    r = payload["data"]["researcher"]
    works = r["works"]
    return {
        "id": r["id"],
        "name": r["name"],
        "description": r["description"],
        "openToCollaborate": bool(r["openToCollaborate"]),
        "verification": r["verification"],
        "counts": r["counts"],
        "closeCollaborators": [
            [c["researcher"]["id"], c["sharedWorks"]] for c in r["closeCollaborators"]
        ],
        "works": works["totalCount"],
        "hasNextPage": works["pageInfo"]["hasNextPage"],
        "page": [
            {
                "id": w["id"],
                "year": w["year"],
                "authors": [[a["position"], a["researcher"]["id"]] for a in w["authors"]],
                "topics": [t["topic"]["id"] for t in w["topics"]],
            }
            for w in (e["node"] for e in works["edges"])
        ],
    }


def answer_of_library(payload: dict[str, Any]) -> dict[str, Any]:
    r = payload["data"]["researchers"][0]
    works = r["worksConnection"]
    return {
        "id": r["id"],
        "name": r["name"],
        "description": r["description"],
        "openToCollaborate": bool(r["openToCollaborate"]),
        "verification": r["verification"] or "L1",
        "counts": {
            "works": r["worksCount"],
            "followers": r["followersCount"],
            "topics": r["topicsCount"],
            "closeCollaborators": r["closeCollaboratorsCount"],
        },
        "closeCollaborators": [
            [c["researcher"]["id"], c["sharedWorks"]] for c in r["closeCollaborators"]
        ],
        "works": works["totalCount"],
        "hasNextPage": works["pageInfo"]["hasNextPage"],
        "page": [
            {
                "id": w["id"],
                "year": w["year"],
                "authors": [
                    [a["properties"]["position"], a["node"]["id"]]
                    for a in w["authorsConnection"]["edges"]
                ],
                "topics": [t["node"]["id"] for t in w["topicsConnection"]["edges"]],
            }
            for w in (e["node"] for e in works["edges"])
        ],
    }


async def check_same_answers(
    client: httpx2.AsyncClient, ours: str, theirs: str, ids: list[str]
) -> dict[str, bool]:
    """Whether both servers answer each researcher with the same ids (a diff when not)."""
    same: dict[str, bool] = {}
    for researcher in ids:
        mine = await graphql(client, ours, PEERGRAPH, {"id": researcher})
        other = await graphql(client, theirs, LIBRARY, {"id": researcher})
        if "errors" in mine or "errors" in other:
            log(f"errors for {researcher}: {mine.get('errors')} {other.get('errors')}")
            same[researcher] = False
            continue
        a, b = answer_of_peergraph(mine), answer_of_library(other)
        same[researcher] = a == b
        if a != b:
            diff = difflib.unified_diff(
                json.dumps(a, indent=1).splitlines(),
                json.dumps(b, indent=1).splitlines(),
                "peergraph",
                "library",
                lineterm="",
            )
            log(f"different answers for {researcher}:\n" + "\n".join(diff))
    return same


async def statements(
    client: httpx2.AsyncClient, url: str, query: str, ids: list[str], key: str
) -> dict[str, int]:
    """Statements each researcher's request ran, one request at a time: peergraph's from
    extensions.cypher (PEERGRAPH_DEBUG_CYPHER), the library's from the counter index.mjs reports."""
    counts: dict[str, int] = {}
    for researcher in ids:
        extensions = (await graphql(client, url, query, {"id": researcher}))["extensions"]
        counts[researcher] = (
            extensions["cypher"]["statements"] if key == "cypher" else extensions[key]
        )
    return counts


async def warm_up(client: httpx2.AsyncClient, url: str, query: str, ids: list[str]) -> None:
    for _ in range(3):
        for researcher in ids:
            await graphql(client, url, query, {"id": researcher})


async def compare(uri: str, neo4j: EmbeddedNeo4j, check_only: bool) -> dict[str, Any]:
    runner = make_runner(Settings(neo4j_uri=uri))
    try:
        sample = await sample_researchers(runner)
    finally:
        await runner.driver.close()
    ids = [*sample.values(), "A-jian-jiao"]
    median = next(v for k, v in sample.items() if k.startswith("p50 "))
    assert neo4j.password is not None
    service, library = Service(uri, batching=True), Library(uri, neo4j.password)
    out: dict[str, Any] = {"sample": sample, "library_versions": versions()}
    try:
        service.wait_ready()
        library.wait_ready()
        ours, theirs = processes(neo4j, service.process), processes(neo4j, library.process)
        log(f"pids: peergraph {ours}, library {theirs}")
        limits = httpx2.Limits(max_connections=64)
        async with httpx2.AsyncClient(timeout=120, limits=limits) as client:
            await warm_up(client, service.url, PEERGRAPH, ids)
            await warm_up(client, library.url, LIBRARY, ids)
            await warm_up(client, service.url, PROFILE_PAGE, ids)
            out["same_answers"] = await check_same_answers(client, service.url, library.url, ids)
            out["statements_per_request"] = {
                "peergraph": await statements(client, service.url, PEERGRAPH, ids, "cypher"),
                "library": await statements(client, library.url, LIBRARY, ids, "statements"),
                "profile_page": await statements(client, service.url, PROFILE_PAGE, ids, "cypher"),
            }
            log(f"statements per request: {out['statements_per_request']}")
            if check_only:
                return out
            out["peergraph"], out["library"], out["profile_page"] = [], [], []
            for c in (1, 8):
                for key, url, query, pids in (
                    ("peergraph", service.url, PEERGRAPH, ours),
                    ("library", library.url, LIBRARY, theirs),
                    ("profile_page", service.url, PROFILE_PAGE, ours),
                ):
                    row = (await page_figures(client, url, query, ids, c, pids)).row()
                    out[key].append(row)
                    log(f"{key}, {c} client(s): {row}")
            # The "p50 at 1 client, median researcher": the p50 researcher alone.
            out["median_researcher"] = {
                "id": median,
                **{
                    key: (await page_figures(client, url, query, [median], 1, pids)).row()
                    for key, url, query, pids in (
                        ("peergraph", service.url, PEERGRAPH, ours),
                        ("library", library.url, LIBRARY, theirs),
                    )
                },
            }
    finally:
        service.stop()
        library.stop()
    return out


async def main_async(works: int, check_only: bool) -> dict[str, Any]:
    neo4j, uri, _ = await prepare_store(works)
    try:
        return await compare(uri, neo4j, check_only)
    finally:
        neo4j.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.compare", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument(
        "--check", action="store_true", help="only compare the answers and statements; no timing"
    )
    args = parser.parse_args()
    figures = asyncio.run(main_async(args.works, args.check))
    same = all(figures["same_answers"].values())
    if args.check:
        log("same answers" if same else "different answers (see the diff above)")
        raise SystemExit(0 if same else 1)
    now = machine()
    result = {
        "works": args.works,
        "measured": {k: now[k] for k in ("date", "runs_per_figure", "requests_per_run")},
        "machine": now,
        **figures,
        "documents": {"peergraph": PEERGRAPH, "library": LIBRARY},
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    log(f"wrote {RESULTS.relative_to(ROOT)}; `python -m bench.report` rewrites bench/results.md")
    if not same:
        raise SystemExit("the two servers did not answer the same (see the diff above)")


if __name__ == "__main__":
    main()
