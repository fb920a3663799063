"""Prometheus metrics, served at /metrics."""

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response

CYPHER_STATEMENTS = Counter(
    "peergraph_cypher_statements_total", "Cypher statements sent, by statement file.", ["statement"]
)
STATEMENTS_PER_REQUEST = Histogram(
    "peergraph_cypher_statements_per_request",
    "Cypher round trips one GraphQL request made.",
    buckets=(0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 50),
)
REQUESTS = Counter(
    "peergraph_graphql_requests_total", "GraphQL operations, by operation name.", ["operation"]
)
LATENCY = Histogram(
    "peergraph_graphql_request_seconds",
    "GraphQL operation latency, by operation name.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
ERRORS = Counter("peergraph_graphql_errors_total", "GraphQL errors, by code.", ["code"])


def record_request(
    operation: str | None, seconds: float, by_name: dict[str, int], error_codes: list[str]
) -> None:
    name = operation or "anonymous"
    REQUESTS.labels(name).inc()
    LATENCY.labels(name).observe(seconds)
    STATEMENTS_PER_REQUEST.observe(sum(by_name.values()))
    for statement, count in by_name.items():
        CYPHER_STATEMENTS.labels(statement).inc(count)
    for code in error_codes:
        ERRORS.labels(code).inc()


async def metrics(request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
