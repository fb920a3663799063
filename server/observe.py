"""Request ids and one structured (JSON) log line per GraphQL request."""

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from resolvers.context import Context
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
    """After each operation: the metrics, and a JSON line with what it cost."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context.context
        if not isinstance(context, Context):
            return
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or []
        line = entry(self.execution_context.operation_name, context, started, errors)
        record_request(
            line["operation"], line["ms"] / 1000, context.runner.stats.by_name, line["errors"]
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
        "errors": sorted(
            {(e.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED") for e in errors}
        ),
        "user": context.auth.viewer.id if context.auth.viewer else None,
    }
