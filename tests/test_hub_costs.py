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
from loaders.works import PAGE_AUTHORS, RELATED_SCAN
from model.paging import PageKey
from resolvers.paging import encode_cursor, scope
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


# A researcher whose co-authors grow: one two-author work with each (years 2000-2004, so many
# tie), on both sides of its id (a pair is stored from the smaller id to the larger), and five
# close collaborators sharing several works, listed here in the order the page ranks them.
CLOSE = {
    "z-c5": (5, 2000),
    "z-c3": (3, 2018),
    "a-c1": (3, 2015),
    "z-c2": (3, 2015),
    "a-c4": (2, 2021),
}


def single(i: int) -> str:
    return f"A-ghk-{'az'[i % 2]}-{i:05d}"


def coauthored(start: int, count: int) -> list[dict[str, Any]]:
    records = [
        work(f"W-ghk-{i}", ["A-ghk-m", single(i)], [], year=2000 + i % 5)
        for i in range(start, start + count)
    ]
    if start == 0:
        for who, (shared, year) in CLOSE.items():
            records += [
                work(f"W-ghk-{who}-{k}", ["A-ghk-m", f"A-ghk-{who}"], [], year=year - k)
                for k in range(shared)
            ]
    return records


def coauthor_params(first: int, min_shared: int, after_key: float | None = None) -> dict[str, Any]:
    after_id = None if after_key is None else single(1)
    key = PageKey("A-ghk-m", first, after_key, after_id, min_shared=min_shared)
    return {"pages": [page_param(0, key)], "limit": first + 1}


async def coauthor_hits(runner: CypherRunner) -> list[int]:
    # The page's close collaborators, a first page of co-authors, and a page after a cursor in
    # the middle of a tie (one shared work in 2001: every fifth co-author).
    pages = [coauthor_params(4, 2), coauthor_params(20, 1), coauthor_params(20, 1, -12001.0)]
    return [await db_hits(runner, "list_coauthors", p) for p in pages]


def ranked_from_scratch(singles: int) -> list[str]:
    """Every co-author of the hub in the page's order: shared works, then the latest one's
    year, descending, then id."""
    ranked = [(-(10000 + 2000 + i % 5), single(i)) for i in range(singles)]
    ranked += [(-(shared * 10000 + year), f"A-ghk-{w}") for w, (shared, year) in CLOSE.items()]
    return [who for _, who in sorted(ranked)]


PAGE = """query($after: String) { researcher(id: "A-ghk-m") { coauthors(first: 7, after: $after) {
  totalCount pageInfo { endCursor } edges { node { id } } } } }"""


