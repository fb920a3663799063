"""The ProfilePage document against the seed profile, checked against the sources the seed was
built from: the verified facts (titles, abstracts, author lists) and the seed's works file
(topics and their scores)."""

import base64
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from cypher.runner import CypherRunner
from factories import researcher_with_a_bad_count
from helpers import execute
from schema import PROFILE_PAGE

ROOT = Path(__file__).resolve().parent.parent
FACTS = json.loads((ROOT / "neo4j-seed" / "sources" / "profile-works.json").read_text())
SEED_WORKS = {
    w["id"]: w
    for w in map(
        json.loads, (ROOT / "neo4j-seed" / "profile" / "works.jsonl").read_text().splitlines()
    )
}
JIAN_JIAO = "A-jian-jiao"
DESCRIPTION = "Jian Jiao contributes to research discovery and scholarly infrastructure."


def researcher_id(name: str) -> str:
    return "A-" + "-".join(name.lower().split())


def work_id(fact: dict[str, Any]) -> str:
    return f"W-arxiv-{fact['arxiv_id']}"


def expected_topics_of(work: str) -> list[dict[str, Any]]:
    topics = sorted(SEED_WORKS[work]["topics"], key=lambda t: (-t["score"], t["id"]))
    return [{"topic": {"name": t["display_name"]}} for t in topics]


def expected_work(fact: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": work_id(fact),
        "type": fact["type"].upper().replace("-", "_"),
        "year": fact["year_on_page"],
        "venue": fact["venue"],
        "title": fact["title"],
        "abstract": fact["abstract"],
        "authors": [
            {"position": i, "researcher": {"id": researcher_id(name), "name": name}}
            for i, name in enumerate(fact["authors"], 1)
        ],
        "topics": expected_topics_of(work_id(fact)),
    }


def expected_close_collaborators(first: int) -> list[dict[str, Any]]:
    shared: Counter[str] = Counter()
    latest: dict[str, int] = {}
    for fact in FACTS:
        for name in set(fact["authors"]) - {"Jian Jiao"}:
            shared[name] += 1
            latest[name] = max(latest.get(name, 0), fact["year_on_page"])
    close = [n for n in shared if shared[n] >= 2]
    close.sort(key=lambda n: (-shared[n], -latest[n], researcher_id(n)))
    return [
        {"sharedWorks": shared[n], "researcher": {"id": researcher_id(n), "name": n}}
        for n in close[:first]
    ]


