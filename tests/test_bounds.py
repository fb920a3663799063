"""Issue 12: what one request may cost is bounded however it is written: variable defaults,
fragments, padding, headers, JSON shapes, cursors; and with introspection off the errors do
not name what the schema holds."""

import asyncio
import base64
import json
import socket
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
import uvicorn
from graphql import parse
from graphql.language.parser import Parser
from starlette.testclient import TestClient

from cypher.runner import CypherRunner
from helpers import execute
from schema import build_schema, schema
from server.app import create_app
from server.config import Settings
from server.http import uvicorn_limits
from server.limits import limits, query_cost

ID = '"A-jian-jiao"'
# The probe from the issue: 100 co-authors, each with 100 works, each with its authors.
PROBE_BODY = """researcher(id: "A-jian-jiao") { coauthors(first: $n) { edges { node { ... on Researcher {
  works(first: $n) { edges { node { authors { position } } } } } } } } }"""
PROBE_FORMS = {
    "variables-sent": ("query Probe($n: Int!) { " + PROBE_BODY + " }", {"n": 100}),
    "variable-default": ("query Probe($n: Int! = 100) { " + PROBE_BODY + " }", None),
    "nullable-default": ("query Probe($n: Int = 100) { " + PROBE_BODY + " }", None),
    "literal": ("{ " + PROBE_BODY.replace("$n", "100") + " }", None),
    "fragment": (
        "query Probe($n: Int! = 100) { researcher(id: " + ID + ") { ...C } }"
        " fragment C on Researcher { coauthors(first: $n) { edges { node { ... on Researcher {"
        " ...W } } } } } fragment W on Researcher { works(first: $n) { edges { node {"
        " authors { position } } } } }",
        None,
    ),
    "inline-fragment-comments-aliases": (
        "query Probe($n: Int! = 100) { # a comment\n me: researcher(id: "
        + ID
        + ") { ... on Researcher { c: coauthors(first: $n) { edges { node { ... on Researcher {"
        " # another\n w: works(first: $n) { edges { node { authors { position } } } } } } } } } } }",
        None,
    ),
}


@pytest.fixture(scope="module")
def limited(settings: Settings) -> Settings:
    return settings.model_copy(update={"max_body_bytes": 1_000_000})


@pytest.fixture(scope="module")
def client(limited: Settings, shared_runner: object) -> Iterator[TestClient]:
    with TestClient(create_app(limited)) as client:
        yield client


def post(client: TestClient, body: Any, **kwargs: Any) -> Any:
    return client.post("/graphql", json=body, **kwargs)


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in payload.get("errors", [])]


# 1. Cost with variable defaults ------------------------------------------------------------


@pytest.mark.parametrize("form", PROBE_FORMS, ids=list(PROBE_FORMS))
def test_the_probe_is_too_complex_however_its_values_arrive(client: TestClient, form: str) -> None:
    query, variables = PROBE_FORMS[form]
    payload = post(client, {"query": query, "variables": variables}).json()

    assert "data" not in payload
    assert codes(payload) == ["QUERY_TOO_COMPLEX"]
    assert payload["errors"][0]["extensions"]["cost"] > 10_000
    # Refused before execution: not one Cypher statement ran.
    assert payload.get("extensions", {}).get("cypher", {}).get("statements", 0) == 0


def test_the_probe_costs_the_same_in_every_form() -> None:
    costs = {
        form: query_cost(schema._schema, parse(query), variables or {}, None)
        for form, (query, variables) in PROBE_FORMS.items()
    }

    assert len(set(costs.values())) == 1, costs


def test_a_missing_nullable_variable_costs_the_argument_default() -> None:
    explicit = '{ researcher(id: "A-jian-jiao") { works(first: 20) { edges { node { id } } } } }'
    omitted = 'query($n: Int) { researcher(id: "A-jian-jiao") { works(first: $n) { edges { node { id } } } } }'

    assert query_cost(schema._schema, parse(omitted), {}, None) == query_cost(
        schema._schema, parse(explicit), {}, None
    )


