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
from server import graphiql
from server.http import error_response, nests_deeper
from server.media import GRAPHQL_RESPONSE, JSON, negotiate
from server.persisted import (
    PersistedQueries,
    PersistedQueryError,
    error_body,
    requested_hash,
)

# Set on request.state once the request's operation ran (process_result): what tells a
# graphql-response+json answer's status, 200 when execution began, 400 when it never did.
EXECUTED = "graphql_executed"


class GraphQLView(GraphQL[Context, None]):
    def __init__(
        self,
        *args: Any,
        persisted: PersistedQueries,
        max_variables_depth: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.persisted = persisted
        self.max_variables_depth = max_variables_depth

    def decode_json(self, data: str | bytes) -> object:
        """The body of a POST, or the `variables`/`extensions` of a GET: a JSON object (an
        array is a batch, which the view refuses), or a 400."""
        try:
            value = json.loads(data)
        except RecursionError:
            raise HTTPException(400, "the JSON nests too deeply: send flatter values") from None
        if not isinstance(value, dict | list):
            raise HTTPException(400, 'expected a JSON object, such as {"query": "{ __typename }"}')
        return value

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        data = await super().parse_http_body(request)
        if isinstance(data, list):
            return data
        for name in ("variables", "extensions"):
            if nests_deeper(getattr(data, name), self.max_variables_depth):
                raise HTTPException(
                    400,
                    f"`{name}` nest deeper than {self.max_variables_depth} levels"
                    " (PEERGRAPH_MAX_VARIABLES_DEPTH): send flatter values",
                )
        return self.persisted.resolve(data)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        result = await super().execute_single(
            request=request,
            request_adapter=request_adapter,
            sub_response=sub_response,
            context=context,
            root_value=root_value,
            request_data=request_data,
        )
        # A document sent with its hash is kept only once it ran: parsed, validated, within
        # every limit. What failed before execution would fill the store for nothing.
        digest = requested_hash(request_data)
        if digest and request_data.query and not before_execution(result):
            self.persisted.keep(digest, request_data.query)
        return result

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
            executed = getattr(request.state, EXECUTED, False)
            response = as_graphql_response(response, executed)
        await response(scope, receive, send)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data = await super().process_result(request, result)
        if not before_execution(result):
            setattr(request.state, EXECUTED, True)
        else:
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
        # GraphiQL from this origin, opening on the profile page query (server/graphiql.py).
        return graphiql.page_html()

    async def render_graphql_ide(self, request: Request) -> Response:
        # With its Content-Security-Policy, or the one line that says how to install it.
        return graphiql.page()


def before_execution(result: ExecutionResult) -> bool:
    """Whether the request failed before any field ran: no data, no error with a path."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(e.path is None for e in errors)


def refusal(method: str, exc: HTTPException) -> Response:
    """Strawberry's HTTP errors as GraphQL-shaped JSON; a mutation over GET is a 405."""
    if method == "GET" and exc.status_code == 400 and "not allowed" in exc.reason:
        return error_response(405, exc.reason, {"allow": "POST"})
    return error_response(exc.status_code, exc.reason)


def as_graphql_response(response: Response, executed: bool) -> Response:
    """application/graphql-response+json: 400 when the request never reached execution."""
    if response.headers.get("content-type", "").startswith(JSON):
        response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
        if response.status_code == 200 and not executed:
            response.status_code = 400
    return response


def not_acceptable() -> Response:
    return error_response(
        406, f"this endpoint answers {GRAPHQL_RESPONSE} or {JSON}: send an Accept header with one"
    )
