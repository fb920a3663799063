"""A store written by an older peergraph is brought up to what this one reads on its next
import, once (ingest/upgrades.py)."""

from pathlib import Path

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute
from ingest.importer import prepare_store
from ingest.upgrades import outdated
from model.users import User

OWNER = User(id="up-owner", email="someone@microsoft.com", email_verified=True)
TARGET = "A-up-jian-jiao"
CONFIRMED = """
MATCH (:Researcher {id: $id})-[a:AUTHORED]->(w:Work)
RETURN w.id AS work, a.confirmed AS confirmed, a.confirmedAt IS NOT NULL AS at,
       a.verified AS verified ORDER BY work
"""
IDENTITY = """query($id: ID!) { researcher(id: $id) { identity { groups { works { workId confirmed } } } } }"""


async def stored(runner: CypherRunner) -> list[dict[str, object]]:
    async with runner.driver.session(database=runner.database) as session:
        return [r.data() async for r in await session.run(CONFIRMED, id=TARGET)]


async def shown(runner: CypherRunner) -> set[str]:
    result, _ = await execute(runner, IDENTITY, {"id": TARGET})
    assert result.errors is None and result.data is not None, result.errors
    groups = result.data["researcher"]["identity"]["groups"]
    return {w["workId"] for g in groups for w in g["works"] if w["confirmed"]}


async def test_confirmations_written_as_verified_are_read_after_the_next_import(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, cloned_seed("up"))
    claim = f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ claim {{ status }} }} }}'
    claimed = (await execute(runner, claim, viewer=OWNER))[0].data
    assert claimed == {"claimResearcher": {"claim": {"status": "APPROVED"}}}
    work = (await stored(runner))[0]["work"]
    confirm = """mutation($id: ID!, $works: [ID!]!) {
      confirmWorks(input: {researcherId: $id, workIds: $works}) { confirmed } }"""
    result, _ = await execute(runner, confirm, {"id": TARGET, "works": [work]}, OWNER)
    assert result.data == {"confirmWorks": {"confirmed": 1}}, result.errors
    assert await shown(runner) == {work}
    # What an older store holds: the confirmation under its old name, a marker without the
    # rename.
    async with runner.driver.session(database=runner.database) as session:
        old = """MATCH ()-[a:AUTHORED]->() WHERE a.confirmed IS NOT NULL
                 SET a.verified = a.confirmed, a.verifiedAt = a.confirmedAt
                 REMOVE a.confirmed, a.confirmedAt"""
        await (await session.run(old)).consume()
        await (await session.run("MATCH (m:Meta) REMOVE m.confirmations")).consume()
    assert await shown(runner) == set()

    (tmp_path / "next").mkdir()
    await load(runner, tmp_path / "next", cloned_seed("up"))

    assert await shown(runner) == {work}
    assert [r for r in await stored(runner) if r["confirmed"] or r["verified"]] == [
        {"work": work, "confirmed": True, "at": True, "verified": None}
    ]


WORKS = """query($id: ID!, $order: WorkOrder!) { researcher(id: $id) {
  works(first: 50, orderBy: $order) { totalCount edges { node { id } } } } }"""


async def works_shown(runner: CypherRunner, researcher_id: str) -> list[list[str]]:
    """The researcher's works page in each order."""
    pages = []
    for order in ["YEAR_DESC", "YEAR_ASC", "CITED_BY_DESC"]:
        result, _ = await execute(runner, WORKS, {"id": researcher_id, "order": order})
        assert result.errors is None and result.data is not None, result.errors
        works = result.data["researcher"]["works"]
        assert works["totalCount"] == 9
        pages.append([e["node"]["id"] for e in works["edges"]])
    return pages


async def test_edges_written_before_the_works_page_keys_get_them_on_the_next_import(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, cloned_seed("upk"))
    before = await works_shown(runner, "A-upk-jian-jiao")
    assert [len(page) for page in before] == [9, 9, 9]
    # What an older store holds: edges without the keys (this profile's: the shared graph is
    # larger than one transaction may touch), a marker without the step.
    async with runner.driver.session(database=runner.database) as session:
        old = """MATCH (w:Work)-[e:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-()
                 WHERE w.id STARTS WITH 'W-upk-'
                 REMOVE e.owner, e.workId, e.yearDesc, e.yearAsc, e.citedByDesc"""
        await (await session.run(old)).consume()
        await (await session.run("MATCH (m:Meta) REMOVE m.worksPageKeys")).consume()
    assert await works_shown(runner, "A-upk-jian-jiao") == [[], [], []]

    (tmp_path / "next").mkdir()
    await load(runner, tmp_path / "next", [])

    assert await works_shown(runner, "A-upk-jian-jiao") == before


async def test_a_store_without_an_index_a_statement_names_is_outdated_until_upgraded(
    runner: CypherRunner,
) -> None:
    """The explorer's and the pages' statements name their indexes in hints, and a hint on a
    missing index fails the statement: serve must not start on such a store."""
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("DROP INDEX authored_cited_by_year_desc IF EXISTS")).consume()
    try:
        assert await outdated(runner) == ["the index authored_cited_by_year_desc"]
    finally:
        await prepare_store(runner, batch_size=1000, show_progress=False)
    assert await outdated(runner) == []