def profiled_calls(document: str, settings: Settings) -> int:
    """Python function calls made while validating, costing and running one document."""
    limited = build_schema(limits(settings))
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    async def run() -> None:
        sys.setprofile(count)
        try:
            await limited.execute(document, context_value=None)
        finally:
            sys.setprofile(None)

    asyncio.run(run())
    return calls


def doubling_fragments(k: int) -> str:
    """Each fragment spreads the next twice: 2**k expansions written in a few hundred bytes."""
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(k))
    return "{ ...F0 } " + chain + f" fragment F{k} on Query {{ __typename }}"


def test_fragment_fan_out_costs_linear_work_to_check(settings: Settings) -> None:
    # Today the depth, alias and cost checks walk every expansion: 2**k. A 900-byte document
    # (k=20) held the event loop for 17 s; k=200 fits the token limit and never finishes.
    small = profiled_calls(doubling_fragments(8), settings)
    large = profiled_calls(doubling_fragments(14), settings)

    # Linear work grows by at most 14/8 here; the expansions by 2**6.
    assert large < 3 * small, (small, large)


# 2. Document size ---------------------------------------------------------------------------


def test_a_padded_document_is_refused_before_it_is_lexed(
    client: TestClient, limited: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = []
    original = Parser.parse_document

    def counting(self: Parser) -> Any:
        parsed.append(1)
        return original(self)

    monkeypatch.setattr(Parser, "parse_document", counting)
    padded = "{ __typename }\n" + "# padding to stall the lexer\n" * 32_000

    assert 900_000 < len(padded) < limited.max_body_bytes
    payload = post(client, {"query": padded}).json()

    assert "data" not in payload
    assert codes(payload) == ["GRAPHQL_VALIDATION_FAILED"]
    assert f"over the limit of {limited.max_query_chars}" in payload["errors"][0]["message"]
    assert parsed == []


def test_a_big_accepted_document_is_parsed_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_loop = []
    original = Parser.parse_document

    def recording(self: Parser) -> Any:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return original(self)

    monkeypatch.setattr(Parser, "parse_document", recording)
    # Unique, so no cache has seen it; under PEERGRAPH_MAX_QUERY_CHARS.
    document = "{ big: __typename }\n" + "# a comment line in a big document\n" * 400

    payload = post(client, {"query": document}).json()

    assert payload["data"] == {"big": "Query"}
    assert on_loop == [False]


# 3. Request headers -------------------------------------------------------------------------


def test_a_huge_authorization_header_is_refused_graphql_shaped(client: TestClient) -> None:
    response = client.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"authorization": "Bearer " + "a" * 32_000_000},
    )

    assert response.status_code == 431
    assert codes(response.json()) == ["REQUEST_HEADERS_TOO_LARGE"]


