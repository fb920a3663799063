"""One line for a Neo4j the CLI cannot use, said before any work (and any retry) starts."""

import os

from neo4j import AsyncDriver
from neo4j.exceptions import AuthError, ServiceUnavailable


class Unreachable(Exception):
    """Neo4j cannot be used; the message says why and what to do, in a line or two."""


def cause(exc: BaseException) -> str:
    """The operating system's words for why a connection failed ("connection refused"), else
    the first line of the driver's message."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno:
            return os.strerror(seen.errno).lower()
        seen = seen.__cause__ or seen.__context__
    return next(iter(str(exc).splitlines()), type(exc).__name__).rstrip(":")


async def check_reachable(driver: AsyncDriver, uri: str) -> None:
    try:
        await driver.verify_connectivity()
    except ServiceUnavailable as exc:
        raise Unreachable(
            f"cannot reach Neo4j at {uri} ({cause(exc)}): is it running? `make run` starts one"
            " with the seed profile; or point NEO4J_URI at yours"
        ) from exc
    except AuthError as exc:
        raise Unreachable(
            f"Neo4j at {uri} refused the user and password: set NEO4J_USER and NEO4J_PASSWORD"
            " (or NEO4J_PASSWORD_FILE) to its own"
        ) from exc