def expected_topics(first: int) -> dict[str, Any]:
    counts: Counter[tuple[str, str]] = Counter(
        (t["id"], t["display_name"]) for w in SEED_WORKS.values() for t in w["topics"]
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return {
        "edges": [{"works": n, "node": {"id": i, "name": name}} for (i, name), n in ranked[:first]]
    }


def year_desc_cursor(fact: dict[str, Any]) -> str:
    """The cursor of a work in Jian Jiao's works in YEAR_DESC order, spelled out from
    resolvers/paging.py and cypher/list_works_page.cypher: base64url of the JSON array
    [scope, sort key, id], where the scope is the list's name and order and, after a `~`, the
    first 6 bytes of the owner id's BLAKE2b digest in base64url, and the sort key of YEAR_DESC
    is minus the year, as a float."""
    digest = hashlib.blake2b(JIAN_JIAO.encode(), digest_size=6).digest()
    scope = "works:YEAR_DESC~" + base64.urlsafe_b64encode(digest).decode()
    text = f'["{scope}",-{fact["year_on_page"]}.0,"{work_id(fact)}"]'
    return base64.urlsafe_b64encode(text.encode()).decode()


async def test_profile_page_returns_the_seed_facts(runner: CypherRunner) -> None:
    result, _ = await execute(runner, PROFILE_PAGE, {"id": JIAN_JIAO})

    assert result.errors is None
    assert result.data is not None
    works = sorted(FACTS, key=lambda f: (-f["year_on_page"], work_id(f)))
    page = dict(result.data["researcher"])
    # The trust snapshot and the identity check have their own tests (test_identity_trust.py
    # works out each component). Here: L1 10 + unclaimed 0 + 9 works 9 + no citation counts 0
    # + 7 close collaborators 10 + a description 3 + two people 0 = 32, below 40: Emerging.
    trust, identity = page.pop("trust"), page.pop("identity")
    assert (trust["score"], trust["tier"]) == (32, "EMERGING")
    assert [c["points"] for c in trust["components"]] == [10, 0, 9, 0, 10, 3, 0]
    assert (identity["coherent"], identity["suspectedPeople"]) == (False, 2)
    assert page == {
        "id": JIAN_JIAO,
        "name": "Jian Jiao",
        "description": DESCRIPTION,
        "openToCollaborate": True,
        "verification": "L1",
        "claimed": False,
        "viewerFollows": False,
        # Signed out: nothing is allowed, and the page offers no follow, claim or invite.
        "viewerCanFollow": False,
        "viewerCanClaim": False,
        "viewerCanInvite": False,
        "viewerIsOwner": False,
        "viewerCanSplit": False,
        "affiliation": None,
        # Seven co-authors share two or more works: the four HIT Shenzhen co-authors,
        # Ruofei Zhang (3), Yeyun Gong and Simiao Zuo (2 each).
        "counts": {"works": 9, "followers": 0, "topics": 9, "closeCollaborators": 7},
        "closeCollaborators": expected_close_collaborators(4),
        "topics": expected_topics(9),
        "works": {
            "totalCount": 9,
            "pageInfo": {"hasNextPage": False, "endCursor": year_desc_cursor(works[-1])},
            "edges": [{"node": expected_work(f)} for f in works],
        },
    }


async def test_the_close_collaborators_are_those_of_the_page(runner: CypherRunner) -> None:
    result, _ = await execute(runner, PROFILE_PAGE, {"id": JIAN_JIAO})

    assert result.data is not None
    names = [c["researcher"]["name"] for c in result.data["researcher"]["closeCollaborators"]]
    assert names == ["Ruofei Zhang", "Simiao Zuo", "Yeyun Gong", "Aimin Li"]


async def test_unknown_researcher_is_null_not_an_error(runner: CypherRunner) -> None:
    result, _ = await execute(runner, 'query { researcher(id: "A-nobody") { id } }')

    assert result.errors is None
    assert result.data == {"researcher": None}


async def test_paging_through_works_visits_every_work_once(runner: CypherRunner) -> None:
    query = """query($id: ID!, $after: String, $order: WorkOrder!) {
      researcher(id: $id) { works(first: 2, after: $after, orderBy: $order) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id year } } } } }"""
    # Each order by hand from the facts, ties broken by id; no seed work has a citation count,
    # so CITED_BY_DESC is all ties. Following each endCursor, the next page starts with the
    # work right after the last one of the page before.
    by_id = sorted(work_id(f) for f in FACTS)
    expected = {
        "YEAR_DESC": [
            work_id(f) for f in sorted(FACTS, key=lambda f: (-f["year_on_page"], work_id(f)))
        ],
        "YEAR_ASC": [
            work_id(f) for f in sorted(FACTS, key=lambda f: (f["year_on_page"], work_id(f)))
        ],
        "CITED_BY_DESC": by_id,
    }
    for order in ("YEAR_DESC", "YEAR_ASC", "CITED_BY_DESC"):
        seen: list[str] = []
        after = None
        while True:
            variables = {"id": JIAN_JIAO, "after": after, "order": order}
            result, _ = await execute(runner, query, variables)
            assert result.errors is None and result.data is not None
            page = result.data["researcher"]["works"]
            assert page["totalCount"] == 9
            seen += [e["node"]["id"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]

        assert sorted(seen) == sorted(work_id(f) for f in FACTS), order
        assert seen == expected[order], order


async def test_a_part_that_fails_leaves_the_rest_of_the_page(
    runner: CypherRunner, tmp_path: Path
) -> None:
    await researcher_with_a_bad_count(runner, tmp_path, "A-partial")

    result, _ = await execute(runner, PROFILE_PAGE, {"id": "A-partial"})

    assert result.errors is not None
    assert sorted([str(key) for key in e.path or []] for e in result.errors) == [
        ["researcher", "counts", "closeCollaborators"],
        ["researcher", "trust"],
    ]
    assert result.data is not None
    page = result.data["researcher"]
    assert (page["counts"], page["trust"]) == (None, None)
    assert page["name"] == "Author A-partial"
    assert page["identity"]["coherent"] is True
    assert sorted(e["node"]["id"] for e in page["works"]["edges"]) == [
        "W-A-partial-0",
        "W-A-partial-1",
        "W-A-partial-2",
    ]
    assert result.data["explorer"]["center"] == {"id": "A-partial"}