def test_headers_just_over_the_limit_are_refused_and_under_it_served(
    client: TestClient, limited: Settings
) -> None:
    over = {"x-padding": "p" * limited.max_header_bytes}
    under = {"x-padding": "p" * (limited.max_header_bytes // 2)}

    assert client.get("/healthz", headers=over).status_code == 431
    assert client.get("/healthz", headers=under).status_code == 200


def test_the_server_drops_a_32_mb_header_without_reading_it(limited: Settings) -> None:
    config = uvicorn.Config(
        create_app(limited), host="127.0.0.1", port=0, log_level="error", **uvicorn_limits(limited)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            assert thread.is_alive()
            threading.Event().wait(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        answer = send_huge_header(port, 32_000_000)
    finally:
        server.should_exit = True
        thread.join(timeout=30)

    # Either the server answered 4xx before the header ended, or it hung up on us: never a 200
    # after buffering 32 MB.
    assert answer == b"" or answer.split(b" ", 2)[1] in (b"400", b"431"), answer[:200]


def send_huge_header(port: int, size: int) -> bytes:
    head = b"GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer "
    chunk = b"a" * 65_536
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(head)
            for _ in range(size // len(chunk)):
                sock.sendall(chunk)
            sock.sendall(b"\r\n\r\n")
        except OSError:
            pass  # reset or broken pipe: the server stopped reading
        try:
            return sock.recv(4096)
        except OSError:
            return b""


# 4. JSON shapes, variables' nesting, cursors ------------------------------------------------


@pytest.mark.parametrize("body", [b"null", b'"abc"', b"123", b"true", b"[]", b"1.5"])
def test_a_body_that_is_no_json_object_is_bad_request(client: TestClient, body: bytes) -> None:
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 400
    assert codes(response.json()) == ["BAD_REQUEST"]


@pytest.mark.parametrize("depth", [40, 900, 5000, 100_000])
def test_variables_nested_deeply_are_bad_request(client: TestClient, depth: int) -> None:
    text = '{"query": "{ __typename }", "variables": {"x": ' + "[" * depth + "]" * depth + "}}"
    response = client.post(
        "/graphql", content=text.encode(), headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert codes(response.json()) == ["BAD_REQUEST"]


def test_variables_nested_deeply_over_get_are_bad_request(client: TestClient) -> None:
    variables = "[" * 5000 + "]" * 5000
    response = client.get(
        "/graphql",
        params={"query": "{ __typename }", "variables": '{"x": ' + variables + "}"},
        headers={"accept": "application/json"},
    )

    assert response.status_code == 400
    assert codes(response.json()) == ["BAD_REQUEST"]


def test_variables_within_the_depth_are_served(client: TestClient, limited: Settings) -> None:
    value: Any = 1
    for _ in range(limited.max_variables_depth - 2):
        value = [value]
    payload = post(client, {"query": "{ __typename }", "variables": {"x": value}}).json()

    assert payload["data"] == {"__typename": "Query"}


def as_cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode()


@pytest.mark.parametrize(
    "raw",
    [
        "[" + "9" * 400 + ',"W1"]',
        '[NaN,"W1"]',
        '[Infinity,"W1"]',
        '[-Infinity,"W1"]',
        "[" * 5000 + "]" * 5000,
        '[1e999,"W1"]',
    ],
    ids=["400-digits", "nan", "infinity", "-infinity", "deep", "1e999"],
)
async def test_a_hostile_cursor_is_bad_user_input(runner: CypherRunner, raw: str) -> None:
    query = """query($c: String) { researcher(id: "A-jian-jiao") {
      works(first: 2, after: $c) { edges { node { id } } } } }"""
    result, _ = await execute(runner, query, {"c": as_cursor(raw)})

    assert result.errors is not None
    assert [e.extensions for e in result.errors] == [
        {"code": "BAD_USER_INPUT", "argument": "after"}
    ]


# 5. Suggestions with introspection off ------------------------------------------------------

SUGGESTING = [
    ('{ researcher(id: "A-jian-jiao") { nam } }', None, ["'name'"]),
    ('{ researcher(idd: "A-jian-jiao") { id } }', None, ["'id'"]),
    ("{ ...R } fragment R on Researchr { id }", None, ["'Researcher'"]),
    (
        'query($o: WorkOrder!) { researcher(id: "A-jian-jiao") { works(orderBy: $o) { totalCount } } }',
        {"o": "YEAR_DES"},
        ["YEAR_DESC"],
    ),
    (
        '{ researcher(id: "A-jian-jiao") { works(orderBy: YEAR_DES) { totalCount } } }',
        None,
        ["YEAR_DESC"],
    ),
]


@pytest.mark.parametrize(("query", "variables", "names"), SUGGESTING)
def test_with_introspection_off_errors_suggest_no_names(
    settings: Settings,
    shared_runner: object,
    query: str,
    variables: dict[str, str] | None,
    names: list[str],
) -> None:
    hidden = settings.model_copy(update={"introspection": False})
    with TestClient(create_app(hidden)) as production, TestClient(create_app(settings)) as local:
        quiet = post(production, {"query": query, "variables": variables}).json()
        helpful = post(local, {"query": query, "variables": variables}).json()

    assert "Did you mean" in json.dumps(helpful)
    assert quiet["errors"] and "Did you mean" not in json.dumps(quiet)
    for name in names:
        assert name not in json.dumps(quiet)


async def test_in_process_execution_keeps_its_suggestions() -> None:
    result = await schema.execute('{ researcher(id: "A-jian-jiao") { nam } }')

    assert result.errors is not None and "Did you mean 'name'" in result.errors[0].message
