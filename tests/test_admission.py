"""Admission control: at most N statements in Neo4j at once per process, the rest queue."""

import asyncio
import time

import pytest

from cypher.runner import ALLOWANCE_PER_COST, Busy, CypherRunner, Gate
from helpers import execute
from model.users import Auth
from resolvers.context import Context
from schema import PROFILE_PAGE, build_schema
from server.config import Settings
from server.extensions import MaskUnexpected
from server.limits import limits


async def test_a_full_gate_queues_then_admits() -> None:
    gate = Gate(slots=1, queue_timeout=5)
    await gate.enter(0.0)
    waiter = asyncio.create_task(gate.enter(0.0))
    await asyncio.sleep(0.05)
    assert (gate.in_flight, gate.waiting, waiter.done()) == (1, 1, False)

    gate.leave()
    await waiter

    assert (gate.in_flight, gate.waiting) == (1, 0)
    gate.leave()


async def test_a_wait_past_the_queue_timeout_is_busy() -> None:
    gate = Gate(slots=1, queue_timeout=0.05)
    await gate.enter(0.0)

    with pytest.raises(Busy, match=r"no statement slot within 0\.05s"):
        await gate.enter(0.0)
    assert (gate.in_flight, gate.waiting) == (1, 0)


async def queue(gate: Gate, turn: float, order: list[str], name: str) -> None:
    await gate.enter(turn)
    order.append(name)


async def test_a_freed_slot_goes_to_the_statement_whose_turn_comes_first() -> None:
    """A search arriving behind the statements of a hub's page is served before them."""
    gate, order, now = Gate(slots=1, queue_timeout=5), list[str](), time.monotonic()
    await gate.enter(0.0)
    waiters = [
        asyncio.create_task(queue(gate, now + 3.0, order, "hub page, 3 s in Neo4j so far")),
        asyncio.create_task(queue(gate, now + 2.0, order, "another hub page, 2 s")),
    ]
    await asyncio.sleep(0.01)
    waiters.append(asyncio.create_task(queue(gate, now, order, "search, just arrived")))
    await asyncio.sleep(0.01)

    for _ in waiters:
        gate.leave()
        await asyncio.sleep(0.01)

    assert order == [
        "search, just arrived",
        "another hub page, 2 s",
        "hub page, 3 s in Neo4j so far",
    ]
    assert (gate.in_flight, gate.waiting) == (1, 0)


def runner_arrived(runner: CypherRunner, cost: int, spent: float) -> CypherRunner:
    request = runner.for_request()
    request.allow(cost)
    request.stats.seconds = spent
    return request


async def test_a_heavy_request_waits_no_longer_than_its_allowance_and_its_own_time(
    shared_runner: CypherRunner,
) -> None:
    gate, order = Gate(slots=1, queue_timeout=5), list[str]()
    await gate.enter(0.0)
    heavy = runner_arrived(shared_runner, 20, 0.02)  # 20 units: a 40 ms allowance
    assert heavy.turn() == pytest.approx(heavy.arrived + 20 * ALLOWANCE_PER_COST + 0.02)
    heavy_waits = asyncio.create_task(queue(gate, heavy.turn(), order, "heavy, 20 ms in Neo4j"))
    await asyncio.sleep(0.1)  # it has waited longer than its allowance and its time by now
    light = runner_arrived(shared_runner, 1, 0.0)
    light_waits = asyncio.create_task(queue(gate, light.turn(), order, "light, just arrived"))
    await asyncio.sleep(0.01)

    gate.leave()
    await asyncio.sleep(0.01)
    gate.leave()
    await asyncio.gather(heavy_waits, light_waits)

    assert order == ["heavy, 20 ms in Neo4j", "light, just arrived"]


async def test_a_waiter_that_gave_up_does_not_keep_a_slot() -> None:
    gate = Gate(slots=1, queue_timeout=0.02)
    await gate.enter(0.0)
    with pytest.raises(Busy):
        await gate.enter(0.0)
    gate.leave()

    await gate.enter(0.0)  # the slot is free again, not handed to the waiter that left
    assert (gate.in_flight, gate.waiting) == (1, 0)


def gated(runner: CypherRunner, gate: Gate) -> CypherRunner:
    return CypherRunner(runner.driver, runner.database, runner.timeout, gate)


async def test_pages_queued_behind_one_slot_all_succeed(shared_runner: CypherRunner) -> None:
    seen: list[int] = []
    gate = Gate(
        slots=1, queue_timeout=60, observe=lambda name, s, failed: seen.append(gate.in_flight)
    )

    results = await asyncio.gather(
        *(
            execute(gated(shared_runner, gate), PROFILE_PAGE, {"id": "A-jian-jiao"})
            for _ in range(8)
        )
    )

    assert [r.errors for r, _ in results] == [None] * 8
    assert len(seen) == 8 * 6
    # Observed as each statement leaves: its slot was handed to the next (1) or freed (0);
    # never were two statements in Neo4j at once.
    assert set(seen) == {0, 1}
    assert (gate.in_flight, gate.waiting) == (0, 0)


async def test_a_request_that_cannot_get_a_slot_is_told_to_retry(
    shared_runner: CypherRunner,
) -> None:
    gate = Gate(slots=1, queue_timeout=0.001)
    await gate.enter(0.0)  # held, as by a long statement
    try:
        result, _ = await execute(
            gated(shared_runner, gate), '{ researcher(id: "A-jian-jiao") { name } }'
        )
    finally:
        gate.leave()

    assert result.data == {"researcher": None}
    assert result.errors is not None
    assert [e.extensions for e in result.errors] == [{"code": "SERVICE_UNAVAILABLE"}]
    assert result.errors[0].message == "The service is busy; try again shortly."


# The service's own extensions: the cost limiter is what tells the runner each request's cost.
COSTED = build_schema([MaskUnexpected, *limits(Settings())])
SEARCH = '{ researchers(search: "jian", first: 5) { edges { node { id counts { works } } } } }'


async def test_a_search_is_served_before_a_page_that_arrived_just_before_it(
    shared_runner: CypherRunner,
) -> None:
    """Under load the gate is full: the page's statements (cost about 3,800) wait for the
    search (about 60) that arrived after them, and the page still completes."""
    served: list[str] = []
    gate = Gate(slots=1, queue_timeout=30, observe=lambda name, s, failed: served.append(name))

    def run(query: str, variables: dict[str, str] | None = None) -> "asyncio.Task[object]":
        context = Context.create(gated(shared_runner, gate), Auth(user=None), None)
        return asyncio.create_task(
            COSTED.execute(query, variable_values=variables, context_value=context)
        )

    await gate.enter(0.0)  # held, as by a long statement: everything below queues
    page = run(PROFILE_PAGE, {"id": "A-jian-jiao"})
    await asyncio.sleep(0.05)
    search = run(SEARCH)
    await asyncio.sleep(0.05)
    gate.leave()
    results = await asyncio.gather(page, search)

    assert [r.errors for r in results] == [None, None]  # type: ignore[attr-defined]
    assert served[:2] == ["search_researchers", "get_researchers"], served
    assert len(served) == 2 + 6
