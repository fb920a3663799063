"""Runs named Cypher files through one shared driver, counting every round trip."""

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, LiteralString

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncManagedTransaction,
    Query,
    Record,
    RoutingControl,
    SummaryCounters,
    unit_of_work,
)
from neo4j.exceptions import DriverError, Neo4jError

from cypher import check_parameters, load


def as_datetime(value: Any) -> datetime:
    """A datetime a statement returned (neo4j.time.DateTime) as Python's own."""
    native: datetime = value.to_native()
    return native


@dataclass
class GraphChanges:
    """What committed writes did to the graph, as Neo4j counted it."""

    nodes: int = 0  # created minus deleted
    relationships: int = 0

    def add(self, counters: SummaryCounters) -> None:
        self.nodes += counters.nodes_created - counters.nodes_deleted
        self.relationships += counters.relationships_created - counters.relationships_deleted

    def since(self, earlier: "GraphChanges") -> "GraphChanges":
        return GraphChanges(self.nodes - earlier.nodes, self.relationships - earlier.relationships)

    @property
    def elements(self) -> int:
        return self.nodes + self.relationships


@dataclass
class CypherStats:
    """Statements one request (or one import) sent, by file name, their time in Neo4j and
    what the committed ones changed."""

    statements: int = 0
    by_name: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    changes: GraphChanges = field(default_factory=GraphChanges)

    def count(self, name: str) -> None:
        self.statements += 1
        self.by_name[name] = self.by_name.get(name, 0) + 1


class Busy(Exception):
    """Every statement slot stayed taken for the whole queue timeout."""


# Seconds of queue allowance per unit of query cost (server/limits.py): a ProfilePage (about
# 3,800) may wait 7.6 s for the searches (about 60: 0.12 s) and follows (about 15) that arrive
# after it. Only a full gate makes anyone wait; bench.mixed measured 0.5 and 2 ms per unit.
ALLOWANCE_PER_COST = 0.002

# Told the statement's name and seconds, and whether it failed (the service's metrics).
Observer = Callable[[str, float, bool], None]


@dataclass
class Gate:
    """Admission control: at most `slots` statements in Neo4j at once, the rest wait here.

    Queued work waits in the service, not in Neo4j: a burst of heavy pages then takes longer
    instead of timing out together inside the database, whose transaction timeout starts only
    once a statement is admitted. A statement that waits longer than `queue_timeout` fails
    with Busy.

    A freed slot goes to the waiting statement whose turn comes first. A request's turn is its
    arrival, plus an allowance in proportion to what it asks for (its query cost), plus the
    seconds it already had in Neo4j: a search or a follow is served before the pages that came
    in shortly before it, a hub's page whose statements keep coming back yields to newcomers,
    and since every turn comes at a time that passes, nothing starves.
    """

    slots: int = 64
    queue_timeout: float = 30.0
    observe: Observer | None = None
    in_flight: int = 0
    waiting: int = 0
    _queue: list[tuple[float, int, "asyncio.Future[None]"]] = field(default_factory=list)
    _arrivals: Iterator[int] = field(default_factory=itertools.count)

    async def enter(self, turn: float) -> None:
        """Waits for a slot; `turn` is the monotonic time the statement's turn comes."""
        if self.in_flight < self.slots and not self._queue:
            self.in_flight += 1
            return
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (turn, next(self._arrivals), future))
        self.waiting += 1
        try:
            await asyncio.wait_for(future, self.queue_timeout)
        except TimeoutError as exc:
            raise Busy(f"no statement slot within {self.queue_timeout:g}s") from exc
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.leave()  # the slot was handed over as the waiter was cancelled: pass it on
            raise
        finally:
            self.waiting -= 1

    def leave(self) -> None:
        while self._queue:
            waiter = heapq.heappop(self._queue)[2]
            if not waiter.done():  # waiters that timed out or were cancelled are skipped
                waiter.set_result(None)  # the slot passes to it: in_flight stays the same
                return
        self.in_flight -= 1


