"""Runs named Cypher files through one shared driver, counting every round trip."""

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver, Query, Record, RoutingControl

from cypher import load


@dataclass
class CypherStats:
    """Statements one request (or one import) sent, by file name."""

    statements: int = 0
    by_name: dict[str, int] = field(default_factory=dict)

    def count(self, name: str) -> None:
        self.statements += 1
        self.by_name[name] = self.by_name.get(name, 0) + 1


class Busy(Exception):
    """Every statement slot stayed taken for the whole queue timeout."""


# Told the statement's name and seconds, and whether it failed (the service's metrics).
Observer = Callable[[str, float, bool], None]


@dataclass
class Gate:
    """Admission control: at most `slots` statements in Neo4j at once, the rest wait here.

    Queued work waits in the service, not in Neo4j: a burst of heavy pages then takes longer
    instead of timing out together inside the database, whose transaction timeout starts only
    once a statement is admitted. A statement that waits longer than `queue_timeout` fails
    with Busy.
    """

    slots: int = 64
    queue_timeout: float = 30.0
    observe: Observer | None = None
    in_flight: int = 0
    waiting: int = 0
    _semaphore: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self._semaphore = asyncio.Semaphore(self.slots)

    async def enter(self) -> None:
        self.waiting += 1
        try:
            await asyncio.wait_for(self._semaphore.acquire(), self.queue_timeout)
        except TimeoutError as exc:
            raise Busy(f"no statement slot within {self.queue_timeout:g}s") from exc
        finally:
            self.waiting -= 1
        self.in_flight += 1

    def leave(self) -> None:
        self.in_flight -= 1
        self._semaphore.release()


@dataclass
class CypherRunner:
    driver: AsyncDriver
    database: str
    timeout: float
    gate: Gate = field(default_factory=Gate)
    stats: CypherStats = field(default_factory=CypherStats)

    def for_request(self) -> "CypherRunner":
        """A runner sharing the driver and its gate, with a counter of its own."""
        return CypherRunner(self.driver, self.database, self.timeout, self.gate)

    async def read(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.READ)

    async def write(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.WRITE)

    async def _run(
        self, name: str, params: Mapping[str, Any], routing: RoutingControl
    ) -> list[Record]:
        self.stats.count(name)
        await self.gate.enter()
        started, failed = time.perf_counter(), True
        try:
            result = await self.driver.execute_query(
                Query(load(name), timeout=self.timeout),
                dict(params),
                routing_=routing,
                database_=self.database,
            )
            failed = False
        finally:
            self.gate.leave()
            if self.gate.observe is not None:
                self.gate.observe(name, time.perf_counter() - started, failed)
        return list(result.records)
