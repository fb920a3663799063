"""The /graphql endpoint: Strawberry's ASGI view with a per-request context."""

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from resolvers.context import Context
from schema import PROFILE_PAGE

PROFILE_VARIABLES = {"id": "A-jian-jiao"}


class GraphQLView(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.app.state
        auth = await state.authenticator.authenticate(request.headers.get("authorization"))
        return Context.create(state.runner, auth, state.policy)

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
