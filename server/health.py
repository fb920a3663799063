"""/healthz: the process answers. /readyz: Neo4j answers too."""

import asyncio

from neo4j.exceptions import DriverError, Neo4jError
from starlette.requests import Request
from starlette.responses import JSONResponse

from cypher.runner import CypherRunner

READY_TIMEOUT_SECONDS = 3.0


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def ping(runner: CypherRunner) -> None:
    # A plain session, not execute_query: readiness must answer now, not after retries.
    async with runner.driver.session(database=runner.database) as session:
        result = await session.run("RETURN 1")
        await result.consume()


async def readyz(request: Request) -> JSONResponse:
    try:
        await asyncio.wait_for(ping(request.app.state.runner), READY_TIMEOUT_SECONDS)
    except TimeoutError:
        return JSONResponse(
            {"status": "unavailable", "reason": "Neo4j did not answer in time"}, 503
        )
    # What the driver raises when Neo4j is down or refuses; anything else is a bug, and the
    # app's error handling logs it and answers 500.
    except (Neo4jError, DriverError, OSError) as exc:
        reason = f"Neo4j is unreachable: {type(exc).__name__}: {exc}"
        return JSONResponse({"status": "unavailable", "reason": reason}, 503)
    return JSONResponse({"status": "ready"})
