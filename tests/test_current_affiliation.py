"""The current affiliation kept in the graph: r.currentInstitutionId, the institution the rule
picks from the researcher's AFFILIATED_WITH edges. Every writer that
changes those edges (imports, owner edits, releases, merged ids of researchers and institutions)
keeps it right in the same transaction; a store imported before it gets it on its next import;
and the readers look up the kept id instead of sorting the affiliations each time."""

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from test_topic_shares import rows

from cypher.runner import CypherRunner
from factories import load, merged_ids
from factories import work as work_record
from helpers import execute
from ingest.generate import generate
from ingest.importer import import_paths
from model.users import User
from server.app import make_import_runner
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

# From scratch, with the subquery the readers pasted before the id was kept, plus the
# tie-break by institution id it lacked (equal edges picked whichever the store met first).
TRUTH = """
MATCH (r:Researcher)
CALL (r) {
  OPTIONAL MATCH (r)-[a:AFFILIATED_WITH]->(i:Institution)
  WHERE a.current OR a.until IS NULL
  RETURN i.id AS institution
  ORDER BY a.source = 'owner' DESC, a.since DESC, i.id
  LIMIT 1
}
WITH r, institution WHERE institution IS NOT NULL
RETURN r.id AS r, institution
"""
STORED = """
MATCH (r) WHERE r.currentInstitutionId IS NOT NULL
OPTIONAL MATCH (i:Institution {id: r.currentInstitutionId})
RETURN r.id AS r, r.currentInstitutionId AS institution, r:Researcher AND i IS NOT NULL AS kinds
"""
CLAIM = (
    """mutation($id: ID!) { claimResearcher(input: {researcherId: $id}) { claim { status } } }"""
)
EDIT = """mutation($id: ID!, $affiliation: ID) {
  updateResearcherProfile(input: {researcherId: $id, affiliationId: $affiliation}) {
    researcher { affiliation { id } } userErrors { code } } }"""
RELEASE = """mutation($id: ID!) { releaseClaim(input: {researcherId: $id}) {
  researcher { affiliation { id } } userErrors { code } } }"""


async def assert_current_exact(runner: CypherRunner) -> int:
    """Every researcher's kept id is the one the rule picks; none missing, extra or doubled."""
    truth = sorted(await rows(runner, TRUTH))
    stored = await rows(runner, STORED)
    assert all(r[2] for r in stored), "a kept id on another kind of node, or of no institution"
    kept = sorted(r[:2] for r in stored)
    missing = sorted(set(truth) - set(kept))[:5]
    extra = sorted(set(kept) - set(truth))[:5]
    assert kept == truth, f"missing or wrong {missing}, extra or wrong {extra}"
    return len(truth)


@pytest.fixture
async def own_runner(own_neo4j: EmbeddedNeo4j) -> AsyncIterator[CypherRunner]:
    # The import's own timeout, as `peergraph import` runs it (not a request's 10 s).
    runner = make_import_runner(Settings(neo4j_uri=str(own_neo4j.uri)))
    runner.check_contracts = True
    yield runner
    await runner.driver.close()


def institution(k: int) -> dict[str, Any]:
    """Pool institution k; its web domain lets a verified email there claim at once."""
    return {
        "id": f"I-c{k}",
        "display_name": f"Pool Institute {k}",
        "homepage_url": f"https://www.pool{k}.example.org/",
    }


def pool_authors(shift: int) -> list[dict[str, Any]]:
    """Authors over a small pool of institutions whose affiliations change with `shift`: none,
    one or two current ones (OpenAlex's last_known_institutions, which state no years, so two
    of them tie), past ones with years (not current) and past ones without (current by the
    rule: no end year)."""
    records = []
    for k in range(16):
        current = [institution((k + shift + j) % 6) for j in range((k + shift) % 3)]
        past = [
            {"institution": institution((k * 5 + shift + j) % 6), "years": years}
            for j, years in enumerate([[2001, 2004], [] if (k + shift) % 4 == 0 else [2010]])
        ]
        records.append(
            {
                "id": f"A-c{k}",
                "display_name": f"Pool Author {k}",
                "last_known_institutions": current,
                "affiliations": past,
            }
        )
    return records


def pool(shift: int) -> list[dict[str, Any]]:
    works = [
        work_record(f"W-c{k}", [f"A-c{k}", f"A-c{(k + 1) % 16}"], ["T-c1"], 2000 + k)
        for k in range(16)
    ]
    return [institution(k) for k in range(6)] + pool_authors(shift) + works


async def ok(runner: CypherRunner, query: str, variables: dict[str, Any], viewer: User) -> Any:
    result, _ = await execute(runner.for_request(), query, variables, viewer)
    assert result.errors is None, result.errors
    return result.data


async def affiliation_of(runner: CypherRunner, researcher: str) -> str | None:
    result, _ = await execute(
        runner.for_request(),
        "query($id: ID!) { researcher(id: $id) { affiliation { id } } }",
        {"id": researcher},
    )
    assert result.errors is None and result.data is not None
    found = result.data["researcher"]["affiliation"]
    return None if found is None else str(found["id"])


