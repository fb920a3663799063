"""Request ids and one structured (JSON) log line per GraphQL request."""

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from resolvers.context import Context
from resolvers.errors import classify
from server.metrics import record_request

log = logging.getLogger("peergraph.request")
SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestId:
    """Takes the caller's X-Request-Id when it looks like one, else makes one; echoes it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["x-request-id"] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)


class RequestLog(SchemaExtension):
    """After each operation: the metrics, and a JSON line with what it cost. Metrics name only
    the operations in `known` (the service's own documents); the log line names any."""

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.known = known

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except GraphQLError as refused:
            # A limit raised before parsing (server/limits.py): the request ends with it.
            self.record(started, [refused])
            raise
        self.record(started, getattr(self.execution_context.result, "errors", None) or [])

    def record(self, started: float, errors: list[Any]) -> None:
        context = self.execution_context.context
        if not isinstance(context, Context):
            return
        line = entry(self.execution_context.operation_name, context, started, errors)
        record_request(
            line["operation"],
            line["ms"] / 1000,
            context.runner.stats.by_name,
            line["errors"],
            self.known,
        )
        log.info(json.dumps(line))


def entry(
    operation: str | None, context: Context, started: float, errors: list[Any]
) -> dict[str, Any]:
    return {
        "requestId": context.request_id,
        "operation": operation,
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "cypherStatements": context.runner.stats.statements,
        "errors": sorted({code_of(e) for e in errors}),
        "user": context.auth.user.id if context.auth.user else None,
    }


def code_of(error: Any) -> str:
    """The code the client sees: an error is masked (and given its code) only after this
    extension runs, so an unexpected one is classified here as the masking will."""
    code = (error.extensions or {}).get("code")
    if code:
        return str(code)
    original = getattr(error, "original_error", None)
    if original is None or isinstance(original, GraphQLError):
        return "GRAPHQL_VALIDATION_FAILED"
    return classify(original)[0]
