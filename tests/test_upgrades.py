"""A store written by an older peergraph is brought up to what this one reads on its next
import, once (ingest/upgrades.py)."""

from pathlib import Path

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from helpers import execute
from model.users import User

OWNER = User(id="up-owner", email="someone@microsoft.com", email_verified=True)
TARGET = "A-up-jian-jiao"
CONFIRMED = """
MATCH (:Researcher {id: $id})-[a:AUTHORED]->(w:Work)
RETURN w.id AS work, a.confirmed AS confirmed, a.confirmedAt IS NOT NULL AS at,
       a.verified AS verified ORDER BY work
"""
IDENTITY = (
    """query($id: ID!) { researcher(id: $id) { identity { groups { works { id confirmed } } } } }"""
)


async def stored(runner: CypherRunner) -> list[dict[str, object]]:
    async with runner.driver.session(database=runner.database) as session:
        return [r.data() async for r in await session.run(CONFIRMED, id=TARGET)]


async def shown(runner: CypherRunner) -> set[str]:
    result, _ = await execute(runner, IDENTITY, {"id": TARGET})
    assert result.errors is None and result.data is not None, result.errors
    groups = result.data["researcher"]["identity"]["groups"]
    return {w["id"] for g in groups for w in g["works"] if w["confirmed"]}


async def test_confirmations_written_as_verified_are_read_after_the_next_import(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await load(runner, tmp_path, cloned_seed("up"))
    claim = f'mutation {{ claimResearcher(input: {{researcherId: "{TARGET}"}}) {{ status }} }}'
    assert (await execute(runner, claim, viewer=OWNER))[0].data is not None
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
