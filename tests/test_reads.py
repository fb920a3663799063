"""Topics, institutions, works and their connections; bad arguments get named errors."""

from typing import Any

import pytest

from cypher.runner import CypherRunner
from helpers import execute


async def data_of(runner: CypherRunner, query: str, variables: dict[str, Any] | None = None) -> Any:
    result, _ = await execute(runner, query, variables)
    assert result.errors is None
    return result.data


async def test_a_topic_lists_its_works_and_researchers(runner: CypherRunner) -> None:
    data = await data_of(
        runner,
        """{ topic(id: "T-channel-coding") { name field counts { works }
             works(first: 5) { totalCount edges { node { id } } }
             researchers(first: 10) { edges { node { name } } } } }""",
    )

    assert data == {
        "topic": {
            "name": "Channel Coding",
            "field": "Engineering",
            "counts": {"works": 2},
            "works": {
                "totalCount": 2,
                # Both from 2022: the id breaks the tie.
                "edges": [
                    {"node": {"id": "W-arxiv-2101.07953"}},
                    {"node": {"id": "W-arxiv-2204.01257"}},
                ],
            },
            # Both works have the same five authors, so each wrote two: ranked by id.
            "researchers": {
                "edges": [
                    {"node": {"name": n}}
                    for n in ["Aimin Li", "Jian Jiao", "Ning Zhang", "Qinyu Zhang", "Shaohua Wu"]
                ]
            },
        }
    }


async def test_an_institution_lists_its_researchers_and_works(runner: CypherRunner) -> None:
    data = await data_of(
        runner,
        """{ institution(id: "I-university-of-windsor") { name country counts { works researchers }
             researchers(first: 5) { edges { node {
               id pastAffiliations { institution { id } since until } } } }
             works(first: 5, orderBy: YEAR_ASC) { edges { node { year title } } } } }""",
    )

    assert data == {
        "institution": {
            "name": "University of Windsor",
            "country": "CA",
            "counts": {"works": 2, "researchers": 1},
            "researchers": {
                "edges": [
                    {
                        "node": {
                            "id": "A-ning-zhang",
                            "pastAffiliations": [
                                {
                                    "institution": {"id": "I-university-of-windsor"},
                                    "since": 2022,
                                    "until": 2022,
                                }
                            ],
                        }
                    }
                ]
            },
            "works": {
                "edges": [
                    {"node": {"year": 2022, "title": t}}
                    for t in [
                        "New Upper Bounds on the Error Probability under ML Decoding for Spinal "
                        "Codes and the Joint Transmission-Decoding System Design",
                        "Age of Information with Hybrid-ARQ: A Unified Explicit Result",
                    ]
                ]
            },
        }
    }


async def test_a_work_has_ordered_authors_topics_and_related_works(runner: CypherRunner) -> None:
    data = await data_of(
        runner,
        """{ work(id: "W-arxiv-2204.01257") { arxivId doi referenceCount citationCount
             authors { position authorPosition corresponding institutionIds researcher { name } }
             topics { score topic { id } }
             relatedWorks(first: 2) { score work { id } } } }""",
    )

    work = data["work"]
    assert work["arxivId"] == "2204.01257"
    assert work["doi"] == "https://doi.org/10.48550/arXiv.2204.01257"
    assert (work["referenceCount"], work["citationCount"]) == (0, 0)
    assert work["authors"][0] == {
        "position": 1,
        "authorPosition": "first",
        "corresponding": False,
        "institutionIds": ["I-hit-shenzhen"],
        "researcher": {"name": "Aimin Li"},
    }
    assert work["authors"][1]["corresponding"] is True
    assert [a["researcher"]["name"] for a in work["authors"]] == [
        "Aimin Li",
        "Shaohua Wu",
        "Jian Jiao",
        "Ning Zhang",
        "Qinyu Zhang",
    ]
    assert work["topics"] == [
        {"score": 0.97, "topic": {"id": "T-age-of-information"}},
        {"score": 0.85, "topic": {"id": "T-channel-coding"}},
    ]
    # The spinal-codes paper shares all five authors and a topic: 5 * 3 + 1.
    assert work["relatedWorks"][0] == {"score": 16, "work": {"id": "W-arxiv-2101.07953"}}


async def test_coauthors_page_through_every_coauthor_once(runner: CypherRunner) -> None:
    query = """query($after: String) { researcher(id: "A-jian-jiao") {
      coauthors(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { sharedWorks researcher { id } } } } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = (await data_of(runner, query, {"after": after}))["researcher"]["coauthors"]
        seen += [e["node"]["researcher"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert page["totalCount"] == 63
    assert len(seen) == len(set(seen)) == 63
    assert seen[0] == "A-ruofei-zhang"


@pytest.mark.parametrize(
    ("text", "first_id"), [("twinbert", "W-arxiv-2002.06275"), ("spinal co", "W-arxiv-2101.07953")]
)
async def test_works_search_with_prefixes(runner: CypherRunner, text: str, first_id: str) -> None:
    data = await data_of(
        runner,
        "query($q: String!) { works(search: $q, first: 3) { edges { node { id } } } }",
        {"q": text},
    )

    assert data["works"]["edges"][0]["node"]["id"] == first_id


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        ('{ researcher(id: "A-jian-jiao") { works(first: 101) { totalCount } } }', "first"),
        ('{ researcher(id: "A-jian-jiao") { works(first: -1) { totalCount } } }', "first"),
        (
            '{ researcher(id: "A-jian-jiao") { works(after: "bm90IGEgY3Vyc29y") { totalCount } } }',
            "after",
        ),
        ('{ researcher(id: "A-jian-jiao") { works(after: "%%%") { totalCount } } }', "after"),
        ('{ researcher(id: "A-jian-jiao") { coauthors(first: 500) { totalCount } } }', "first"),
        ('{ node(id: "X123") { id } }', "id"),
        ('{ nodes(ids: ["A-jian-jiao", "bad id"]) { id } }', "ids[1]"),
        ('{ work(id: "A-jian-jiao") { id } }', "id"),
        ('{ researchers(search: "' + "x" * 201 + '") { totalCount } }', "search"),
    ],
)
async def test_bad_arguments_get_a_named_error(
    runner: CypherRunner, query: str, argument: str
) -> None:
    result, _ = await execute(runner, query)

    assert result.errors is not None and len(result.errors) == 1
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": argument}
    assert result.errors[0].message.startswith(f"{argument}: ")


async def test_an_unknown_enum_value_is_a_validation_error(runner: CypherRunner) -> None:
    result, context = await execute(
        runner, '{ researcher(id: "A-jian-jiao") { works(orderBy: TITLE) { totalCount } } }'
    )

    assert result.errors is not None
    assert "WorkOrder" in result.errors[0].message
    assert context.runner.stats.statements == 0
