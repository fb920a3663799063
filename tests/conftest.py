"""Every test talks to a real Neo4j: an embedded one started for the session on a free port
with a throwaway data folder, or the disposable database PEERGRAPH_TEST_NEO4J_URI names
(it is wiped)."""

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import browser
import pytest
from playwright.async_api import Browser

from cypher.runner import CypherRunner
from ingest.importer import import_paths
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "neo4j-seed" / "profile"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test with a Neo4j of its own starts a JVM: slow, whether or not it says so."""
    for item in items:
        if "own_neo4j" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def pytest_configure(config: pytest.Config) -> None:
    """One random Neo4j password per session, set before any test builds Settings or starts a
    subprocess: every EmbeddedNeo4j starts with it and pydantic-settings fills it in everywhere.
    A disposable external database keeps the NEO4J_PASSWORD it was given."""
    if not os.environ.get("PEERGRAPH_TEST_NEO4J_URI"):
        os.environ["NEO4J_PASSWORD"] = secrets.token_urlsafe(24)


def neo4j_password() -> str:
    return os.environ["NEO4J_PASSWORD"]


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("PEERGRAPH_TEST_NEO4J_URI")
    if external:
        yield external
        return
    neo4j = EmbeddedNeo4j(tmp_path_factory.mktemp("neo4j"), password=neo4j_password())
    try:
        yield neo4j.start()
    finally:
        neo4j.stop()


@pytest.fixture
def own_neo4j(tmp_path: Path) -> Iterator[EmbeddedNeo4j]:
    """A Neo4j of this test's own, so stopping, killing or wiping it disturbs no other test."""
    neo4j = EmbeddedNeo4j(tmp_path / "neo4j", password=neo4j_password())
    neo4j.start()
    yield neo4j
    neo4j.stop()


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    return Settings(neo4j_uri=neo4j_uri, debug_cypher=True)


@pytest.fixture(scope="session")
async def shared_runner(settings: Settings) -> AsyncIterator[CypherRunner]:
    runner = make_runner(settings)
    runner.check_contracts = True  # every statement a test runs keeps its header's parameters
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


# The browser tests' site and Chromium: one per module, shared by its tests.
@pytest.fixture(scope="module")
def site_settings(neo4j_uri: str) -> Settings:
    return browser.site_settings(neo4j_uri)


@pytest.fixture(scope="module")
def site(site_settings: Settings, shared_runner: CypherRunner) -> Iterator[str]:
    yield from browser.serve(site_settings)


@pytest.fixture(scope="module")
async def chromium() -> AsyncIterator[Browser]:
    async for launched in browser.launch():
        yield launched