@dataclass
class CypherRunner:
    driver: AsyncDriver
    database: str
    timeout: float
    gate: Gate = field(default_factory=Gate)
    # How long a read that failed with a retryable error (a connection the server closed, a
    # leader switch) is tried again: the driver's max_transaction_retry_time, for writes.
    retry_seconds: float = 5.0
    stats: CypherStats = field(default_factory=CypherStats)
    # Under test: every statement's keyword parameters must be exactly those its file's header
    # states (cypher.check_parameters), or the call fails with an AssertionError naming them.
    check_contracts: bool = False
    # The request's place in the gate's queue: when it arrived, and the seconds it may wait for
    # the requests behind it, in proportion to its query cost (see `allow`).
    arrived: float = field(default_factory=time.monotonic)
    allowance: float = 0.0

    def allow(self, cost: int) -> None:
        """Lets requests that ask for less go first: the allowance grows with the query cost."""
        self.allowance = cost * ALLOWANCE_PER_COST

    def turn(self) -> float:
        """When this request's next statement is due a slot (Gate)."""
        return self.arrived + self.allowance + self.stats.seconds

    def for_request(self) -> "CypherRunner":
        """A runner sharing the driver and its gate, with a counter of its own."""
        return CypherRunner(
            self.driver,
            self.database,
            self.timeout,
            self.gate,
            self.retry_seconds,
            check_contracts=self.check_contracts,
        )

    async def read(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.READ)

    async def write(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.WRITE)

    async def write_together(self, steps: list[tuple[str, dict[str, Any]]]) -> list[list[Record]]:
        """Runs named statements in order in ONE write transaction: each (name, parameters)
        step's records, in step order. For a write that a derived fact must follow in the same
        transaction (the kept current affiliation after a change of affiliations), so no reader
        ever sees one without the other and a failure undoes both. Counted per statement like
        `write`, admitted through the gate once, observed once under the names joined by '+'."""
        if self.check_contracts:
            for name, params in steps:
                check_parameters(name, params)
        for name, _ in steps:
            self.stats.count(name)
        async with self._admitted("+".join(name for name, _ in steps)):
            return await self._write_together([(load(n), p) for n, p in steps])

    async def _write_together(
        self, statements: list[tuple[LiteralString, dict[str, Any]]]
    ) -> list[list[Record]]:
        # A transaction function: the driver retries it whole on a retryable error (a deadlock,
        # a leader switch), as execute_query does for one statement; the timeout is per
        # transaction here, where Query carries it for execute_query.
        # The counters of the attempt that committed: a retried attempt's were rolled back.
        @unit_of_work(timeout=self.timeout)
        async def work(
            tx: AsyncManagedTransaction,
        ) -> tuple[list[list[Record]], list[SummaryCounters]]:
            records, counters = [], []
            for text, params in statements:
                result = await tx.run(text, params)
                records.append([record async for record in result])
                counters.append((await result.consume()).counters)
            return records, counters

        # execute_query's bookmarks, so the reads after it see this write as they see `write`'s.
        async with self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
        ) as session:
            records, counters = await session.execute_write(work)
        for counted in counters:
            self.stats.changes.add(counted)
        return records

    async def _run(
        self, name: str, params: Mapping[str, Any], routing: RoutingControl
    ) -> list[Record]:
        if self.check_contracts:
            check_parameters(name, params)
        self.stats.count(name)
        async with self._admitted(name):
            query = Query(load(name), timeout=self.timeout)
            if routing is RoutingControl.READ:
                return await self._read(query, params)
            return await self._write(query, params)

    @contextlib.asynccontextmanager
    async def _admitted(self, name: str) -> AsyncIterator[None]:
        """Holds a gate slot around a statement (or a transaction of several), and adds its
        time to the request's and to the observer's figures, failed or not."""
        await self.gate.enter(self.turn())
        started, failed = time.perf_counter(), True
        try:
            yield
            failed = False
        finally:
            self.gate.leave()
            seconds = time.perf_counter() - started
            self.stats.seconds += seconds
            if self.gate.observe is not None:
                self.gate.observe(name, seconds, failed)

    async def _write(self, query: Query, params: Mapping[str, Any]) -> list[Record]:
        result = await self.driver.execute_query(
            query, dict(params), routing_=RoutingControl.WRITE, database_=self.database
        )
        self.stats.changes.add(result.summary.counters)
        return result.records

    async def _read(self, query: Query, params: Mapping[str, Any]) -> list[Record]:
        """A read in an auto-commit transaction: one round trip, where execute_query's managed
        transaction takes two (its COMMIT waits for an answer) and twice the driver's CPU.
        It shares execute_query's bookmarks, so a read still sees the writes made before it,
        and retries what the driver calls retryable, as execute_query would."""
        give_up, delay = time.monotonic() + self.retry_seconds, 0.05
        while True:
            try:
                return await self._read_once(query, params)
            except (Neo4jError, DriverError) as exc:
                if not exc.is_retryable() or time.monotonic() + delay > give_up:
                    raise
            await asyncio.sleep(delay)
            delay = min(2 * delay, 1.0)

    async def _read_once(self, query: Query, params: Mapping[str, Any]) -> list[Record]:
        async with self.driver.session(
            database=self.database,
            default_access_mode=READ_ACCESS,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            result = await session.run(query, dict(params))
            return [record async for record in result]
