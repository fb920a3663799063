"""The analysts' side: the example queries return their documented columns on the seed and on
a generated graph, and `peergraph cypher` reads, refuses writes, limits rows and formats."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from ingest.generate import generate
from ingest.importer import import_paths
from server.analyst import ANALYST, parse_params, run_read, statement_text

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
    as_table = cli("UNWIND range(1, 5) AS n RETURN n", "--limit", "2", uri=neo4j_uri)

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
