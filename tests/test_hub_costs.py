"""Issue 13: the page's researcher statements cost the same on a hub as on an ordinary node.

Each test loads one hub shape through the importer, measures the statement's database hits with
Neo4j's own PROFILE, grows the hub, and measures again: the hits must not grow with it (within
10%, as the explorer's hub test). Counts, never times."""

from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import load, work
from helpers import db_hits, execute
from loaders.nodes import TOPIC_RESEARCHER_SCAN
from loaders.pages import page_param
from loaders.rows import PageKey
from loaders.works import RELATED_SCAN
from resolvers.search import SEARCH_DEPTH, lucene_query

pytestmark = pytest.mark.slow


async def data_of(runner: CypherRunner, query: str) -> Any:
    result, _ = await execute(runner, query)
    assert result.errors is None, result.errors
    return result.data


# A researcher on many works, each with 50 other authors (from a pool, so the import stays
# small), followed by many users.
COAUTHORS = 50


def authored(start: int, count: int) -> list[dict[str, Any]]:
    pool = [f"A-ghc-co-{k}" for k in range(COAUTHORS + 10)]
    return [
        work(
            f"W-ghc-{i}", ["A-ghc-hub"] + [pool[(i + k) % len(pool)] for k in range(COAUTHORS)], []
        )
        for i in range(start, start + count)
    ]


async def follow(runner: CypherRunner, start: int, count: int) -> None:
    async with runner.driver.session(database=runner.database) as session:
        await (
            await session.run(
                "MATCH (r:Researcher {id: 'A-ghc-hub'}) UNWIND range($start, $end - 1) AS k "
                "MERGE (u:User {id: 'ghc-user-' + k}) MERGE (u)-[:FOLLOWS]->(r)",
                start=start,
                end=start + count,
            )
        ).consume()


async def test_a_researchers_counts_cost_the_same_however_many_works_and_followers(
    runner: CypherRunner, tmp_path: Path
) -> None:
    params = {"ids": ["A-ghc-hub"]}
    await load(runner, tmp_path, authored(0, 200))
    await follow(runner, 0, 200)
    small = await db_hits(runner, "count_researcher_stats", params)
    await load(runner, tmp_path, authored(200, 800))
    await follow(runner, 200, 800)
    big = await db_hits(runner, "count_researcher_stats", params)

    data = await data_of(runner, '{ researcher(id: "A-ghc-hub") { counts { works followers } } }')
    assert data["researcher"]["counts"] == {"works": 1000, "followers": 1000}
    # Five times the works and followers, and the statement reads no more than it did.
    assert big <= small * 1.1, (small, big)


# An institution with many researchers, every other one a current member.
def members(start: int, count: int) -> list[dict[str, Any]]:
    hub = {"id": "I-ghi-hub", "display_name": "Hub University"}
    return [
        {
            "id": f"A-ghi-{i:05d}",
            "display_name": f"Member {i}",
            "last_known_institutions": [hub] if i % 2 == 0 else [],
            "affiliations": [] if i % 2 == 0 else [{"institution": hub, "years": [2010, 2012]}],
        }
        for i in range(start, start + count)
    ]


async def test_an_institutions_researchers_cost_the_same_however_many_it_has(
    runner: CypherRunner, tmp_path: Path
) -> None:
    params = {
        "pages": [page_param(0, PageKey("I-ghi-hub", 20, None, None))],
        "scan": TOPIC_RESEARCHER_SCAN,
    }
    await load(runner, tmp_path, members(0, 2 * TOPIC_RESEARCHER_SCAN))
    small = await db_hits(runner, "list_researchers_page", params)
    await load(runner, tmp_path, members(2 * TOPIC_RESEARCHER_SCAN, 3 * TOPIC_RESEARCHER_SCAN))
    big = await db_hits(runner, "list_researchers_page", params)

    data = await data_of(
        runner,
        """{ institution(id: "I-ghi-hub") { researchers(first: 5) {
             pageInfo { hasNextPage } edges { node { id } } } } }""",
    )
    page = data["institution"]["researchers"]
    ids = [e["node"]["id"] for e in page["edges"]]
    assert len(ids) == 5 and page["pageInfo"]["hasNextPage"]
    # Current members first (even numbers), by id.
    assert ids == sorted(ids) and all(int(i.rsplit("-", 1)[1]) % 2 == 0 for i in ids)
    # Two and a half times the researchers, and the statement reads no more than it did.
    assert big <= small * 1.1, (small, big)


# A work whose author has many works, all on one topic.
def prolific(start: int, count: int) -> list[dict[str, Any]]:
    return [
        work(f"W-ghw-{i}", ["A-ghw-hub", f"A-ghw-co-{i}"], ["T-ghw-hub"], cited=i % 97)
        for i in range(start, start + count)
    ]


async def test_a_works_related_works_cost_the_same_however_prolific_its_author(
    runner: CypherRunner, tmp_path: Path
) -> None:
    params = {"ids": ["W-ghw-0"], "scan": RELATED_SCAN}
    await load(runner, tmp_path, prolific(0, 2 * RELATED_SCAN))
    small = await db_hits(runner, "list_related_works", params)
    await load(runner, tmp_path, prolific(2 * RELATED_SCAN, 3 * RELATED_SCAN))
    big = await db_hits(runner, "list_related_works", params)

    data = await data_of(
        runner, '{ work(id: "W-ghw-0") { relatedWorks(first: 3) { score work { id } } } }'
    )
    related = data["work"]["relatedWorks"]
    # Every other work shares the author (3) and the topic (1); the best are found through both
    # or at least through the author, whichever of them the store lends first.
    assert len(related) == 3 and all(r["score"] in (3, 4) for r in related)
    # Two and a half times the works, and the statement reads no more than it did.
    assert big <= small * 1.1, (small, big)


# Researchers who share a name: a search word that matches many (as "wang" does in OpenAlex).
def namesakes(start: int, count: int) -> list[dict[str, Any]]:
    return [
        {"id": f"A-ghs-{i:05d}", "display_name": f"Zorblat {i}"}
        for i in range(start, start + count)
    ]


async def test_a_search_costs_the_same_however_many_names_match(
    runner: CypherRunner, tmp_path: Path
) -> None:
    params = {
        "query": lucene_query("zorb"),
        "depth": SEARCH_DEPTH,
        "first": 10,
        "afterScore": None,
        "afterId": None,
    }
    await load(runner, tmp_path, namesakes(0, SEARCH_DEPTH + 200))
    small = await db_hits(runner, "search_researchers", params)
    await load(runner, tmp_path, namesakes(SEARCH_DEPTH + 200, 3 * SEARCH_DEPTH))
    big = await db_hits(runner, "search_researchers", params)

    data = await data_of(
        runner,
        '{ researchers(search: "zorb", first: 3) { pageInfo { hasNextPage } edges { node { name } } } }',
    )
    page = data["researchers"]
    assert page["pageInfo"]["hasNextPage"]
    assert [e["node"]["name"][:7] for e in page["edges"]] == ["Zorblat"] * 3
    # Four times the matches, and the statement reads no more than it did.
    assert big <= small * 1.1, (small, big)
