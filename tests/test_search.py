"""researchers(search:) through the full-text index, with prefixes and hostile syntax."""

import pytest

from cypher.runner import CypherRunner
from helpers import execute

SEARCH = """
query Search($q: String!, $first: Int!, $after: String) {
  researchers(search: $q, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name } }
  }
}
"""


@pytest.mark.parametrize("text", ["Jian Jiao", "jiao", "jia", "JIAN", "jian jia"])
async def test_search_finds_jian_jiao_first(runner: CypherRunner, text: str) -> None:
    result, _ = await execute(runner, SEARCH, {"q": text, "first": 5})

    assert result.errors is None
    assert result.data is not None
    assert result.data["researchers"]["edges"][0]["node"] == {
        "id": "A-jian-jiao",
        "name": "Jian Jiao",
    }


async def test_prefix_matches_every_word(runner: CypherRunner) -> None:
    result, _ = await execute(runner, SEARCH, {"q": "zhang", "first": 10})

    assert result.errors is None
    assert result.data is not None
    names = {e["node"]["name"] for e in result.data["researchers"]["edges"]}
    assert names == {"Buyun Zhang", "Ning Zhang", "Qinyu Zhang", "Ruofei Zhang"}


@pytest.mark.parametrize("text", ['"', "jiao~", "*", "(", "AND", "jiao AND", 'a:"b', "\\", "!!"])
async def test_lucene_syntax_is_never_passed_through(runner: CypherRunner, text: str) -> None:
    result, _ = await execute(runner, SEARCH, {"q": text, "first": 5})

    assert result.errors is None


async def every_page(runner: CypherRunner, text: str, first: int) -> list[str]:
    """The ids a client sees following endCursor until hasNextPage is false."""
    seen: list[str] = []
    after = None
    while True:
        result, _ = await execute(runner, SEARCH, {"q": text, "first": first, "after": after})
        assert result.errors is None and result.data is not None
        page = result.data["researchers"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        after = page["pageInfo"]["endCursor"]


async def test_search_pages_with_cursors_visit_each_match_once(runner: CypherRunner) -> None:
    seen = await every_page(runner, "zhang", 1)

    assert sorted(seen) == sorted(set(seen))
    assert len(seen) == 4


async def test_paging_ends_after_the_best_matches_the_search_ranks(
    runner: CypherRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "zhang" has four matches; a depth of three ranks only the best three of them.
    monkeypatch.setattr("resolvers.search.SEARCH_DEPTH", 3)
    seen = await every_page(runner, "zhang", 2)

    assert len(seen) == 3 and len(set(seen)) == 3
