"""How fast this machine's Neo4j writes through Cypher at all: the ceiling the importer works under.

`python -m bench.write_ceiling` starts a throwaway embedded Neo4j, creates works with a unique
id, then times the simplest statements an importer can send, through the same driver and in
batches like the importer's: nodes created from a list, and relationships created between
nodes found by id (one writer, then two, on random pairs). Figures go to
bench/results-ceiling.json and into bench/results.md.
"""

import asyncio
import json
import os
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncGraphDatabase

from bench.run import log
from server.neo4j_local import EmbeddedNeo4j

HERE = Path(__file__).resolve().parent
NODES = int(os.environ.get("CEILING_NODES", "100000"))
RELATIONSHIPS = int(os.environ.get("CEILING_RELATIONSHIPS", "200000"))
BATCH = 20_000

CONSTRAINT = "CREATE CONSTRAINT ceiling_id IF NOT EXISTS FOR (n:Work) REQUIRE n.id IS UNIQUE"
CREATE_NODES = "UNWIND $rows AS id CREATE (:Work {id: id, title: 'Work ' + id})"
CREATE_RELATIONSHIPS = """
UNWIND $rows AS pair
MATCH (a:Work {id: pair[0]})
MATCH (b:Work {id: pair[1]})
CREATE (a)-[:CITES]->(b)
"""
DELETE_RELATIONSHIPS = "MATCH ()-[e:CITES]->() CALL (e) { DELETE e } IN TRANSACTIONS OF 50000 ROWS"


async def timed(work: Callable[[], Awaitable[None]], elements: int) -> int:
    started = time.monotonic()
    await work()
    return round(elements / (time.monotonic() - started))


async def write_all(
    driver: AsyncDriver, query: LiteralString, rows: list[Any], writers: int
) -> None:
    """`rows` in batches of BATCH, each batch its own transaction, `writers` at a time."""
    batches = [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]

    async def writer(mine: list[list[Any]]) -> None:
        for batch in mine:
            await driver.execute_query(query, rows=batch)

    await asyncio.gather(*(writer(batches[w::writers]) for w in range(writers)))


async def relationships_per_second(driver: AsyncDriver, ids: list[str], writers: int) -> int:
    rnd = random.Random(writers)
    pairs = [[rnd.choice(ids), rnd.choice(ids)] for _ in range(RELATIONSHIPS)]
    rate = await timed(lambda: write_all(driver, CREATE_RELATIONSHIPS, pairs, writers), len(pairs))
    async with driver.session() as session:  # CALL IN TRANSACTIONS needs an implicit one
        await (await session.run(DELETE_RELATIONSHIPS)).consume()
    return rate


async def measure(driver: AsyncDriver) -> dict[str, Any]:
    await driver.execute_query(CONSTRAINT)
    ids = [f"W{i}" for i in range(NODES)]
    # Warm-up (the JIT, the page cache): the first nodes and relationships are not timed.
    await write_all(driver, CREATE_NODES, ids, 1)
    await relationships_per_second(driver, ids, 1)
    more = [f"X{i}" for i in range(NODES)]
    nodes = await timed(lambda: write_all(driver, CREATE_NODES, more, 1), NODES)
    log(f"nodes: {nodes:,}/s")
    figures = {"nodes_per_second": nodes}
    for writers in (1, 2):
        rate = await relationships_per_second(driver, ids, writers)
        figures[f"relationships_per_second_{writers}_writers"] = rate
        log(f"relationships, {writers} writer(s): {rate:,}/s")
    return figures


async def main() -> None:
    with tempfile.TemporaryDirectory(prefix="peergraph-ceiling-") as store:
        neo4j = EmbeddedNeo4j(Path(store), page_cache="2g", heap=os.environ.get("BENCH_HEAP", "4g"))
        uri = neo4j.start()
        driver = AsyncGraphDatabase.driver(uri, auth=("neo4j", neo4j.password or ""))
        try:
            figures = await measure(driver)
        finally:
            await driver.close()
            neo4j.stop()
    result = {
        "date": date.today().isoformat(),
        "nodes": NODES,
        "relationships": RELATIONSHIPS,
        "batch": BATCH,
        **figures,
    }
    (HERE / "results-ceiling.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
