"""Every test talks to a real Neo4j: an embedded one started for the session on a free port
with a throwaway data folder, or the disposable database PEERGRAPH_TEST_NEO4J_URI names
(it is wiped)."""

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from cypher.runner import CypherRunner
from ingest.importer import import_paths
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "neo4j-seed" / "profile"


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("PEERGRAPH_TEST_NEO4J_URI")
    if external:
        yield external
        return
    neo4j = EmbeddedNeo4j(tmp_path_factory.mktemp("neo4j"))
    try:
        yield neo4j.start()
    finally:
        neo4j.stop()


@pytest.fixture
def own_neo4j(tmp_path: Path) -> Iterator[EmbeddedNeo4j]:
    """A Neo4j of this test's own, so stopping, killing or wiping it disturbs no other test."""
    neo4j = EmbeddedNeo4j(tmp_path / "neo4j")
    neo4j.start()
    yield neo4j
    neo4j.stop()


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    return Settings(neo4j_uri=neo4j_uri, debug_cypher=True)


@pytest.fixture(scope="session")
async def shared_runner(settings: Settings) -> AsyncIterator[CypherRunner]:
    runner = make_runner(settings)
    # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not execute_query.
    async with runner.driver.session(database=runner.database) as session:
        await (
            await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS")
        ).consume()
    await import_paths(runner, [SEED])
    yield runner
    await runner.driver.close()


@pytest.fixture
def runner(shared_runner: CypherRunner) -> CypherRunner:
    return shared_runner.for_request()
