"""HTTP-level refusals, shaped as GraphQL responses so every client can read them."""

from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.config import Settings

CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    431: "REQUEST_HEADERS_TOO_LARGE",
}


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    code = CODES.get(status, "BAD_REQUEST")
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status, headers
    )


class BodyLimit:
    """Refuses a request body over `max_bytes` with 413, whether or not it announces its size."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = dict(scope["headers"]).get(b"content-length")
        if announced and announced.isdigit() and int(announced) > self.max_bytes:
            await self.refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await self.refuse(scope, receive, send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"the request body is over {self.max_bytes} bytes"
        await error_response(413, message)(scope, receive, send)


class BodyTooLarge(Exception):
    pass


class HeaderLimit:
    """Refuses a request whose headers add up to more than `max_bytes` with 431, before any
    other middleware or the app reads them (a 32 MB Authorization header was verified)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            size = sum(len(name) + len(value) + 4 for name, value in scope["headers"])
            if size > self.max_bytes:
                await self.refuse(scope, receive, send, size)
                return
        await self.app(scope, receive, send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1009})
            return
        message = (
            f"the request headers are {size} bytes, over the limit of {self.max_bytes}"
            " (PEERGRAPH_MAX_HEADER_BYTES): send fewer or shorter headers"
        )
        await error_response(431, message, {"connection": "close"})(scope, receive, send)


def uvicorn_limits(settings: Settings) -> dict[str, Any]:
    """uvicorn's own bound on a request head, so an endless header is dropped before it is
    buffered: h11 has one (httptools, uvicorn's default, has none and buffers any size).
    Heads between PEERGRAPH_MAX_HEADER_BYTES and this bound get HeaderLimit's GraphQL-shaped
    431; the margin leaves room for the request line (a GET carries its query there)."""
    return {"http": "h11", "h11_max_incomplete_event_size": 4 * settings.max_header_bytes}


def nests_deeper(value: object, limit: int) -> bool:
    """Whether JSON-decoded `value` nests objects and arrays more than `limit` levels deep
    (an object or array is one level). Iterative: the depth it checks is the client's."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in item)
    return False
