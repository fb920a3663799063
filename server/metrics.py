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


def record_request(by_name: dict[str, int]) -> None:
    STATEMENTS_PER_REQUEST.observe(sum(by_name.values()))
    for name, count in by_name.items():
        CYPHER_STATEMENTS.labels(name).inc(count)


async def metrics(request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
