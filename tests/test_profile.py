"""The seed profile through GraphQL, checked against the verified facts it was built from."""

import json
from pathlib import Path
from typing import Any

from cypher.runner import CypherRunner
from helpers import execute

FACTS = json.loads(
    (
        Path(__file__).resolve().parent.parent / "neo4j-seed" / "sources" / "profile-works.json"
    ).read_text()
)
JIAN_JIAO = "A-jian-jiao"
DESCRIPTION = "Jian Jiao contributes to research discovery and scholarly infrastructure."

PROFILE = """
query Profile($id: ID!, $first: Int!) {
  researcher(id: $id) {
    id name description openToCollaborate verification claimed
    affiliation { id name }
    counts { works followers topics closeCollaborators }
    works(first: $first) {
      totalCount
      edges { node { id type year venue title abstract arxivId
        authors { position researcher { id name } } } }
    }
  }
}
"""


def expected_work(fact: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"W-arxiv-{fact['arxiv_id']}",
        "type": fact["type"],
        "year": fact["year_on_page"],
        "venue": fact["venue"],
        "title": fact["title"],
        "abstract": fact["abstract"],
        "arxivId": fact["arxiv_id"],
        "authors": [
            {"position": i, "researcher": {"id": researcher_id(name), "name": name}}
            for i, name in enumerate(fact["authors"], 1)
        ],
    }


def researcher_id(name: str) -> str:
    return "A-" + "-".join(name.lower().split())


async def test_profile_page_returns_the_seed_facts(runner: CypherRunner) -> None:
    result, _ = await execute(runner, PROFILE, {"id": JIAN_JIAO, "first": 20})

    assert result.errors is None
    works = sorted(FACTS, key=lambda f: (-f["year_on_page"], f"W-arxiv-{f['arxiv_id']}"))
    assert result.data == {
        "researcher": {
            "id": JIAN_JIAO,
            "name": "Jian Jiao",
            "description": DESCRIPTION,
            "openToCollaborate": True,
            "verification": "L1",
            "claimed": False,
            "affiliation": None,
            # Seven co-authors share two or more works: the four HIT Shenzhen co-authors,
            # Ruofei Zhang (3), Yeyun Gong and Simiao Zuo (2 each).
            "counts": {"works": 9, "followers": 0, "topics": 9, "closeCollaborators": 7},
            "works": {"totalCount": 9, "edges": [{"node": expected_work(f)} for f in works]},
        }
    }


async def test_unknown_researcher_is_null_not_an_error(runner: CypherRunner) -> None:
    result, _ = await execute(runner, 'query { researcher(id: "A-nobody") { id } }')

    assert result.errors is None
    assert result.data == {"researcher": None}


async def test_malformed_id_is_a_bad_input_naming_the_argument(runner: CypherRunner) -> None:
    result, _ = await execute(
        runner, "query($id: ID!) { researcher(id: $id) { id } }", {"id": "W'); DROP"}
    )

    assert result.data == {"researcher": None}
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "id"}


async def test_a_work_id_is_not_a_researcher_id(runner: CypherRunner) -> None:
    result, _ = await execute(runner, 'query { researcher(id: "W-arxiv-2002.06275") { id } }')

    assert result.errors is not None
    assert "not a Researcher id" in result.errors[0].message
