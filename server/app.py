"""The ASGI app: /graphql (with GraphiQL), /explore/{id}, /healthz, /readyz, /metrics."""

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace

from neo4j import AsyncGraphDatabase, NotificationMinimumSeverity
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route
from strawberry.extensions import DisableIntrospection

from cypher.runner import CypherRunner, Gate
from resolvers.context import Policy
from schema import Extension, HideSuggestions, build_schema
from server.auth import Authenticator
from server.config import Settings, load_settings
from server.explore import routes as explore_routes
from server.extensions import CypherCount, MaskUnexpected
from server.graphiql import routes as graphiql_routes
from server.graphql_view import GraphQLView
from server.health import healthz, readyz
from server.http import BodyLimit, HeaderLimit
from server.limits import document_parser, limits
from server.logs import redact_tokens_in_logs
from server.metrics import metrics, observe_statement, watch_gate
from server.observe import RequestId, RequestLog
from server.page_documents import PAGE_DOCUMENTS
from server.persisted import PersistedQueries
from server.runtime import tune_collector


def make_runner(settings: Settings) -> CypherRunner:
    driver = AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=settings.neo4j_auth,
        # Fail a request within seconds when Neo4j is down instead of retrying for 30 s.
        max_transaction_retry_time=settings.neo4j_retry_seconds,
        connection_timeout=settings.neo4j_connect_timeout_seconds,
        connection_acquisition_timeout=settings.neo4j_connect_timeout_seconds * 2,
        # Server notifications (hints about unused labels and the like) cost work and log noise.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )
    gate = Gate(
        settings.neo4j_max_concurrent_statements,
        settings.neo4j_queue_timeout_seconds,
        observe=observe_statement,
    )
    return CypherRunner(
        driver,
        settings.neo4j_database,
        settings.neo4j_query_timeout_seconds,
        gate,
        settings.neo4j_retry_seconds,
    )


def make_import_runner(settings: Settings) -> CypherRunner:
    # An import batch may run far longer than an API query: it gets its own timeout.
    return replace(make_runner(settings), timeout=settings.import_timeout_seconds)


async def home(request: Request) -> RedirectResponse:
    return RedirectResponse("/graphql")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or load_settings()
    # A missing Neo4j password stops the start here, with its message, not inside the lifespan.
    settings.neo4j_auth  # noqa: B018
    # However the app is served (peergraph serve, or uvicorn by hand), no token reaches a log.
    redact_tokens_in_logs()
    persisted = PersistedQueries(
        # The documents the service's own pages send: known by hash from the start.
        *PAGE_DOCUMENTS,
        max_entries=settings.persisted_queries_max_entries,
        max_bytes=settings.persisted_queries_max_bytes,
    )
    known = persisted.operation_names
    extensions: list[Extension] = [
        MaskUnexpected,
        lambda: RequestLog(known),
        *limits(settings),
    ]
    if not settings.introspection:
        # Nor may an error's "Did you mean ...?" name what introspection would have shown.
        extensions += [DisableIntrospection, HideSuggestions]
    if settings.debug_cypher:
        extensions.append(CypherCount)
    view = GraphQLView(
        build_schema(extensions, parser=document_parser(settings.max_query_chars)),
        graphql_ide="graphiql" if settings.graphiql else None,
        persisted=persisted,
        max_variables_depth=settings.max_variables_depth,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # One driver per process: its pool is shared by every request and closed here.
        app.state.runner = make_runner(settings)
        watch_gate(app.state.runner.gate, settings.neo4j_max_concurrent_statements)
        app.state.authenticator = Authenticator(settings)
        app.state.policy = Policy(
            settings.invite_daily_limit, settings.loader_batching, settings.max_pending_claims
        )
        tune_collector()
        try:
            yield
        finally:
            await app.state.runner.driver.close()

    routes = [
        Route("/", home),
        Route("/graphql", view, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
        # GraphiQL's browser files, only where GraphiQL is served.
        *(graphiql_routes() if settings.graphiql else []),
        *explore_routes(),
    ]
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    middleware = [
        # First: nothing else reads a request whose headers are over the bound.
        Middleware(HeaderLimit, max_bytes=settings.max_header_bytes),
        Middleware(RequestId),
        Middleware(BodyLimit, max_bytes=settings.max_body_bytes),
        Middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
        ),
    ]
    return Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
