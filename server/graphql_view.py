"""The /graphql endpoint: Strawberry's ASGI view with a per-request context."""

import json
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from resolvers.context import Context
from schema import PROFILE_PAGE
from server.http import error_response
from server.media import GRAPHQL_RESPONSE, JSON, negotiate
from server.persisted import PersistedQueries, PersistedQueryError, error_body

PROFILE_VARIABLES = {"id": "A-jian-jiao"}


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.persisted = PersistedQueries(PROFILE_PAGE)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        data = await super().parse_http_body(request)
        return data if isinstance(data, list) else self.persisted.resolve(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        media = negotiate(request.headers.get("accept"))
        if media is None and request.method == "POST":
            await not_acceptable()(scope, receive, send)
            return
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = refusal(request.method, exc)
        except PersistedQueryError as exc:
            # Apollo clients expect these as a 200 with the code, then retry with the text.
            response = JSONResponse(error_body(exc), 200 if exc.code != "BAD_USER_INPUT" else 400)
        except UnicodeDecodeError:
            # Strawberry catches JSON syntax errors but not bytes that are no text at all.
            response = error_response(400, "the request body is not UTF-8 JSON")
        if media == GRAPHQL_RESPONSE:
            response = as_graphql_response(response)
        await response(scope, receive, send)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data = await super().process_result(request, result)
        if result.data is None and result.errors and all(e.path is None for e in result.errors):
            # Failed before execution (syntax, validation, a limit): the GraphQL spec leaves
            # the data entry out, which is how a client tells this from a failed field.
            data.pop("data", None)
        return data

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.app.state
        auth = await state.authenticator.authenticate(request.headers.get("authorization"))
        request_id = request.scope.get("state", {}).get("request_id", "")
        return Context.create(state.runner, auth, state.policy, request_id)

    @property
    def graphql_ide_html(self) -> str:
        # GraphiQL opens on the profile page query rather than Strawberry's welcome text.
        html = super().graphql_ide_html
        example = json.dumps(PROFILE_PAGE)
        variables = json.dumps(json.dumps(PROFILE_VARIABLES, indent=2))
        return html.replace("parameters.q || EXAMPLE_QUERY", f"parameters.q || {example}").replace(
            "React.useState(\n          parameters.variables,",
            f"React.useState(\n          parameters.variables || {variables},",
        )


def refusal(method: str, exc: HTTPException) -> Response:
    """Strawberry's HTTP errors as GraphQL-shaped JSON; a mutation over GET is a 405."""
    if method == "GET" and exc.status_code == 400 and "not allowed" in exc.reason:
        return error_response(405, exc.reason, {"allow": "POST"})
    return error_response(exc.status_code, exc.reason)


def as_graphql_response(response: Response) -> Response:
    """application/graphql-response+json: 400 when the request never reached execution."""
    if response.headers.get("content-type", "").startswith(JSON):
        response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
        if response.status_code == 200 and bytes(response.body[:7]) != b'{"data"':
            response.status_code = 400
    return response


def not_acceptable() -> Response:
    return error_response(
        406, f"this endpoint answers {GRAPHQL_RESPONSE} or {JSON}: send an Accept header with one"
    )
