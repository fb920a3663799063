"""The answers the pages give do not change when the way they are computed does.

`tests/data/page_answers.json` holds the answers of the page queries below on the seed and a
generated graph, recorded before the cost-per-page work (issue 13). A change that makes a page
cheaper must give the same data; a change meant to alter an answer rewrites the file with
`PEERGRAPH_WRITE_ANSWERS=1 pytest tests/test_page_answers.py` and shows in review.

Rewritten once since: the stored co-author pairs (COAUTHORED) made the trust snapshot's network
reason an exact count instead of a sample's, and, by changing which researchers Neo4j stores as
dense nodes, which of equally ranked works and co-authors the explorer's bounded scans meet
first (its slice reads at most FANOUT of a hub's relationships, in storage order).
And once for the schema revision of issue 22: enum values for types, cursors that name their
list, a work's authors a page (25) at a time, the viewerCan* fields, co-author data on the
connection's edges, and explorer links that run one way with weights 0..1 within their kind.
"""

import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from helpers import execute
from ingest.generate import generate
from ingest.importer import import_paths
from schema import PROFILE_PAGE
from server.app import make_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ANSWERS = Path(__file__).parent / "data" / "page_answers.json"
SEED = Path(__file__).resolve().parent.parent / "neo4j-seed" / "profile"

# The lists a page pages through beyond its first screen, for a researcher and a topic.
LISTS = """
query Lists($id: ID!, $topic: ID!) {
  researcher(id: $id) {
    coauthors(first: 6) { totalCount edges { cursor sharedWorks latestYear node { id } } }
    byCitations: works(first: 5, orderBy: CITED_BY_DESC) { edges { cursor node { id } } }
    oldest: works(first: 5, orderBy: YEAR_ASC) { edges { cursor node { id } } }
  }
  topic(id: $topic) {
    works(first: 5) { totalCount edges { cursor node { id authors { researcher { id } } } } }
    researchers(first: 5) { totalCount edges { node { id } } }
  }
}
"""

pytestmark = pytest.mark.slow


@pytest.fixture
async def generated(own_neo4j: EmbeddedNeo4j, tmp_path: Path) -> AsyncIterator[CypherRunner]:
    """The seed and a generated graph of 1,500 works in a Neo4j of the test's own."""
    generate(1500, 11, tmp_path / "graph", lambda message: None)
    runner = make_runner(Settings(neo4j_uri=str(own_neo4j.uri)))
    await import_paths(runner, [tmp_path / "graph", SEED])
    yield runner
    await runner.driver.close()


async def sample(runner: CypherRunner) -> tuple[list[str], str]:
    """Researchers across the works-per-author distribution, and the biggest topic."""
    record = (await runner.read("bench_works_per_author"))[0]
    ids = record["ids"]
    picks = sorted({int(q * (len(ids) - 1)) for q in (0.1, 0.5, 0.9, 0.99, 1.0)})
    topic = (await runner.read("bench_hubs"))[0]["topic"]
    return ["A-jian-jiao", *(ids[i] for i in picks)], topic


async def answers(runner: CypherRunner) -> dict[str, Any]:
    researchers, topic = await sample(runner)
    out: dict[str, Any] = {}
    for researcher in researchers:
        for name, query, variables in (
            ("page", PROFILE_PAGE, {"id": researcher}),
            ("lists", LISTS, {"id": researcher, "topic": topic}),
        ):
            result, _ = await execute(runner.for_request(), query, variables)
            assert result.errors is None, result.errors
            out[f"{name} {researcher}"] = result.data
    return out


async def test_the_pages_answer_as_they_did(generated: CypherRunner, tmp_path: Path) -> None:
    measured = await answers(generated)
    if os.environ.get("PEERGRAPH_WRITE_ANSWERS") == "1":
        ANSWERS.parent.mkdir(exist_ok=True)
        ANSWERS.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n")
    recorded = json.loads(ANSWERS.read_text())
    differ = [key for key in measured if measured[key] != recorded.get(key)]
    if differ:
        # For a diff against the recorded file, side by side.
        (tmp_path / "measured.json").write_text(json.dumps(measured, indent=1, sort_keys=True))
    assert measured.keys() == recorded.keys()
    assert differ == [], f"compare {tmp_path / 'measured.json'} with {ANSWERS}"
