"""Reads run in auto-commit transactions and are tried again when the connection breaks."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import pytest
from neo4j import AsyncGraphDatabase
from neo4j.exceptions import DriverError

from cypher.runner import CypherRunner
from server.config import Settings


class CuttingProxy:
    """A TCP relay in front of Neo4j that can cut every connection open through it: the
    network dropping a pooled connection, the one fault a single local Neo4j cannot stage."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.opened = 0
        self.writers: list[asyncio.StreamWriter] = []

    async def relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.opened += 1
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self.writers += [writer, upstream_writer]
        await asyncio.gather(
            self.relay(reader, upstream_writer), self.relay(upstream_reader, writer)
        )

    def cut(self) -> None:
        for writer in self.writers:
            writer.transport.abort()
        self.writers.clear()


@asynccontextmanager
async def runner_through_proxy(
    settings: Settings, retry_seconds: float
) -> AsyncIterator[tuple[CypherRunner, CuttingProxy]]:
    target = urlsplit(settings.neo4j_uri)
    assert target.hostname is not None and target.port is not None
    proxy = CuttingProxy(target.hostname, target.port)
    server = await asyncio.start_server(proxy.accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    driver = AsyncGraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=settings.neo4j_auth)
    try:
        yield CypherRunner(driver, settings.neo4j_database, 10, retry_seconds=retry_seconds), proxy
    finally:
        await driver.close()
        proxy.cut()
        server.close()


async def researcher_name(runner: CypherRunner) -> str:
    records = await runner.read("get_researchers", ids=["A-jian-jiao"])
    name: str = records[0]["researcher"]["name"]
    return name


async def test_a_read_is_tried_again_on_a_new_connection_when_the_network_drops_one(
    settings: Settings, runner: CypherRunner
) -> None:
    async with runner_through_proxy(settings, retry_seconds=5) as (reader, proxy):
        assert await researcher_name(reader) == "Jian Jiao"
        proxy.cut()  # the pooled connection is gone; the driver does not know yet

        assert await researcher_name(reader) == "Jian Jiao"
        assert proxy.opened == 2
        assert reader.stats.statements == 2


async def test_without_retry_time_the_dropped_connection_is_the_answer(
    settings: Settings, runner: CypherRunner
) -> None:
    async with runner_through_proxy(settings, retry_seconds=0) as (reader, proxy):
        await researcher_name(reader)
        proxy.cut()

        with pytest.raises(DriverError) as failure:
            await researcher_name(reader)
        assert failure.value.is_retryable()
