"""Topic shares kept in the graph: (r)-[:STUDIES {works}]->(t), one per researcher and topic,
works = how many works the researcher authored that carry the topic. Every statement that adds
or removes an authorship or a work's topic keeps them right; a store imported before them gets
them on its next import; and the page's topic count and topic list read them, so their cost
follows the researcher's topics, not its works."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import cloned_seed, load, merged_ids
from factories import work as work_record
from helpers import db_hits, execute
from ingest.generate import generate
from ingest.importer import import_paths
from loaders.pages import page_param
from model.paging import PageKey
from model.users import User
from resolvers.paging import MAX_FIRST
from server.app import make_import_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

# From scratch, the way list_researcher_topics counted before the shares were stored.
TRUTH = """
MATCH (r:Researcher)-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic)
RETURN r.id AS r, t.id AS t, count(*) AS works
"""
STORED = """
MATCH (r)-[s:STUDIES]->(t)
RETURN r.id AS r, t.id AS t, s.works AS works, r:Researcher AND t:Topic AS kinds
"""


async def rows(runner: CypherRunner, query: Any) -> list[tuple[Any, ...]]:
    async with runner.driver.session(database=runner.database) as session:
        return [tuple(r.values()) async for r in await session.run(query)]


async def assert_shares_exact(runner: CypherRunner) -> int:
    """Every stored share equals the from-scratch one, and none is missing, extra or doubled."""
    truth = sorted(await rows(runner, TRUTH))
    stored = await rows(runner, STORED)
    assert all(r[3] for r in stored), "a STUDIES between nodes other than researcher and topic"
    shares = sorted(r[:3] for r in stored)
    missing = sorted(set(truth) - set(shares))[:5]
    extra = sorted(set(shares) - set(truth))[:5]
    assert shares == truth, f"missing or wrong {missing}, extra or wrong {extra}"
    return len(truth)


@pytest.fixture
async def own_runner(own_neo4j: EmbeddedNeo4j) -> AsyncIterator[CypherRunner]:
    # The import's own timeout, as `peergraph import` runs it (not a request's 10 s).
    runner = make_import_runner(Settings(neo4j_uri=str(own_neo4j.uri)))
    yield runner
    await runner.driver.close()


def pool_works(prefix: str, shift: int) -> list[dict[str, Any]]:
    """Works over small pools of researchers and topics, so shares count several works;
    `shift` changes author lists and topic lists (some to none) between imports."""
    records = []
    for i in range(40):
        authors = [f"A-s{(i * 7 + k * (3 + shift)) % 15}" for k in range(1 + (i + shift) % 5)]
        topics = [f"T-s{(i * 5 + k * (2 + shift)) % 9}" for k in range((i + 2 * shift) % 4)]
        records.append(
            work_record(
                f"W-{prefix}{i}",
                list(dict.fromkeys(authors)),
                list(dict.fromkeys(topics)),
                2000 + i % 20,
            )
        )
    return records


async def test_stored_shares_equal_a_recompute_after_imports_merges_and_splits(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    generate(300, 11, tmp_path / "graph", lambda message: None)
    await import_paths(runner, [tmp_path / "graph"])
    assert await assert_shares_exact(runner) > 100

    # Re-imports that add and drop authors and topics, together and apart.
    for shift in range(4):
        (tmp_path / f"pool{shift}").mkdir()
        await load(runner, tmp_path / f"pool{shift}", pool_works("pool", shift))
        await assert_shares_exact(runner)

    # One batch holding two versions of the same work: the later one wins.
    twice = [
        work_record("W-twice", ["A-s1", "A-s2", "A-s3"], ["T-s1", "T-s2"], 2011),
        work_record("W-twice", ["A-s2", "A-s4"], ["T-s2", "T-s3"], 2001),
    ]
    (tmp_path / "twice").mkdir()
    await load(runner, tmp_path / "twice", twice)
    await assert_shares_exact(runner)

    # OpenAlex merged ids: researchers into others sharing works and topics (and a chain),
    # works into works with overlapping authors and topics, topics into topics sharing works.
    merged_ids(tmp_path / "m1", "authors", [("A-s3", "A-s4"), ("A-s5", "A-s6"), ("A-s6", "A-s7")])
    merged_ids(
        tmp_path / "m1",
        "works",
        [
            ("W-pool1", "W-pool2"),
            ("W-pool3", "W-pool2"),
            ("W-pool8", "W-pool9"),
            ("W-pool9", "W-pool10"),
        ],
    )
    merged_ids(tmp_path / "m1", "topics", [("T-s1", "T-s2"), ("T-s4", "T-s5"), ("T-s5", "T-s6")])
    summary = await import_paths(runner, [tmp_path / "m1" / "merged_ids"])
    assert summary.merged == 10
    await assert_shares_exact(runner)
    merged_ids(tmp_path / "m2", "works", [("W-pool4", "W-pool5"), ("W-pool12", "W-pool11")])
    merged_ids(tmp_path / "m2", "topics", [("T-s7", "T-new")])
    assert (await import_paths(runner, [tmp_path / "m2" / "merged_ids"])).merged == 3
    await assert_shares_exact(runner)

    # A copy of the seed, claimed and split through the mutation.
    (tmp_path / "seed").mkdir()
    await load(runner, tmp_path / "seed", cloned_seed("ts"))
    await assert_shares_exact(runner)
    me = User(id="user-ts", email="jj@microsoft.com", email_verified=True)
    target = "A-ts-jian-jiao"
    claim = """mutation($id: ID!) { claimResearcher(input: {researcherId: $id}) { claim { status } } }"""
    result, _ = await execute(runner, claim, {"id": target}, me)
    assert result.errors is None and result.data is not None
    assert result.data["claimResearcher"]["claim"]["status"] == "APPROVED"
    works_query = (
        """query($id: ID!) { researcher(id: $id) { works(first: 20) { edges { node { id } } } } }"""
    )
    result, _ = await execute(runner, works_query, {"id": target})
    assert result.data is not None
    works = [e["node"]["id"] for e in result.data["researcher"]["works"]["edges"]]
    split = """mutation($id: ID!, $works: [ID!]!) {
      splitResearcher(input: {researcherId: $id, workIds: $works}) { userErrors { code } } }"""
    result, _ = await execute(runner, split, {"id": target, "works": works[:3]}, me)
    assert result.errors is None and result.data is not None
    assert result.data["splitResearcher"]["userErrors"] == []
    await assert_shares_exact(runner)
    # A pool researcher split by an admin: two of their works to a new record.
    theirs = await rows(runner, "MATCH (r:Researcher {id: 'A-s2'})-[:AUTHORED]->(w) RETURN w.id")
    admin = User(id="user-admin", admin=True)
    ids = [r[0] for r in theirs[:2]]
    result, _ = await execute(runner, split, {"id": "A-s2", "works": ids}, admin)
    assert result.errors is None and result.data is not None
    assert result.data["splitResearcher"]["userErrors"] == []
    await assert_shares_exact(runner)

    # A re-import of everything changes nothing.
    await import_paths(runner, [tmp_path / "graph"])
    await load(runner, tmp_path / "pool3", pool_works("pool", 3))
    await assert_shares_exact(runner)


async def test_a_store_imported_before_the_shares_gets_them_on_its_next_import(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    (tmp_path / "a").mkdir()
    await load(runner, tmp_path / "a", pool_works("old", 0))
    # What a store imported before this change looks like: no shares, a marker without them.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH ()-[s:STUDIES]->() DELETE s")).consume()
        await (await session.run("MATCH (m:Meta) REMOVE m.studies")).consume()
    assert await rows(runner, STORED) == []

    (tmp_path / "b").mkdir()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-s1", "A-s2"], ["T-s1"], 2024)])

    assert await assert_shares_exact(runner) > 20
    # Once: a second import finds the marker and leaves the shares to the statements.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH ()-[s:STUDIES]->() SET s.works = -1")).consume()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-s1", "A-s2"], ["T-s1"], 2024)])
    assert {r[2] for r in await rows(runner, STORED)} == {-1}


def studious(works: int) -> list[dict[str, Any]]:
    """A researcher with `works` works, all on the same three topics."""
    return [
        work_record(
            f"W-studious-{i}",
            ["A-studious", f"A-stu-{i % 7}"],
            ["T-stu-1", "T-stu-2", "T-stu-3"] if i % 2 else ["T-stu-1", "T-stu-2"],
            1990 + i % 30,
        )
        for i in range(works)
    ]


async def topic_hits(runner: CypherRunner) -> int:
    counts = await db_hits(runner, "count_researcher_stats", {"ids": ["A-studious"]})
    page = page_param(0, PageKey("A-studious", MAX_FIRST, None, None))
    topics = await db_hits(
        runner, "list_researcher_topics", {"pages": [page], "limit": MAX_FIRST + 1}
    )
    return counts + topics


async def test_the_topic_count_and_list_cost_the_same_however_many_works_they_count(
    runner: CypherRunner, tmp_path: Path
) -> None:
    (tmp_path / "small").mkdir()
    await load(runner, tmp_path / "small", studious(200))
    small = await topic_hits(runner)
    (tmp_path / "big").mkdir()
    await load(runner, tmp_path / "big", studious(1000))
    big = await topic_hits(runner)

    print(f"counts + topics db hits: 200 works {small}, 1,000 works {big}")
    assert big <= small * 1.1, (small, big)
    query = """{ researcher(id: "A-studious") {
      counts { works topics } topics(first: 5) { totalCount edges { works node { id } } } } }"""
    result, _ = await execute(runner, query)
    assert result.errors is None and result.data is not None
    researcher = result.data["researcher"]
    assert researcher["counts"] == {"works": 1000, "topics": 3}
    assert researcher["topics"] == {
        "totalCount": 3,
        "edges": [
            {"works": 1000, "node": {"id": "T-stu-1"}},
            {"works": 1000, "node": {"id": "T-stu-2"}},
            {"works": 500, "node": {"id": "T-stu-3"}},
        ],
    }
