"""The importer on generated data: merged ids, and an import killed half way then re-run."""

import gzip
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cypher.runner import CypherRunner
from factories import load, work
from helpers import graph_counts
from ingest.generate import generate
from ingest.importer import import_paths
from server.app import make_import_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ROOT = Path(__file__).resolve().parent.parent
# Every node with its labels and properties, every relationship with its ends and properties:
# two graphs with the same fingerprint hold the same data.
FINGERPRINT = """
CALL () { MATCH (n) WITH n ORDER BY n.id
          RETURN collect([labels(n), n {.*, importedAt: null}]) AS nodes }
CALL () { MATCH (a)-[r]->(b) WITH a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b
          RETURN collect([a, t, b, p]) AS rels }
RETURN nodes, rels
"""


async def test_merged_ids_move_edges_to_the_survivor(runner: CypherRunner, tmp_path: Path) -> None:
    await load(
        runner,
        tmp_path,
        [
            work("W-m1", ["A-m-dup", "A-m-other"], ["T-m1"]),
            work("W-m2", ["A-m-keep"], ["T-m1"], references=["W-m-old"]),
            work("W-m-old", ["A-m-dup"], ["T-m2"]),
            work("W-m3", ["A-m-other"], ["T-m2"], references=["W-m-old"]),
        ],
    )
    merged = tmp_path / "merged_ids" / "authors"
    merged.mkdir(parents=True)
    with gzip.open(merged / "2026-01-02.csv.gz", "wt") as f:
        f.write(
            "merge_date,id,merge_into_id\n2026-01-02,A-m-dup,A-m-keep\n2026-01-02,W-m-old,W-m2\n"
            "2026-01-02,A-m-x,W-m2\nbroken\n"
        )
    before = await graph_counts(runner)

    summary = await import_paths(runner, [tmp_path / "merged_ids"])
    again = await import_paths(runner, [tmp_path / "merged_ids"])

    assert summary.merged == 2 and again.merged == 0
    assert [(s.line, s.reason.split(":")[0]) for s in summary.skipped] == [
        (4, "cannot merge A-m-x into W-m2"),
        (5, "a merged_ids row has three columns"),
    ]
    records = await runner.driver.execute_query(
        "MATCH (r:Researcher {id: 'A-m-keep'})-[:AUTHORED]->(w) RETURN w.id AS id ORDER BY id",
        database_=runner.database,
    )
    assert [r["id"] for r in records.records] == ["W-m1", "W-m2"]
    citing = await runner.driver.execute_query(
        "MATCH (w)-[:CITES]->(:Work {id: 'W-m2'}) RETURN w.id AS id ORDER BY id",
        database_=runner.database,
    )
    assert [r["id"] for r in citing.records] == ["W-m3"]
    assert await runner.read("get_researchers", ids=["A-m-dup"]) == []
    # Two nodes gone; W-m-old's authorship, topic and citing edge moved; W-m2's own
    # reference to W-m-old would have become a self-citation and was dropped.
    # The ids merged away are remembered, one MergedId node each, for node(id:) to follow.
    assert (await graph_counts(runner))[0] == before[0] - 2 + 2
    remembered = await runner.driver.execute_query(
        "MATCH (m:MergedId) WHERE m.id IN ['A-m-dup', 'W-m-old', 'A-m-x'] "
        "RETURN m.id AS id, m.into AS into ORDER BY id",
        database_=runner.database,
    )
    assert [tuple(r.values()) for r in remembered.records] == [
        ("A-m-dup", "A-m-keep"),
        ("W-m-old", "W-m2"),
    ]


async def fingerprint(runner: CypherRunner) -> str:
    result = await runner.driver.execute_query(FINGERPRINT, database_=runner.database)
    return hashlib.sha256(repr(result.records[0].values()).encode()).hexdigest()


async def wipe(runner: CypherRunner) -> None:
    async with runner.driver.session(database=runner.database) as session:
        await (
            await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS")
        ).consume()


@pytest.mark.slow
async def test_an_import_killed_half_way_then_rerun_reaches_the_clean_graph(
    own_neo4j: EmbeddedNeo4j, tmp_path: Path
) -> None:
    data = tmp_path / "graph"
    generate(3000, 7, data, lambda message: None)
    assert own_neo4j.uri is not None
    runner = make_import_runner(Settings(neo4j_uri=own_neo4j.uri))
    try:
        await import_paths(runner, [data])
        clean = await fingerprint(runner)
        await wipe(runner)

        env = {**os.environ, "NEO4J_URI": own_neo4j.uri}
        command = [sys.executable, "-m", "server.cli", "import", str(data), "--batch-size", "100"]
        process = subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        # Killed (SIGKILL, no chance to clean up) once some batches are in the graph.
        while (await graph_counts(runner))[0] < 1500:
            assert process.poll() is None, "the import finished before it could be killed"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = await graph_counts(runner)

        await import_paths(runner, [data])

        assert partial[0] < (await graph_counts(runner))[0]
        assert await fingerprint(runner) == clean
    finally:
        await runner.driver.close()
