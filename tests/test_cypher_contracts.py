"""Every Cypher file's header states its parameters and returns, and the header tells the truth:
the parameters it names are the ones its body uses, and the ones the code passes (the shared
runner checks every statement a test runs, see tests/conftest.py)."""

import ast
import re
from pathlib import Path
from typing import Any, LiteralString

import pytest

from cypher import header_parameters, load, parameters
from cypher.runner import CypherRunner

ROOT = Path(__file__).resolve().parent.parent
CYPHER = ROOT / "cypher"
CONSTRAINTS = ROOT / "neo4j-seed" / "constraints.cypher"
FILES = sorted([*CYPHER.glob("*.cypher"), *CYPHER.glob("analyst/*.cypher"), CONSTRAINTS])
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def label(path: Path) -> str:
    return str(path.relative_to(ROOT))


def body_parameters(text: str) -> set[str]:
    """The `$names` a statement uses, read past comments (`//`, `/* */`) and string literals
    ('...', "...", with backslash escapes) and `quoted` names, where a `$` is no parameter."""
    found: set[str] = set()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c in "'\"`":
            i += 1
            while i < n and text[i] != c:
                i += 2 if text[i] == "\\" and c != "`" else 1
            i += 1
        elif c == "$":
            match = IDENTIFIER.match(text, i + 1)
            assert match, f"a $ that names no parameter at offset {i}"
            found.add(match.group())
            i = match.end()
        else:
            i += 1
    return found


def header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.strip().startswith("//"):
            break
        lines.append(line.strip().removeprefix("//").strip())
    return lines


def test_the_body_scanner_skips_comments_and_strings() -> None:
    text = '// $a\nMATCH (n {x: \'$b\', y: "it\\"s $c"}) /* $d */ RETURN $e, n.`$f` // $g\n'
    assert body_parameters(text) == {"e"}


def test_the_header_parser_reads_wrapped_parameter_lines_up_to_returns() -> None:
    text = (
        "// Uses $ignored in prose.\n// Parameters: $a: int,\n//   $b: [string] (see $c)\n"
        "// Returns: up to $first rows.\nRETURN $a, $b, $c\n"
    )
    assert header_parameters(text) == {"a", "b", "c"}
    assert header_parameters("// Parameters: none.\n// Returns: nothing.\nRETURN 1") == set()
    with pytest.raises(ValueError, match="no '// Parameters:' line"):
        header_parameters("// Returns: nothing.\nRETURN 1")


@pytest.mark.parametrize("path", FILES, ids=label)
def test_every_header_states_parameters_and_returns(path: Path) -> None:
    lines = header(path.read_text("utf-8"))
    assert any(line.startswith("Parameters:") for line in lines), label(path)
    assert any(line.startswith("Returns:") for line in lines), label(path)


@pytest.mark.parametrize("path", FILES, ids=label)
def test_every_header_names_the_parameters_its_body_uses(path: Path) -> None:
    text = path.read_text("utf-8")
    stated, used = header_parameters(text, label(path)), body_parameters(text)
    assert stated == used, (
        f"{label(path)}: header states {sorted(stated - used)} the body does not use,"
        f" body uses {sorted(used - stated)} the header does not state"
    )


def test_parameters_reads_a_files_header_by_its_name() -> None:
    assert parameters("get_works") == {"ids"}
    assert parameters("analyst/researchers_bridging_topics") == {"topicA", "topicB", "limit"}
    assert parameters("count_graph") == frozenset()


async def test_the_runner_refuses_a_call_whose_parameters_differ_from_the_header(
    runner: CypherRunner,
) -> None:
    assert runner.check_contracts  # copied from the shared runner by for_request
    with pytest.raises(AssertionError, match=r"get_works\.cypher.*missing \['ids'\], extra none"):
        await runner.read("get_works")
    with pytest.raises(AssertionError, match=r"get_works\.cypher.*missing none, extra \['first'\]"):
        await runner.read("get_works", ids=["W-1"], first=3)
    with pytest.raises(AssertionError, match=r"count_graph\.cypher.*extra \['ids'\]"):
        await runner.write("count_graph", ids=[])
    assert runner.stats.statements == 0  # refused before anything was sent
    assert await runner.read("get_works", ids=[]) == []


def maintenance_calls() -> list[tuple[str, set[str]]]:
    """The statements ingest/upgrades.py runs outside the runner, `session.run(maintenance(
    "name"), **params)`, with the keyword parameters each call passes."""
    tree = ast.parse((ROOT / "ingest" / "upgrades.py").read_text("utf-8"))
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(inner := node.args[0], ast.Call)
            and isinstance(inner.func, ast.Name)
            and inner.func.id == "maintenance"
        ):
            statement = inner.args[0]
            assert isinstance(statement, ast.Constant), ast.unparse(node)
            assert isinstance(statement.value, str), ast.unparse(node)
            assert len(node.args) == 1, f"parameters passed by position: {ast.unparse(node)}"
            assert all(k.arg for k in node.keywords), f"**parameters: {ast.unparse(node)}"
            calls.append((statement.value, {str(k.arg) for k in node.keywords}))
    return calls


def test_the_maintenance_statements_get_the_parameters_their_headers_state() -> None:
    calls = maintenance_calls()
    assert {name for name, _ in calls} >= {
        "clear_coauthored",
        "mark_pair_works",
        "clear_studies",
        "rename_authorship_confirmations",
    }
    for name, passed in calls:
        assert passed == parameters(name), f"cypher/{name}.cypher: passed {sorted(passed)}"


def operators(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Each operator of a plan with its details, the plan's root first."""
    found = [(plan["operatorType"].partition("@")[0], str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        found += operators(child)
    return found


DEGREES = (
    "getDegree((r)-[:AUTHORED]->()) AS works",
    "getDegree((r)<-[:FOLLOWS]-()) AS followers",
    "getDegree((r)-[:STUDIES]->()) AS topics",
)


@pytest.mark.parametrize("name", ["count_researcher_stats", "get_researchers"])
async def test_researcher_counts_are_degree_look_ups_as_the_headers_say(
    runner: CypherRunner, name: str
) -> None:
    """The headers promise constant-time counts: the plan reads each count as the node's
    degree (getDegree), and count_researcher_stats expands no relationship at all."""
    query: LiteralString = "EXPLAIN " + load(name)
    async with runner.driver.session(database=runner.database) as session:
        summary = await (await session.run(query, ids=["A-1"])).consume()
    assert summary.plan is not None
    plan = operators(summary.plan)
    details = " ".join(detail for _, detail in plan)
    assert all(degree in details for degree in DEGREES), plan
    if name == "count_researcher_stats":
        assert not [op for op, _ in plan if "Expand" in op], plan