async def test_a_researchers_coauthors_cost_the_same_however_many_they_have(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, coauthored(0, 300))
    small = await coauthor_hits(runner)
    await load(runner, tmp_path, coauthored(300, 1200))
    big = await coauthor_hits(runner)
    print(f"list_coauthors db hits: 305 co-authors {small}, 1,505 co-authors {big}")

    data = await data_of(
        runner,
        """{ researcher(id: "A-ghk-m") { counts { closeCollaborators }
             closeCollaborators { sharedWorks latestYear researcher { id } } } }""",
    )
    hub = data["researcher"]
    assert hub["counts"]["closeCollaborators"] == 5
    assert hub["closeCollaborators"] == [
        {"sharedWorks": shared, "latestYear": year, "researcher": {"id": f"A-ghk-{who}"}}
        for who, (shared, year) in list(CLOSE.items())[:4]
    ]
    # Page after page (across ties of shared works and year, on both sides of the hub's id),
    # the keyset cursor walks the co-authors in the order ranked from scratch.
    seen: list[str] = []
    after = None
    for _ in range(12):
        result, _ = await execute(runner, PAGE, {"after": after})
        assert result.errors is None and result.data is not None, result.errors
        page = result.data["researcher"]["coauthors"]
        assert page["totalCount"] == 1505
        seen += [e["node"]["id"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert seen == ranked_from_scratch(1500)[:84]
    # Five times the co-authors, and no page reads more than it did.
    assert all(b <= s * 1.1 for s, b in zip(small, big, strict=True)), (small, big)


# Works on one researcher, one topic and one institution, over 30 years, with citations that
# repeat: every order has ties that grow with the hub, and a cursor stands inside one.
def listed(start: int, count: int) -> list[dict[str, Any]]:
    return [
        work(
            f"W-ghp-{i:05d}",
            ["A-ghp-hub", f"A-ghp-co-{i % 40}"],
            ["T-ghp-hub"],
            year=1990 + i % 30,
            cited=i % 50,
            institutions=["I-ghp-hub"],
        )
        for i in range(start, start + count)
    ]


OWNERS = ["A-ghp-hub", "T-ghp-hub", "I-ghp-hub"]
# A cursor inside a tie of each order: the sort key of a work of the first batch, and its id.
CURSORS = {"YEAR_DESC": -2005.0, "YEAR_ASC": 2005.0, "CITED_BY_DESC": -15.0}


def works_pages() -> list[dict[str, Any]]:
    keys = [
        PageKey(owner, 10, after, None if after is None else "W-ghp-00015", order)
        for owner in OWNERS
        for order, key in CURSORS.items()
        for after in (None, key)
    ]
    return [{"pages": [page_param(0, k)], "limit": 11, "authors": PAGE_AUTHORS} for k in keys]


def sort_key(order: str, i: int) -> float:
    year, cited = 1990 + i % 30, i % 50
    return {"YEAR_DESC": -year, "YEAR_ASC": year, "CITED_BY_DESC": -cited}[order]


def expected_ids(order: str, after: str | None, total: int) -> list[str]:
    rows = sorted((float(sort_key(order, i)), f"W-ghp-{i:05d}") for i in range(total))
    if after is not None:
        rows = [r for r in rows if r > (CURSORS[order], after)]
    return [i for _, i in rows[:10]]


async def test_a_works_page_costs_the_same_however_many_works_its_owner_has(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, listed(0, 200))
    small = [await db_hits(runner, "list_works_page", p) for p in works_pages()]
    await load(runner, tmp_path, listed(200, 1000))
    big = [await db_hits(runner, "list_works_page", p) for p in works_pages()]

    for owner, kind in zip(OWNERS, ["researcher", "topic", "institution"], strict=True):
        for order in CURSORS:
            for after in (None, "W-ghp-00015"):
                list_scope = scope(f"works:{order}", owner)
                cursor = after and encode_cursor(list_scope, CURSORS[order], after)
                query = f"""query($id: ID!, $after: String) {{ {kind}(id: $id) {{
                  works(first: 10, orderBy: {order}, after: $after) {{
                    totalCount edges {{ node {{ id }} }} }} }} }}"""
                result, _ = await execute(runner, query, {"id": owner, "after": cursor})
                assert result.errors is None, result.errors
                assert result.data is not None
                works = result.data[kind]["works"]
                assert works["totalCount"] == 1200
                shown = [e["node"]["id"] for e in works["edges"]]
                assert shown == expected_ids(order, after, 1200), (owner, order, after)
    # Six times the works, every owner, order and cursor, and no page reads more than it did.
    growth = [(b / s, p["pages"][0]) for s, b, p in zip(small, big, works_pages(), strict=True)]
    assert all(ratio <= 1.1 for ratio, _ in growth), growth


# A researcher whose works span more years than the identity sample holds; every fifth work
# has no year, and years repeat, so the sample's order (latest year first, then id, yearless
# works last) is tested at its ties.
def dated(start: int, count: int) -> list[dict[str, Any]]:
    records = []
    for i in range(start, start + count):
        record = work(f"W-gid-{i:04d}", ["A-gid-hub", f"A-gid-co-{i % 7}"], ["T-gid"])
        record["publication_year"] = None if i % 5 == 0 else 1900 + (i * 37) % 120
        # Each cites three of the hub's own works: the sample's self-citations are read too.
        record["referenced_works"] = [f"W-gid-{j:04d}" for j in range(max(0, i - 3), i)]
        records.append(record)
    return records


def latest(records: list[dict[str, Any]], count: int) -> list[str]:
    """The identity sample from scratch: the latest works, yearless ones after every year."""
    ranked = sorted(
        records,
        key=lambda r: (r["publication_year"] is None, -(r["publication_year"] or 0), r["id"]),
    )
    return [r["id"] for r in ranked[:count]]


async def test_the_identity_sample_costs_the_same_however_many_works_a_researcher_has(
    runner: CypherRunner, tmp_path: Path
) -> None:
    params = {"ids": ["A-gid-hub"], "maxWorks": 20, "maxCoauthors": 50, "maxCitations": 50}
    records = dated(0, 60)
    await load(runner, tmp_path, records)
    small = await db_hits(runner, "get_identity_inputs", params)
    records += dated(60, 240)
    await load(runner, tmp_path, records[60:])
    big = await db_hits(runner, "get_identity_inputs", params)

    [row] = await runner.read("get_identity_inputs", **params)
    assert row["totalWorks"] == 300
    assert {w["id"] for w in row["works"]} == set(latest(records, 20))
    assert all(len(w["citesOwn"]) == min(3, int(w["id"][-4:])) for w in row["works"])
    # Five times the works, and the statement reads no more than it did: it seeks the sample.
    assert big <= small * 1.1, (small, big)


# Issue 22: works with many authors (a collaboration lists thousands), led by one researcher.
# The same works are imported again with five times the authors, the first ones unchanged.
def collaborations(authors: int) -> list[dict[str, Any]]:
    pool = [f"A-gha-{k:05d}" for k in range(1, authors)]
    return [
        work(f"W-gha-{i}", ["A-gha-lead", *pool], [], year=2000 + i) for i in range(COLLABORATIONS)
    ]


COLLABORATIONS = 4


def author_params(first: int, after: float | None) -> dict[str, Any]:
    return {"pages": [page_param(0, PageKey("W-gha-0", first, after, None))], "limit": first + 1}


def collaboration_params() -> list[tuple[str, dict[str, Any]]]:
    lead = PageKey("A-gha-lead", COLLABORATIONS, None, None, "YEAR_DESC")
    return [
        ("get_work_authors", author_params(PAGE_AUTHORS, None)),
        # A full page in the middle at both sizes: authors 51 to 150 (and one more).
        ("get_work_authors", author_params(100, 50.0)),
        (
            "list_works_page",
            {"pages": [page_param(0, lead)], "limit": COLLABORATIONS + 1, "authors": PAGE_AUTHORS},
        ),
    ]


async def collaboration_hits(runner: CypherRunner) -> list[int]:
    return [await db_hits(runner, name, params) for name, params in collaboration_params()]


async def test_a_works_authors_cost_the_same_however_many_it_has(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, collaborations(200))
    small = await collaboration_hits(runner)
    await load(runner, tmp_path, collaborations(1000))
    big = await collaboration_hits(runner)
    print(f"authors db hits: 200 authors {small}, 1,000 authors {big}")

    data = await data_of(
        runner,
        """{ work(id: "W-gha-0") { authorCount
               first: authors { position }
               later: authors(first: 3, after: 150) { position researcher { id } } }
             researcher(id: "A-gha-lead") { works(first: 4) { edges { node { id authorCount
               authors { position } more: authors(first: 2, after: 25) { position } } } } } }""",
    )
    work_data = data["work"]
    assert work_data["authorCount"] == 1000
    assert [a["position"] for a in work_data["first"]] == list(range(1, PAGE_AUTHORS + 1))
    assert work_data["later"] == [
        {"position": p, "researcher": {"id": f"A-gha-{p - 1:05d}"}} for p in (151, 152, 153)
    ]
    for edge in data["researcher"]["works"]["edges"]:
        node = edge["node"]
        assert node["authorCount"] == 1000
        assert [a["position"] for a in node["authors"]] == list(range(1, PAGE_AUTHORS + 1))
        assert node["more"] == [{"position": 26}, {"position": 27}]
    # Five times the authors, and neither a work's page of authors nor a page of works reads
    # more than it did.
    assert all(b <= s * 1.1 for s, b in zip(small, big, strict=True)), (small, big)
