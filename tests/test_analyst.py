"""The analysts' side: the example queries return their documented columns on the seed and on
a generated graph, and `peergraph cypher` reads, refuses writes, limits rows and formats.

The console stays read-only: it asks Neo4j for the statement's plan first and refuses, before
anything runs, whatever is not a read of the graph (LOAD CSV, SHOW/TERMINATE TRANSACTIONS,
administration commands, procedures outside its list, writes), naming what it refused."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cypher import load
from cypher.runner import CypherRunner
from helpers import graph_counts
from ingest.generate import generate
from ingest.importer import import_paths
from server.analyst import (
    ANALYST,
    AnalystError,
    parse_params,
    refusals,
    render,
    run_read,
    statement_text,
)
from server.app import make_runner
from server.config import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "coauthor_network": (
        {"researcherId": "A-jian-jiao", "limit": 50},
        ["source", "target", "sourceName", "targetName", "sharedWorks"],
    ),
    "topic_trends_by_year": (
        {"topicIds": [], "fromYear": 1900, "toYear": 2100},
        ["topicId", "topic", "year", "works"],
    ),
    "most_cited_works_per_topic": (
        {"topicId": "T-channel-coding", "limit": 5},
        ["workId", "title", "year", "citedByCount"],
    ),
    "institutions_collaborating_most": (
        {"limit": 10},
        ["institutionA", "institutionB", "nameA", "nameB", "works"],
    ),
    "shortest_collaboration_path": ({"from": "A-aimin-li", "to": "A-wenhao-lu"}, ["hops", "path"]),
    "researchers_bridging_topics": (
        {"topicA": "T-information-retrieval", "topicB": "T-channel-coding", "limit": 5},
        ["researcherId", "name", "worksInA", "worksInB"],
    ),
    "suspected_split_identities": (
        {"limit": 5},
        ["researcherId", "name", "fields", "affiliations", "works"],
    ),
    "prolific_researchers": ({"limit": 5}, ["researcherId", "name", "works", "citations"]),
    "topic_co_occurrence": ({"limit": 5}, ["topicA", "topicB", "works"]),
    "institution_researchers_by_works": (
        {"institutionId": "I-hit-shenzhen", "limit": 5},
        ["researcherId", "name", "works", "firstYear", "lastYear"],
    ),
    "citation_hubs": ({"limit": 5}, ["workId", "title", "year", "citations"]),
    "followed_researchers": (
        {"limit": 5},
        ["researcherId", "name", "followers", "verification", "claimed"],
    ),
}


def test_every_example_is_listed_here() -> None:
    assert {p.stem for p in ANALYST.glob("*.cypher")} == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
async def test_each_example_returns_its_documented_columns(runner: CypherRunner, name: str) -> None:
    params, columns = EXAMPLES[name]
    first, *rest = statement_text(name).split("// Returns:")[1].splitlines()
    header = " ".join([first, *(line for line in rest if line.startswith("//"))])

    got, rows, _ = await run_read(
        runner.driver, runner.database, statement_text(name), params, 30, 100
    )

    assert got == columns
    assert all(c in header for c in columns), "the header does not document every column"
    if name not in ("followed_researchers", "citation_hubs"):
        assert rows, f"{name} found nothing on the seed"


async def test_the_seed_examples_say_what_the_profile_says(runner: CypherRunner) -> None:
    text = statement_text("shortest_collaboration_path")
    _, rows, _ = await run_read(
        runner.driver, runner.database, text, {"from": "A-aimin-li", "to": "A-wenhao-lu"}, 30, 10
    )
    # Aimin Li (HIT Shenzhen) reaches Wenhao Lu (TwinBERT) only through the merged Jian Jiao.
    assert rows[0][0] == 2
    assert [n["id"] for n in rows[0][1]][::2] == ["A-aimin-li", "A-jian-jiao", "A-wenhao-lu"]
    _, suspects, _ = await run_read(
        runner.driver,
        runner.database,
        statement_text("suspected_split_identities"),
        {"limit": 50},
        30,
        50,
    )
    assert "A-jian-jiao" in [row[0] for row in suspects]


@pytest.mark.slow
async def test_the_examples_run_on_a_generated_graph(runner: CypherRunner, tmp_path: Path) -> None:
    generate(2000, 3, tmp_path, lambda message: None)
    await import_paths(runner, [tmp_path])
    for name, (params, columns) in EXAMPLES.items():
        generated = {
            **params,
            "researcherId": "A1",
            "topicId": "T1",
            "institutionId": "I1",
            "from": "A1",
            "to": "A2",
            "topicA": "T1",
            "topicB": "T2",
        }
        got, _, _ = await run_read(
            runner.driver, runner.database, statement_text(name), generated, 60, 100
        )
        assert got == columns, name


def cli(*args: str, uri: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": uri}
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "cypher", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_cli_prints_json_csv_and_a_table(neo4j_uri: str, shared_runner: object) -> None:
    as_json = cli(
        "most_cited_works_per_topic",
        "--param",
        "topicId=T-channel-coding",
        "--param",
        "limit=5",
        "--format",
        "json",
        uri=neo4j_uri,
    )
    as_csv = cli(
        "MATCH (r:Researcher {id: $id}) RETURN r.name AS name",
        "--param",
        "id=A-jian-jiao",
        "--format",
        "csv",
        uri=neo4j_uri,
    )
    as_table = cli("UNWIND range(1, 5) AS n RETURN n", "--max-rows", "2", uri=neo4j_uri)

    assert {row["workId"] for row in json.loads(as_json.stdout)} == {
        "W-arxiv-2101.07953",
        "W-arxiv-2204.01257",
    }
    assert as_csv.stdout.splitlines() == ["name", "Jian Jiao"]
    assert as_table.stdout.split() == ["n", "-", "1", "2"]
    assert "the first 2 rows" in as_table.stderr


def test_the_cli_refuses_writes_and_says_so(neo4j_uri: str, shared_runner: object) -> None:
    result = cli("CREATE (:Pwned {by: 'analyst'})", uri=neo4j_uri)

    assert result.returncode == 2
    assert "only reads" in result.stderr


def test_params_parse_json_or_text() -> None:
    assert parse_params(["n=5", 'ids=["a"]', "name=Jian Jiao"]) == {
        "n": 5,
        "ids": ["a"],
        "name": "Jian Jiao",
    }


# What the console must refuse, and the words its refusal must name. The first six are the
# issue's; the rest are their cousins: nested, commented, on another database, or a write.
REFUSED = {
    "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line": "LOAD CSV",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'": "TERMINATE TRANSACTIONS",
    "SHOW USERS": "administration command",
    "SHOW TRANSACTIONS": "SHOW TRANSACTIONS",
    "CALL db.clearQueryCaches()": "CALL db.clearQueryCaches",
    "CREATE (:Pwned {by: 'analyst'})": "CREATE",
}
ALSO_REFUSED = {
    "// a header first\nLOAD CSV FROM 'file:///etc/hostname' AS line RETURN line": "LOAD CSV",
    "MATCH (r:Researcher) CALL (r) { LOAD CSV FROM 'http://127.0.0.1:9/' + r.id AS line"
    " RETURN line } RETURN line": "LOAD CSV",
    "SHOW SETTINGS": "SHOW SETTINGS",
    "CALL dbms.listConfig()": "CALL dbms.listConfig",
    "CALL db.stats.retrieve('QUERIES')": "CALL db.stats.retrieve",
    "CALL tx.setMetaData({by: 'analyst'})": "CALL tx.setMetaData",
    "CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n) AS n": "IN TRANSACTIONS",
    "USE system CALL db.labels()": "database system",
    "CREATE USER mallory SET PASSWORD 'not-a-secret-at-all'": "administration command",
    "CREATE INDEX pwned FOR (n:Pwned) ON (n.by)": "CREATE INDEX",
    "MATCH (r:Researcher {id: 'A-jian-jiao'}) SET r.name = 'pwned'": "SET",
    "MERGE (:Pwned {by: 'analyst'})": "MERGE",
    "MATCH (w:Work) DETACH DELETE w": "DETACH DELETE",
    "PROFILE MATCH (n) RETURN count(n) AS n": "PROFILE",
}


async def read(runner: CypherRunner, text: str, **params: Any) -> list[list[Any]]:
    """What the console prints for `text` (its rows), or the AnalystError it raises."""
    _, rows, _ = await run_read(runner.driver, runner.database, text, params, 30, 1000)
    return rows


async def names_and_indexes(runner: CypherRunner) -> tuple[int, int, str, list[str]]:
    """The graph's size, the seed researcher's name and the index names: what a write changes."""
    nodes, relationships = await graph_counts(runner)
    async with runner.driver.session(database=runner.database) as session:
        jian = await (
            await session.run("MATCH (r:Researcher {id: 'A-jian-jiao'}) RETURN r.name AS name")
        ).single()
        indexes = await (
            await session.run("SHOW INDEXES YIELD name RETURN collect(name) AS n")
        ).single()
    assert jian is not None and indexes is not None
    return nodes, relationships, jian["name"], sorted(indexes["n"])


@pytest.mark.parametrize("statement", [*REFUSED, *ALSO_REFUSED])
async def test_the_console_refuses_what_is_not_a_read_and_names_it(
    runner: CypherRunner, statement: str
) -> None:
    named = {**REFUSED, **ALSO_REFUSED}[statement]
    before = await names_and_indexes(runner)

    with pytest.raises(AnalystError) as refused:
        await read(runner, statement)

    assert "only reads" in str(refused.value)
    assert named in str(refused.value)
    assert await names_and_indexes(runner) == before


async def test_terminate_is_refused_before_it_runs(runner: CypherRunner) -> None:
    # A live transaction of someone else's, found by its metadata; the console must not end it.
    async with runner.driver.session(database=runner.database) as theirs:
        victim = await theirs.begin_transaction(metadata={"peergraph": "victim"})
        await (await victim.run("RETURN 1")).consume()
        async with runner.driver.session(database=runner.database) as admin:
            found = await (
                await admin.run(
                    "SHOW TRANSACTIONS YIELD transactionId, metaData"
                    " WHERE metaData.peergraph = 'victim' RETURN transactionId"
                )
            ).single()
        assert found is not None

        with pytest.raises(AnalystError, match="TERMINATE TRANSACTIONS"):
            await read(runner, "TERMINATE TRANSACTIONS $id", id=found["transactionId"])

        still = await (await victim.run("RETURN 1 AS one")).single()
        await victim.commit()
    assert still is not None and still["one"] == 1


async def test_an_administration_command_is_refused_and_not_run(runner: CypherRunner) -> None:
    with pytest.raises(AnalystError, match="administration command"):
        await read(runner, "CREATE USER mallory SET PASSWORD 'not-a-secret-at-all'")

    async with runner.driver.session(database="system") as system:
        users = await (await system.run("SHOW USERS YIELD user RETURN collect(user) AS u")).single()
    assert users is not None and "mallory" not in users["u"]


async def test_the_embedded_neo4j_has_no_plugin_functions_or_procedures(
    runner: CypherRunner,
) -> None:
    # The plan shows procedures but not the functions a statement calls: the console relies on
    # Neo4j Community shipping no function that reaches outside the graph (files, URLs).
    # A plugin (APOC's apoc.load.*, say) would need a check of its own here.
    async with runner.driver.session(database=runner.database) as session:
        functions = await (
            await session.run(
                "SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN name"
            )
        ).values()
        procedures = await (
            await session.run(
                "SHOW PROCEDURES YIELD name WHERE NOT name STARTS WITH 'db.'"
                " AND NOT name STARTS WITH 'dbms.' AND NOT name STARTS WITH 'tx.' RETURN name"
            )
        ).values()
    assert functions == []
    assert procedures == []


async def test_the_read_procedures_and_schema_commands_work(runner: CypherRunner) -> None:
    labels = await read(runner, "CALL db.labels() YIELD label RETURN label ORDER BY label")
    types = await read(runner, "CALL db.relationshipTypes()")
    keys = await read(runner, "CALL db.propertyKeys()")
    found = await read(
        runner,
        "CALL db.index.fulltext.queryNodes('researcher_name', $q) YIELD node RETURN node.id",
        q="jiao",
    )
    indexes = await read(runner, "SHOW INDEXES YIELD name RETURN name")
    constraints = await read(runner, "SHOW CONSTRAINTS YIELD name RETURN name")
    for text in (
        "CALL db.schema.visualization()",
        "CALL db.schema.nodeTypeProperties()",
        "CALL db.schema.relTypeProperties()",
        "SHOW PROCEDURES",
        "SHOW FUNCTIONS",
        # The seed has no relationship full-text index; its plan passing is what counts here.
        "EXPLAIN CALL db.index.fulltext.queryRelationships('none', 'x')",
    ):
        await read(runner, text)

    assert {"Researcher", "Work", "Topic", "Institution"} <= {row[0] for row in labels}
    assert ["AUTHORED"] in types
    assert ["id"] in keys
    assert ["A-jian-jiao"] in found
    assert ["researcher_name"] in indexes
    assert ["researcher_id"] in constraints


async def test_every_read_the_service_ships_passes_the_check(runner: CypherRunner) -> None:
    # The allowed operators cover what the service's own reads plan to, not only the examples.
    names = sorted(p.stem for p in (ROOT / "cypher").glob("*.cypher"))
    async with runner.driver.session(database=runner.database) as session:
        for name in names:
            explained = await session.run("EXPLAIN " + load(name))
            summary = await explained.consume()
            assert summary.plan is not None, name
            if summary.query_type == "r":
                assert refusals(summary.plan, runner.database) == [], name


@pytest.mark.parametrize("statement", list(REFUSED))
def test_the_cli_refuses_what_is_not_a_read(
    neo4j_uri: str, shared_runner: object, statement: str
) -> None:
    result = cli(statement, uri=neo4j_uri)

    assert result.returncode == 2
    assert "only reads" in result.stderr
    assert REFUSED[statement] in result.stderr
    assert result.stdout == ""


async def test_an_unreachable_neo4j_is_a_message_not_a_traceback(settings: Settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = settings.model_copy(
        update={"neo4j_uri": f"bolt://127.0.0.1:{port}", "neo4j_retry_seconds": 0}
    )
    runner = make_runner(down)
    try:
        with pytest.raises(AnalystError, match=r"unreachable.*NEO4J_URI"):
            await run_read(runner.driver, runner.database, "RETURN 1", {}, 5, 10)
    finally:
        await runner.driver.close()


def test_the_cli_lists_the_analyst_queries_with_their_parameters(neo4j_uri: str) -> None:
    result = cli("--list", uri=neo4j_uri)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    names = lines[::3]
    assert names == sorted(p.stem for p in ANALYST.glob("*.cypher"))
    at = names.index("coauthor_network") * 3
    assert lines[at + 2] == "    Parameters: $researcherId: string, $limit: int (pairs)"


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("prolific", "no analyst query named 'prolific' (did you mean prolific_researchers?)"),
        ("nothing_like_it", "no analyst query named 'nothing_like_it': `peergraph cypher --list`"),
        ("missing.cypher", "no file missing.cypher"),
    ],
)
def test_a_name_that_is_no_query_gets_a_suggestion_not_a_parser_error(
    source: str, said: str
) -> None:
    with pytest.raises(AnalystError) as raised:
        statement_text(source)
    assert said in str(raised.value)


async def test_a_missing_parameter_names_the_param_to_add(runner: CypherRunner) -> None:
    text = statement_text("coauthor_network")
    with pytest.raises(AnalystError) as raised:
        await run_read(runner.driver, runner.database, text, {"limit": 3}, 30, 10)
    assert "add --param researcherId=..." in str(raised.value)


def test_a_long_statement_is_cypher_and_long_cells_end_with_an_ellipsis() -> None:
    statement = "RETURN '" + "x" * 300 + "' AS long"
    assert statement_text(statement) == statement
    lines = render(["long"], [["x" * 300]], "table").splitlines()
    assert lines[2] == "x" * 59 + "…"
