"""Neo4j crashing under a stream of writes: every acknowledged write survives, none doubles."""

import asyncio

import pytest

from conftest import SEED
from cypher.runner import CypherRunner
from helpers import execute
from ingest.importer import import_paths
from model.users import User
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

FOLLOW = """mutation($id: ID!) { followResearcher(input: {researcherId: $id}) {
  researcher { counts { followers } } userErrors { code } } }"""
TARGETS = ["A-jian-jiao", "A-ruofei-zhang", "A-aimin-li"]


async def follow(runner: CypherRunner, n: int) -> tuple[str, str, bool]:
    user, target = f"crash-user-{n}", TARGETS[n % len(TARGETS)]
    result, _ = await execute(runner, FOLLOW, {"id": target}, User(id=user))
    codes = {(e.extensions or {}).get("code") for e in result.errors or []}
    assert codes <= {"SERVICE_UNAVAILABLE"}, result.errors
    if result.errors is None:
        assert result.data is not None
        assert result.data["followResearcher"]["userErrors"] == []
    return user, target, result.errors is None


@pytest.mark.slow
async def test_acknowledged_follows_survive_a_crash_and_none_doubles(
    own_neo4j: EmbeddedNeo4j,
) -> None:
    assert own_neo4j.uri is not None
    runner = make_runner(Settings(neo4j_uri=own_neo4j.uri, neo4j_retry_seconds=1))
    try:
        await import_paths(runner, [SEED])
        outcomes = [await follow(runner, n) for n in range(40)]
        # Crash mid-stream: writes in flight now may or may not have committed.
        stream = asyncio.gather(*(follow(runner, n) for n in range(40, 80)))
        await asyncio.sleep(0.05)
        await asyncio.to_thread(own_neo4j.kill)
        outcomes += await stream
        outcomes += [await follow(runner, n) for n in range(80, 90)]  # while it is down
        await asyncio.to_thread(own_neo4j.start)
        # The same driver reconnects by itself; these must all succeed.
        after = [await follow(runner, n) for n in range(90, 100)]
        assert all(ok for _, _, ok in after)
        outcomes += after

        records = await runner.driver.execute_query(
            "MATCH (u:User)-[f:FOLLOWS]->(r:Researcher) RETURN u.id AS user, r.id AS target, count(f) AS n",
            database_=runner.database,
        )
        stored = {(r["user"], r["target"]): r["n"] for r in records.records}
        acknowledged = {(user, target) for user, target, ok in outcomes if ok}
        assert acknowledged <= stored.keys(), "an acknowledged follow was lost"
        assert set(stored.values()) == {1}, "a follow was doubled"
        assert len(acknowledged) >= 50
        assert any(not ok for _, _, ok in outcomes), "the crash was never noticed"
    finally:
        await runner.driver.close()
