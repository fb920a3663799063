"""Co-author pairs kept in the graph: (a)-[:COAUTHORED {works, latestYear}]->(b), one per pair
of researchers sharing works, from the smaller id to the larger. Every statement that adds or
removes an authorship keeps them right; a store imported before them gets them on its next
import; and the co-authors list reads them, so its cost follows the co-authors, not the works."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import cloned_seed, load, merged_ids
from factories import work as work_record
from helpers import db_hits, execute
from ingest.generate import generate
from ingest.importer import PAIRS_PER_STATEMENT, import_paths, work_statements
from model.aggregates import CLOSE_MIN_SHARED, MAX_PAIR_AUTHORS
from model.users import User
from server.app import make_import_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

# From scratch, the way list_coauthors counted before the pairs were stored, over the works
# that count for pairs (at most MAX_PAIR_AUTHORS authors).
TRUTH = """
MATCH (a:Researcher)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(b:Researcher)
WHERE a.id < b.id AND w.coauthorPairs
WITH a, b, count(w) AS works, max(coalesce(w.year, 0)) AS latestYear
RETURN a.id AS a, b.id AS b, works, latestYear, a.id AS lo, b.id AS hi,
       -toFloat(works * 10000 + latestYear) AS rank
"""
STORED = """
MATCH (a)-[c:COAUTHORED]->(b)
RETURN a.id AS a, b.id AS b, c.works AS works, c.latestYear AS latestYear, c.lo AS lo,
       c.hi AS hi, c.rank AS rank, a:Researcher AND b:Researcher AS researchers
