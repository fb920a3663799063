"""Cypher round trips per request: counted by the runner, bounded whatever the page holds."""

import pytest

from cypher.runner import CypherRunner
from factories import load, work
from helpers import execute
from model.users import User
from resolvers.context import Policy
from schema import PROFILE_PAGE

# One statement per access pattern on the page, however many works, authors and topics.
PROFILE_STATEMENTS = {
    # With its counts: works, followers, topics (degree look-ups) and close collaborators (kept).
    "get_researchers": 1,
    "list_coauthors": 1,
    "list_researcher_topics": 1,
    # The works page brings each work's authors and topics along.
    "list_works_page": 1,
    "explore_neighbourhood": 1,
    # The trust snapshot and the identity check read the same inputs.
    "get_identity_inputs": 1,
}


@pytest.fixture(scope="module")
async def prolific(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A researcher with 50 works of 20 authors each, and one with a single work."""
    records = [
        work(
            f"W-batch-{w}",
            ["A-batch-prolific"] + [f"A-batch-{w}-{a}" for a in range(19)],
            [f"T-batch-{(w + k) % 12}" for k in range(3)],
            year=1990 + w % 30,
            institutions=[f"I-batch-{w % 5}"],
        )
        for w in range(50)
    ]
    records.append(work("W-batch-single", ["A-batch-single"], ["T-batch-0"]))
    await load(shared_runner, tmp_path_factory.mktemp("batch"), records)
    return "A-batch-prolific"


@pytest.mark.parametrize("researcher", ["A-batch-single", "A-batch-prolific", "A-jian-jiao"])
async def test_profile_page_statements_do_not_grow_with_the_page(
    runner: CypherRunner, prolific: str, researcher: str
) -> None:
    result, context = await execute(runner, PROFILE_PAGE, {"id": researcher})

    assert result.errors is None
    assert result.data is not None and result.data["researcher"]["id"] == researcher
    assert context.runner.stats.by_name == PROFILE_STATEMENTS
    assert context.runner.stats.statements == 6


async def test_a_signed_in_page_adds_only_what_the_viewer_follows_and_may_do(
    runner: CypherRunner, prolific: str
) -> None:
    viewer = User(id="U-batch-viewer", email=None, admin=False)
    result, context = await execute(runner, PROFILE_PAGE, {"id": prolific}, viewer=viewer)

    assert result.errors is None
    assert result.data is not None and result.data["researcher"]["viewerFollows"] is False
    # One statement for whom the viewer follows, one for what the viewer may do (viewerCan*):
    # each for every researcher of the page at once.
    assert context.runner.stats.by_name == {
        **PROFILE_STATEMENTS,
        "list_viewer_follows": 1,
        "get_viewer_standing": 1,
    }


async def test_the_prolific_page_holds_all_its_authors(runner: CypherRunner, prolific: str) -> None:
    result, _ = await execute(runner, PROFILE_PAGE, {"id": prolific})

    assert result.data is not None
    works = result.data["researcher"]["works"]
    assert works["totalCount"] == 50
    assert len(works["edges"]) == 20
    assert {len(e["node"]["authors"]) for e in works["edges"]} == {20}


async def test_the_institutions_of_a_pages_authorships_load_in_one_statement(
    runner: CypherRunner, prolific: str
) -> None:
    query = """query($id: ID!) { researcher(id: $id) { works(first: 20) { edges { node {
                 authors(first: 20) { institutions { id } } } } } } }"""
    result, context = await execute(runner, query, {"id": prolific})

    assert result.errors is None and result.data is not None
    works = [e["node"] for e in result.data["researcher"]["works"]["edges"]]
    stated = {i["id"] for w in works for a in w["authors"] for i in a["institutions"]}
    assert len(works) == 20 and stated == {f"I-batch-{i}" for i in range(5)}
    # 400 authorships, five institutions: one statement reads them all.
    assert context.runner.stats.by_name["get_institutions"] == 1


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
    # The counts come with the researchers loaded by id.
    assert context.runner.stats.by_name == {"get_researchers": 1}


async def test_counts_of_researchers_reached_through_a_list_load_in_one_statement(
    runner: CypherRunner,
) -> None:
    query = """{ researcher(id: "A-jian-jiao") {
                   counts { closeCollaborators }
                   coauthors(first: 3) { edges { node {
                     id counts { works topics } } } } } }"""
    result, context = await execute(runner, query)

    assert result.errors is None and result.data is not None
    coauthors = [e["node"] for e in result.data["researcher"]["coauthors"]["edges"]]
    assert len(coauthors) == 3
    assert all(c["counts"]["works"] >= 1 and c["counts"]["topics"] >= 1 for c in coauthors)
    assert context.runner.stats.by_name == {
        "get_researchers": 1,
        "list_coauthors": 1,
        "count_researcher_stats": 1,
    }


async def test_nodes_of_every_kind_load_in_one_statement_per_kind(runner: CypherRunner) -> None:
    ids = [
        "A-jian-jiao",
        "W-arxiv-2002.06275",
        "T-channel-coding",
        "I-microsoft",
        "A-nobody",
        "A-aimin-li",
    ]
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }"
    result, context = await execute(runner, query, {"ids": ids})

    assert result.errors is None
    assert result.data == {
        "nodes": [
            {"id": "A-jian-jiao", "__typename": "Researcher"},
            {"id": "W-arxiv-2002.06275", "__typename": "Work"},
            {"id": "T-channel-coding", "__typename": "Topic"},
            {"id": "I-microsoft", "__typename": "Institution"},
            None,
            {"id": "A-aimin-li", "__typename": "Researcher"},
        ]
    }
    # A-nobody is not found: whether OpenAlex merged it away is one more statement, for
    # every id not found at once.
    assert context.runner.stats.by_name == {
        "get_researchers": 1,
        "get_merged_into": 1,
        "get_works": 1,
        "get_topics": 1,
        "get_institutions": 1,
    }


async def test_without_batching_every_field_queries_on_its_own(
    runner: CypherRunner, prolific: str
) -> None:
    """The benchmarks' naive baseline: the same page costs a statement per work and field."""
    result, context = await execute(
        runner, PROFILE_PAGE, {"id": prolific}, policy=Policy(loader_batching=False)
    )

    assert result.errors is None
    assert context.runner.stats.by_name["get_work_authors"] == 20
    assert context.runner.stats.by_name["get_work_topics"] == 20
    # Without its cache, the trust and identity inputs are read twice, and so is the researcher
    # (for the page and for the explorer's centre); the counts come with the researcher, and
    # each list is asked once.
    assert context.runner.stats.statements == 8 + 2 * 20
