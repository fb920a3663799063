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
    assert len(seen) == 8 * 7
    # Observed as each statement leaves: nothing else was in Neo4j alongside it.
    assert set(seen) == {0}
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