"""


# Each researcher's closeCoauthors (pairs sharing 2+ works), from scratch.
CLOSE_TRUTH = """
MATCH (r:Researcher)
RETURN r.id AS id, coalesce(r.closeCoauthors, 0) AS stored, size(COLLECT {
  MATCH (r)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher) WHERE c <> r AND w.coauthorPairs
  WITH c, count(w) AS shared WHERE shared >= 2
  RETURN c
}) AS truth
"""


# Every edge the works pages list by, with what its keys must be made of.
PAGE_EDGES = """
MATCH (w:Work)-[e:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-(o)
RETURN type(e), o.id, w.id, w.year, w.citedByCount,
       e.owner, e.workId, e.yearDesc, e.yearAsc, e.citedByDesc
"""


def page_keys(year: int | None, cited: int | None) -> tuple[float, float, float]:
    """yearDesc, yearAsc, citedByDesc: ascending, a missing value after every other."""
    return (
        1e9 if year is None else -float(year),
        1e9 if year is None else float(year),
        1.0 if cited is None else -float(cited),
    )


async def rows(runner: CypherRunner, query: Any) -> list[tuple[Any, ...]]:
    async with runner.driver.session(database=runner.database) as session:
        return [tuple(r.values()) async for r in await session.run(query)]


async def assert_pairs_exact(runner: CypherRunner) -> int:
    """Every stored pair equals the from-scratch one, and no pair is missing or doubled; so do
    the closeCoauthors counts and the works pages' keys, kept by the same statements."""
    truth = sorted(await rows(runner, TRUTH))
    stored = await rows(runner, STORED)
    assert all(r[7] for r in stored), "a COAUTHORED between nodes other than researchers"
    assert all(r[0] < r[1] for r in stored), "a COAUTHORED from the larger id to the smaller"
    # Each pair's lo, hi and rank (the co-author page's index keys) as well as its counts.
    stored_pairs = sorted(r[:7] for r in stored)
    missing = sorted(set(truth) - set(stored_pairs))[:5]
    extra = sorted(set(stored_pairs) - set(truth))[:5]
    assert stored_pairs == truth, f"missing or wrong {missing}, extra or wrong {extra}"
    wrong = [r for r in await rows(runner, CLOSE_TRUTH) if r[1] != r[2]]
    assert wrong == [], f"closeCoauthors (id, stored, truth): {wrong[:5]}"
    # The works pages' index keys on every edge they list by (set_works_page_keys).
    edges = await rows(runner, PAGE_EDGES)
    wrong = [e for e in edges if e[5:] != (e[1], e[2], *page_keys(e[3], e[4]))]
    assert wrong == [], f"works page keys (type, owner, work, year, cited, stored...): {wrong[:5]}"
    return len(truth)


def test_a_batch_of_works_is_cut_where_a_work_repeats_or_pairs_pile_up() -> None:
    def row(work_id: str, authors: int) -> dict[str, Any]:
        return {"id": work_id, "authorships": [{"authorId": f"A{a}"} for a in range(authors)]}

    rows = [row("W1", 3), row("W2", 3), row("W1", 2), row("W3", 300), row("W4", 100)]
    rows += [row("W5", 100), row("W6", 2)]

    runs = work_statements(rows)

    # W1 twice never shares a statement; a 300-author work makes no pairs (more than
    # MAX_PAIR_AUTHORS) and costs nothing; two works of 100 authors (4,950 pairs each) do not
    # fit in one statement under PAIRS_PER_STATEMENT.
    assert MAX_PAIR_AUTHORS == 100
    assert [[r["id"] for r in run] for run in runs] == [
        ["W1", "W2"],
        ["W1", "W3", "W4"],
        ["W5", "W6"],
    ]
    assert PAIRS_PER_STATEMENT == 5_000


def test_the_stored_close_count_uses_the_pages_threshold() -> None:
    # The write statements count pairs sharing 2+ works into closeCoauthors.
    assert CLOSE_MIN_SHARED == 2


@pytest.fixture
async def own_runner(own_neo4j: EmbeddedNeo4j) -> AsyncIterator[CypherRunner]:
    # The import's own timeout, as `peergraph import` runs it (not a request's 10 s).
    runner = make_import_runner(Settings(neo4j_uri=str(own_neo4j.uri)))
    yield runner
    await runner.driver.close()


def pool_works(prefix: str, shift: int) -> list[dict[str, Any]]:
    """Works over a small pool of researchers, so pairs share several works; `shift` changes
    author lists and years (some years missing) between imports."""
    records = []
    for i in range(40):
        authors = [f"A-p{(i * 7 + k * (3 + shift)) % 15}" for k in range(1 + (i + shift) % 5)]
        year = None if (i + shift) % 9 == 0 else 1995 + (i * 5 + shift * 11) % 30
        record = work_record(f"W-{prefix}{i}", list(dict.fromkeys(authors)), ["T-p"], 2000)
        record["publication_year"] = year
        records.append(record)
    return records


async def test_stored_pairs_equal_a_recompute_after_imports_merges_splits_and_claims(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    generate(300, 7, tmp_path / "graph", lambda message: None)
    await import_paths(runner, [tmp_path / "graph"])
    assert await assert_pairs_exact(runner) > 100

    # Re-imports that add and drop authors and move years up, down and to none.
    for shift in range(4):
        (tmp_path / f"pool{shift}").mkdir()
        await load(runner, tmp_path / f"pool{shift}", pool_works("pool", shift))
        await assert_pairs_exact(runner)

    # One batch holding two versions of the same work: the later one wins.
    twice = [
        work_record("W-twice", ["A-p1", "A-p2", "A-p3"], ["T-p"], 2011),
        work_record("W-twice", ["A-p2", "A-p4"], ["T-p"], 2001),
    ]
    (tmp_path / "twice").mkdir()
    await load(runner, tmp_path / "twice", twice)
    await assert_pairs_exact(runner)

    # OpenAlex merged ids: researchers into others they share works with, a chain, and
    # works into works with overlapping authors.
    merged_ids(tmp_path / "m1", "authors", [("A-p3", "A-p4"), ("A-p5", "A-p6"), ("A-p6", "A-p7")])
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
    summary = await import_paths(runner, [tmp_path / "m1" / "merged_ids"])
    assert summary.merged == 7
    await assert_pairs_exact(runner)
    merged_ids(tmp_path / "m2", "works", [("W-pool4", "W-pool5"), ("W-pool12", "W-pool11")])
    assert (await import_paths(runner, [tmp_path / "m2" / "merged_ids"])).merged == 2
    await assert_pairs_exact(runner)
    # Topics and institutions: their works' edges move to the survivor, a new node or one that
    # lists works already.
    institutions = await rows(
        runner, "MATCH (i:Institution) WHERE (i)<-[:HAS_INSTITUTION]-() RETURN i.id ORDER BY i.id"
    )
    merged_ids(tmp_path / "m3", "topics", [("T-p", "T-p-survivor")])
    merged_ids(tmp_path / "m3", "institutions", [(institutions[0][0], institutions[1][0])])
    assert (await import_paths(runner, [tmp_path / "m3" / "merged_ids"])).merged == 2
    await assert_pairs_exact(runner)

    # A copy of the seed: claimed, its works confirmed, split through the mutation, released.
    (tmp_path / "seed").mkdir()
    await load(runner, tmp_path / "seed", cloned_seed("cp"))
    await assert_pairs_exact(runner)
    me = User(id="user-cp", email="jj@microsoft.com", email_verified=True)
    target = "A-cp-jian-jiao"
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
    confirm = """mutation($id: ID!, $works: [ID!]!) {
      confirmWorks(input: {researcherId: $id, workIds: $works}) { confirmed } }"""
    result, _ = await execute(runner, confirm, {"id": target, "works": works}, me)
    assert result.errors is None
    await assert_pairs_exact(runner)
    split = """mutation($id: ID!, $works: [ID!]!) {
      splitResearcher(input: {researcherId: $id, workIds: $works}) { userErrors { code } } }"""
    result, _ = await execute(runner, split, {"id": target, "works": works[:3]}, me)
    assert result.errors is None and result.data is not None
    assert result.data["splitResearcher"]["userErrors"] == []
    await assert_pairs_exact(runner)
    # A generated researcher split by an admin: two of their works to a new record.
    generated = await rows(runner, "MATCH (r:Researcher {id: 'A-p2'})-[:AUTHORED]->(w) RETURN w.id")
    admin = User(id="user-admin", admin=True)
    ids = [r[0] for r in generated[:2]]
    result, _ = await execute(runner, split, {"id": "A-p2", "works": ids}, admin)
    assert result.errors is None and result.data is not None
    assert result.data["splitResearcher"]["userErrors"] == []
    await assert_pairs_exact(runner)
    release = """mutation($id: ID!) { releaseClaim(input: {researcherId: $id}) { userErrors { code } } }"""
    result, _ = await execute(runner, release, {"id": target}, me)
    assert result.errors is None
    await assert_pairs_exact(runner)

    # A work of more authors than MAX_PAIR_AUTHORS makes no pairs; cut to three authors it
    # does, and grown again it makes none.
    crowd = ["A-p1", *(f"A-crowd{i}" for i in range(MAX_PAIR_AUTHORS))]
    for step, authors in enumerate((crowd, ["A-p1", "A-crowd1", "A-p2"], crowd)):
        (tmp_path / f"crowd{step}").mkdir()
        await load(runner, tmp_path / f"crowd{step}", [work_record("W-crowd", authors, ["T-p"])])
        await assert_pairs_exact(runner)
        pairs = await rows(
            runner, "MATCH (:Researcher {id: 'A-crowd1'})-[c:COAUTHORED]-() RETURN c"
        )
        assert len(pairs) == (2 if step == 1 else 0)

    # A re-import of everything changes nothing.
    await import_paths(runner, [tmp_path / "graph"])
    await load(runner, tmp_path / "pool3", pool_works("pool", 3))
    await assert_pairs_exact(runner)


async def test_a_store_imported_before_the_pairs_gets_them_on_its_next_import(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    (tmp_path / "a").mkdir()
    await load(runner, tmp_path / "a", pool_works("old", 0))
    # What a store imported before this change looks like: no pairs, no marker.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH ()-[c:COAUTHORED]->() DELETE c")).consume()
        await (await session.run("MATCH (m:Meta) DELETE m")).consume()
    assert await rows(runner, STORED) == []

    (tmp_path / "b").mkdir()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-p1", "A-p2"], ["T-p"], 2024)])

    assert await assert_pairs_exact(runner) > 20
    # Once: a second import finds the marker and leaves the pairs to the statements.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH ()-[c:COAUTHORED]->() SET c.works = -1")).consume()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-p1", "A-p2"], ["T-p"], 2024)])
    assert {r[2] for r in await rows(runner, STORED)} == {-1}


def prolific(works: int) -> list[dict[str, Any]]:
    """A researcher with `works` works, all with the same three co-authors."""
    return [
        work_record(
            f"W-prolific-{i}",
            ["A-prolific", "A-pro-1", "A-pro-2", "A-pro-3"],
            ["T-pro"],
            1990 + i % 30,
        )
        for i in range(works)
    ]


async def coauthor_hits(runner: CypherRunner) -> int:
    page = {
        "index": 0,
        "ownerId": "A-prolific",
        "first": 4,
        "minShared": 2,
        "afterKey": None,
        "afterId": None,
    }
    return await db_hits(runner, "list_coauthors", {"pages": [page], "limit": 5})


async def test_the_coauthors_list_costs_the_same_however_many_works_the_pairs_share(
    runner: CypherRunner, tmp_path: Path
) -> None:
    (tmp_path / "small").mkdir()
    await load(runner, tmp_path / "small", prolific(200))
    small = await coauthor_hits(runner)
    (tmp_path / "big").mkdir()
    await load(runner, tmp_path / "big", prolific(1000))
    big = await coauthor_hits(runner)

    print(f"list_coauthors db hits: 200 works {small}, 1,000 works {big}")
    assert big <= small * 1.1, (small, big)
    query = """{ researcher(id: "A-prolific") {
      coauthors(first: 4) { totalCount edges { sharedWorks latestYear node { id } } } } }"""
    result, _ = await execute(runner, query)
    assert result.errors is None and result.data is not None
    coauthors = result.data["researcher"]["coauthors"]
    assert coauthors["totalCount"] == 3
    assert coauthors["edges"] == [
        {"sharedWorks": 1000, "latestYear": 2019, "node": {"id": f"A-pro-{k}"}} for k in (1, 2, 3)
    ]


async def test_pairs_kept_before_their_index_keys_get_them_on_the_next_import(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    (tmp_path / "a").mkdir()
    await load(runner, tmp_path / "a", pool_works("keys", 0))
    # A store of COAUTHORED_VERSION 2: pairs with works and latestYear, without lo, hi, rank.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH ()-[c:COAUTHORED]->() REMOVE c.lo, c.hi, c.rank")).consume()
        await (await session.run("MATCH (m:Meta) SET m.coauthored = 2")).consume()

    (tmp_path / "b").mkdir()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-p1", "A-p2"], ["T-p"], 2024)])

    assert await assert_pairs_exact(runner) > 20
