"""Prometheus metrics, served at /metrics."""

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from cypher.runner import Gate

CYPHER_STATEMENTS = Counter(
    "peergraph_cypher_statements_total", "Cypher statements sent, by statement file.", ["statement"]
)
STATEMENTS_PER_REQUEST = Histogram(
    "peergraph_cypher_statements_per_request",
    "Cypher round trips one GraphQL request made.",
    buckets=(0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 50),
)
# Operation names the service knows (its pinned documents'); any other is "other".
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
STATEMENT_SECONDS = Histogram(
    "peergraph_cypher_statement_seconds",
    "Cypher statement latency in Neo4j and the driver, by statement file.",
    ["statement"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
STATEMENT_FAILURES = Counter(
    "peergraph_cypher_statement_failures_total", "Cypher statements that failed.", ["statement"]
)
# Every admitted statement holds one pooled Bolt connection while it runs.
IN_FLIGHT = Gauge(
    "peergraph_neo4j_connections_in_use", "Driver pool connections running a statement now."
)
WAITING = Gauge(
    "peergraph_neo4j_statements_waiting", "Statements queued for a slot (admission control)."
)
SLOTS = Gauge("peergraph_neo4j_statement_slots", "NEO4J_MAX_CONCURRENT_STATEMENTS.")


def observe_statement(name: str, seconds: float, failed: bool) -> None:
    STATEMENT_SECONDS.labels(name).observe(seconds)
    if failed:
        STATEMENT_FAILURES.labels(name).inc()


def watch_gate(gate: Gate, slots: int) -> None:
    IN_FLIGHT.set_function(lambda: gate.in_flight)
    WAITING.set_function(lambda: gate.waiting)
    SLOTS.set(slots)


def operation_label(operation: str | None, known: frozenset[str]) -> str:
    """A label value from a fixed set: a client chooses operation names, and every new label
    value is a new series /metrics keeps for good (2,000 names once made it 110 MB)."""
    if not operation:
        return "anonymous"
    return operation if operation in known else "other"


def record_request(
    operation: str | None,
    seconds: float,
    by_name: dict[str, int],
    error_codes: list[str],
    known: frozenset[str] = frozenset(),
) -> None:
    name = operation_label(operation, known)
    REQUESTS.labels(name).inc()
    LATENCY.labels(name).observe(seconds)
    STATEMENTS_PER_REQUEST.observe(sum(by_name.values()))
    for statement, count in by_name.items():
        CYPHER_STATEMENTS.labels(statement).inc(count)
    for code in error_codes:
        ERRORS.labels(code).inc()


async def metrics(request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