async def test_the_kept_id_equals_the_rule_after_imports_edits_releases_and_merges(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    generate(300, 11, tmp_path / "graph", lambda message: None)
    await import_paths(runner, [tmp_path / "graph"])
    assert await assert_current_exact(runner) > 50

    # Re-imports that add, drop and change affiliations.
    for shift in range(4):
        (tmp_path / f"pool{shift}").mkdir()
        await load(runner, tmp_path / f"pool{shift}", pool(shift))
        assert await assert_current_exact(runner) > 60
    # Two current affiliations with no years tie (shift 3 gives A-c8 I-c5 and I-c0 as its last
    # known institutions): the smaller institution id, every time.
    assert await affiliation_of(runner, "A-c8") == "I-c0"

    # Owner edits: an owner-set affiliation comes first, a second one replaces it, and a
    # re-import leaves them as they are. Shift 3 gives A-c1 I-c4 (last known) and I-c3 (no
    # end year) as current, so the rule picks I-c3 before the owner edits it.
    target = "A-c1"
    assert await affiliation_of(runner, target) == "I-c3"
    owner = User(id="user-c", email="me@pool4.example.org", email_verified=True)
    data = await ok(runner, CLAIM, {"id": target}, owner)
    assert data["claimResearcher"]["claim"]["status"] == "APPROVED"
    for chosen in ("I-c5", "I-c4"):
        data = await ok(runner, EDIT, {"id": target, "affiliation": chosen}, owner)
        assert data["updateResearcherProfile"] == {
            "researcher": {"affiliation": {"id": chosen}},
            "userErrors": [],
        }
        await assert_current_exact(runner)
    # Shift 2 leaves A-c1 no current imported affiliation: the owner's stays the current one.
    await load(runner, tmp_path / "pool2", pool(2))
    await assert_current_exact(runner)
    assert await affiliation_of(runner, target) == "I-c4"

    # A release takes the owner's affiliations with it, and none of the imported is current.
    data = await ok(runner, RELEASE, {"id": target}, owner)
    assert data["releaseClaim"] == {"researcher": {"affiliation": None}, "userErrors": []}
    await assert_current_exact(runner)

    # Owned again (I-c1 is a past imported affiliation under shift 2), with an owner-set
    # affiliation that neither it nor A-c8, which it is merged into below, has.
    owner2 = User(id="user-c2", email="me@pool1.example.org", email_verified=True)
    data = await ok(runner, CLAIM, {"id": target}, owner2)
    assert data["claimResearcher"]["claim"]["status"] == "APPROVED"
    await ok(runner, EDIT, {"id": target, "affiliation": "I-c3"}, owner2)
    await assert_current_exact(runner)

    # OpenAlex merged ids: researchers (a chain, and the owned one into an unowned one), then
    # institutions (one into another that researchers already have, one into a new id).
    merged_ids(
        tmp_path / "m1",
        "authors",
        [("A-c3", "A-c4"), ("A-c5", "A-c6"), ("A-c6", "A-c7"), (target, "A-c8")],
    )
    assert (await import_paths(runner, [tmp_path / "m1" / "merged_ids"])).merged == 4
    await assert_current_exact(runner)
    assert await affiliation_of(runner, "A-c8") == "I-c3"  # the owner's, moved with the claim
    merged_ids(tmp_path / "m2", "institutions", [("I-c2", "I-c0"), ("I-c3", "I-new")])
    assert (await import_paths(runner, [tmp_path / "m2" / "merged_ids"])).merged == 2
    await assert_current_exact(runner)
    assert await affiliation_of(runner, "A-c8") == "I-new"
    assert await rows(runner, "MATCH (i:Institution) WHERE i.id IN ['I-c2', 'I-c3'] RETURN i") == []

    # A re-import of everything changes nothing, and the pool moves on once more.
    before = sorted(await rows(runner, STORED))
    await import_paths(runner, [tmp_path / "graph"])
    assert sorted(await rows(runner, STORED)) == before
    (tmp_path / "again").mkdir()
    await load(runner, tmp_path / "again", pool(1))
    await assert_current_exact(runner)


async def test_a_store_imported_before_the_ids_gets_them_on_its_next_import(
    own_runner: CypherRunner, tmp_path: Path
) -> None:
    runner = own_runner
    generate(300, 5, tmp_path / "graph", lambda message: None)
    await import_paths(runner, [tmp_path / "graph"])
    (tmp_path / "pool").mkdir()
    await load(runner, tmp_path / "pool", pool(0))
    # What a store imported before this change looks like: no ids, a marker without them.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH (r:Researcher) REMOVE r.currentInstitutionId")).consume()
        await (await session.run("MATCH (m:Meta) REMOVE m.currentAffiliation")).consume()
    assert await rows(runner, STORED) == []

    (tmp_path / "b").mkdir()
    # Small batches: the build pages through the researchers several times.
    await import_paths(
        runner,
        [write_records(tmp_path / "b", [work_record("W-new", ["A-c1"], ["T-c1"])])],
        batch_size=50,
    )

    assert await assert_current_exact(runner) > 60
    # Once: a second import finds the marker and leaves the ids to the writers.
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH (r:Researcher) REMOVE r.currentInstitutionId")).consume()
    await load(runner, tmp_path / "b", [work_record("W-new", ["A-c1"], ["T-c1"])])
    assert await rows(runner, STORED) == []


def write_records(folder: Path, records: list[dict[str, Any]]) -> Path:
    path = folder / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path
