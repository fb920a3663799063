"""Admission control: at most N statements in Neo4j at once per process, the rest queue."""

import asyncio

import pytest

from cypher.runner import Busy, CypherRunner, Gate
from helpers import execute
from schema import PROFILE_PAGE


async def test_a_full_gate_queues_then_admits() -> None:
    gate = Gate(slots=1, queue_timeout=5)
    await gate.enter()
    waiter = asyncio.create_task(gate.enter())
    await asyncio.sleep(0.05)
    assert (gate.in_flight, gate.waiting, waiter.done()) == (1, 1, False)

    gate.leave()
    await waiter

    assert (gate.in_flight, gate.waiting) == (1, 0)
    gate.leave()


async def test_a_wait_past_the_queue_timeout_is_busy() -> None:
    gate = Gate(slots=1, queue_timeout=0.05)
    await gate.enter()

    with pytest.raises(Busy, match=r"no statement slot within 0\.05s"):
        await gate.enter()
    assert (gate.in_flight, gate.waiting) == (1, 0)


async def queue(gate: Gate, spent: float, order: list[str], name: str) -> None:
    await gate.enter(spent)
    order.append(name)


async def test_a_freed_slot_goes_to_the_request_that_had_the_least() -> None:
    """A search arriving behind the statements of a hub's page is served before them."""
    gate, order = Gate(slots=1, queue_timeout=5), list[str]()
    await gate.enter()
    waiters = [
        asyncio.create_task(queue(gate, 3.0, order, "hub page, 3 s in Neo4j so far")),
        asyncio.create_task(queue(gate, 2.0, order, "another hub page, 2 s")),
    ]
    await asyncio.sleep(0.01)
    waiters.append(asyncio.create_task(queue(gate, 0.0, order, "search, just arrived")))
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


async def test_a_heavy_request_waits_no_longer_than_its_own_time_behind_newcomers() -> None:
    gate, order = Gate(slots=1, queue_timeout=5), list[str]()
    await gate.enter()
    heavy = asyncio.create_task(queue(gate, 0.02, order, "heavy, 20 ms in Neo4j"))
    await asyncio.sleep(0.1)  # it has waited longer than its own time by now
    light = asyncio.create_task(queue(gate, 0.0, order, "light, just arrived"))
    await asyncio.sleep(0.01)

    gate.leave()
    await asyncio.sleep(0.01)
    gate.leave()
    await asyncio.gather(heavy, light)

    assert order == ["heavy, 20 ms in Neo4j", "light, just arrived"]


async def test_a_waiter_that_gave_up_does_not_keep_a_slot() -> None:
    gate = Gate(slots=1, queue_timeout=0.02)
    await gate.enter()
    with pytest.raises(Busy):
        await gate.enter()
    gate.leave()

    await gate.enter()  # the slot is free again, not handed to the waiter that left
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
    await gate.enter()  # held, as by a long statement
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
