"""What the log says when a request fails: an expected failure (Neo4j down, a statement past
its timeout, a full gate) is one WARNING line an operator can read; only an unexpected error,
a bug, is logged with its traceback."""

import logging
from collections.abc import AsyncIterator

import pytest

from cypher.runner import CypherRunner, Gate
from helpers import SCHEMA
from model.users import Auth, User
from resolvers.context import Context
from server.app import make_runner
from server.config import Settings

NAME = '{ researcher(id: "A-jian-jiao") { name } }'
FOLLOW = 'mutation { followResearcher(input: {researcherId: "A-jian-jiao"}) { researcher { counts { followers } } } }'


async def failed(
    runner: CypherRunner, query: str, caplog: pytest.LogCaptureFixture
) -> tuple[list[str], list[logging.LogRecord]]:
    """The codes the client got, and what was logged at WARNING or above."""
    viewer = User(id="error-logs-user")
    context = Context.create(runner, Auth(user=viewer), None, request_id="req-logs")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        result = await SCHEMA.execute(query, context_value=context)
    codes = [(e.extensions or {}).get("code", "") for e in result.errors or []]
    return codes, [r for r in caplog.records if r.levelno >= logging.WARNING]


def one_line(records: list[logging.LogRecord], code: str) -> None:
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.WARNING, None)]
    message = records[0].getMessage()
    assert "\n" not in message and "req-logs" in message and code in message


async def test_a_full_gate_logs_one_line(
    shared_runner: CypherRunner, caplog: pytest.LogCaptureFixture
) -> None:
    gate = Gate(slots=1, queue_timeout=0.001)
    await gate.enter(0.0)  # held, as by a long statement
    try:
        runner = CypherRunner(shared_runner.driver, shared_runner.database, 10, gate)
        codes, records = await failed(runner, NAME, caplog)
    finally:
        gate.leave()

    assert codes == ["SERVICE_UNAVAILABLE"]
    one_line(records, "SERVICE_UNAVAILABLE")


@pytest.fixture
async def nowhere() -> AsyncIterator[CypherRunner]:
    """A runner for a Neo4j that is not there: nothing listens on port 1."""
    settings = Settings(neo4j_uri="bolt://127.0.0.1:1", neo4j_retry_seconds=0)
    runner = make_runner(settings)
    yield runner
    await runner.driver.close()


async def test_an_unreachable_neo4j_logs_one_line(
    nowhere: CypherRunner, caplog: pytest.LogCaptureFixture
) -> None:
    codes, records = await failed(nowhere, NAME, caplog)

    assert codes == ["SERVICE_UNAVAILABLE"]
    one_line(records, "SERVICE_UNAVAILABLE")


async def test_a_statement_past_its_timeout_logs_one_line(
    shared_runner: CypherRunner, caplog: pytest.LogCaptureFixture
) -> None:
    # Another transaction holds the researcher's lock: the follow waits for it past its timeout.
    async with shared_runner.driver.session(database=shared_runner.database) as session:
        holder = await session.begin_transaction()
        try:
            await holder.run("MATCH (r:Researcher {id: 'A-jian-jiao'}) SET r.lockedByTest = true")
            runner = CypherRunner(shared_runner.driver, shared_runner.database, 0.5)
            codes, records = await failed(runner, FOLLOW, caplog)
        finally:
            await holder.rollback()

    assert codes == ["TIMEOUT"]
    one_line(records, "TIMEOUT")


async def test_an_unexpected_error_still_logs_its_traceback(
    shared_runner: CypherRunner, caplog: pytest.LogCaptureFixture
) -> None:
    # A database Neo4j does not have: a misconfiguration, nothing a client caused or can fix.
    runner = CypherRunner(shared_runner.driver, "no-such-database", 10)

    codes, records = await failed(runner, NAME, caplog)

    assert codes == ["INTERNAL_SERVER_ERROR"]
    assert {r.levelno for r in records} == {logging.ERROR}
    assert any(r.exc_info for r in records), "no traceback logged"
