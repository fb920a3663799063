"""researchers(search:) through the full-text index, with prefixes and hostile syntax."""

import json
from pathlib import Path

import pytest

from cypher.runner import CypherRunner
from helpers import execute

SEED = Path(__file__).resolve().parent.parent / "neo4j-seed" / "profile"

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


SEED_NAMES = {
    record["id"]: record["display_name"]
    for record in map(json.loads, (SEED / "authors.jsonl").read_text().splitlines())
}


# What each text finds among the seed's 64 researchers, worked out by hand from the rule in
# resolvers/search.py (`lucene_query`): the words of the text (runs of letters and digits,
# lower-cased) must each match a word of the name, as itself or as a prefix; punctuation and
# Lucene's operators are not words, and AND, OR and NOT are words like any other.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('"', set()),  # no word: nothing is searched
        ("jiao~", {"Jian Jiao"}),  # "jiao"; as fuzzy Lucene it would find Jiecao Yu too
        ("*", set()),  # no word; as Lucene, every name
        ("(", set()),  # no word
        ("AND", set()),  # "and": no seed name has a word starting with "and"
        ("jiao AND", set()),  # "jiao" and "and" both: no name has both
        ('a:"b', set()),  # "a" and "b": no seed name has a word on a and one on b
        ("\\", set()),  # no word
        ("!!", set()),  # no word
        ("jiao OR zhang", set()),  # three words, "or" among them: as Lucene, five names
        ("qinyu:zhang", {"Qinyu Zhang"}),  # as Lucene, a search of a field "qinyu"
        ("+ruofei -zhang", {"Ruofei Zhang"}),  # as Lucene, Ruofei without Zhang: nobody
        ("zhang*^", {"Buyun Zhang", "Ning Zhang", "Qinyu Zhang", "Ruofei Zhang"}),
    ],
)
async def test_lucene_syntax_is_never_passed_through(
    runner: CypherRunner, text: str, names: set[str]
) -> None:
    result, _ = await execute(runner, SEARCH, {"q": text, "first": 100})

    assert result.errors is None
    assert result.data is not None
    edges = result.data["researchers"]["edges"]
    # Other tests add researchers of their own to the same database ("Author A-hh-b" has an
    # "a" word and a "b" word): only the seed's are worked out here, and a text without a
    # word finds nobody at all.
    found = {e["node"]["name"] for e in edges if e["node"]["id"] in SEED_NAMES}
    assert found == names
    if not any(c.isalnum() for c in text):
        assert edges == []


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
