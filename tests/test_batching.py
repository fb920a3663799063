"""Cypher round trips per request: counted by the runner, bounded whatever the page holds."""

from cypher.runner import CypherRunner
from helpers import execute

PROFILE = """
query ProfilePage($id: ID!) {
  researcher(id: $id) {
    id name description openToCollaborate verification claimed
    affiliation { id name }
    counts { works followers topics closeCollaborators }
    works(first: 20) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id type year venue title abstract
        authors { position researcher { id name affiliation { name } } }
        topics { topic { name } } } }
    }
  }
}
"""


async def test_profile_page_uses_one_statement_per_access_pattern(runner: CypherRunner) -> None:
    result, context = await execute(runner, PROFILE, {"id": "A-jian-jiao"})

    assert result.errors is None
    assert context.runner.stats.by_name == {
        "get_researchers": 1,
        "count_researcher_stats": 1,
        "list_researcher_works": 1,
        "get_work_authors": 1,
        "get_work_topics": 1,
    }


async def test_aliases_of_the_same_researcher_share_one_load(runner: CypherRunner) -> None:
    query = """{ a: researcher(id: "A-jian-jiao") { name }
                 b: researcher(id: "A-jian-jiao") { name }
                 c: researcher(id: "A-ruofei-zhang") { name counts { works } }
                 d: researcher(id: "A-simiao-zuo") { counts { works } } }"""
    result, context = await execute(runner, query)

    assert result.errors is None
    assert result.data == {
        "a": {"name": "Jian Jiao"},
        "b": {"name": "Jian Jiao"},
        "c": {"name": "Ruofei Zhang", "counts": {"works": 3}},
        "d": {"counts": {"works": 2}},
    }
    assert context.runner.stats.by_name == {"get_researchers": 1, "count_researcher_stats": 1}
