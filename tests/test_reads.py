"""Topics, institutions, works and their connections; bad arguments get named errors."""

from pathlib import Path
from typing import Any

import pytest

import factories
from cypher.runner import CypherRunner
from helpers import execute
from resolvers.paging import MAX_CURSOR_CHARS, encode_cursor, scope


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
             authors { position authorPosition corresponding institutionIds
                       institutions { id name type } researcher { name } }
             topics { score topic { id } }
             relatedWorks(first: 2) { score work { id } } } }""",
    )

    work = data["work"]
    assert work["arxivId"] == "2204.01257"
    assert work["doi"] == "https://doi.org/10.48550/arXiv.2204.01257"
    assert (work["referenceCount"], work["citationCount"]) == (0, 0)
    assert work["authors"][0] == {
        "position": 1,
        "authorPosition": "FIRST",
        "corresponding": False,
        "institutionIds": ["I-hit-shenzhen"],
        "institutions": [
            {
                "id": "I-hit-shenzhen",
                "name": "Harbin Institute of Technology (Shenzhen)",
                "type": "EDUCATION",
            }
        ],
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
        edges { sharedWorks node { id } } } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = (await data_of(runner, query, {"after": after}))["researcher"]["coauthors"]
        seen += [e["node"]["id"] for e in page["edges"]]
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
        ('{ work(id: "W-arxiv-2204.01257") { authors(first: 101) { position } } }', "first"),
        ('{ work(id: "W-arxiv-2204.01257") { authors(after: -1) { position } } }', "after"),
        (
            """{ researcher(id: "A-jian-jiao") { works(first: 1) { edges { node {
                 authors(first: 101) { position } } } } } }""",
            "first",
        ),
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


# Issue 22: a cursor carries its list and order. One first-page cursor of each of these lists
# (each field with the `$after` its next page would take), and each list takes its own only.
LISTS = {
    "works YEAR_DESC": '{ researcher(id: "A-jian-jiao") { l: works(first: 1, after: $after) {',
    "works YEAR_ASC": """{ researcher(id: "A-jian-jiao") {
        l: works(first: 1, orderBy: YEAR_ASC, after: $after) {""",
    "works CITED_BY_DESC": """{ researcher(id: "A-jian-jiao") {
        l: works(first: 1, orderBy: CITED_BY_DESC, after: $after) {""",
    "another researcher's works": '{ researcher(id: "A-aimin-li") { l: works(first: 1, after: $after) {',
    "coauthors": '{ researcher(id: "A-jian-jiao") { l: coauthors(first: 1, after: $after) {',
    "another researcher's coauthors": """{ researcher(id: "A-aimin-li") {
        l: coauthors(first: 1, after: $after) {""",
    "topics": '{ researcher(id: "A-jian-jiao") { l: topics(first: 1, after: $after) {',
    "a topic's works": '{ topic(id: "T-channel-coding") { l: works(first: 1, after: $after) {',
    "a topic's researchers": """{ topic(id: "T-channel-coding") {
        l: researchers(first: 1, after: $after) {""",
    "an institution's works": '{ institution(id: "I-microsoft") { l: works(first: 1, after: $after) {',
    "researchers search": '{ l: researchers(search: "jian", first: 1, after: $after) {',
    "researchers search for other words": '{ l: researchers(search: "li", first: 1, after: $after) {',
    "works search": '{ l: works(search: "spinal", first: 1, after: $after) {',
}


def list_query(name: str) -> str:
    closing = "} }" if LISTS[name].lstrip("{ ").startswith("l:") else "} } }"
    body = LISTS[name] + " edges { cursor } pageInfo { hasNextPage endCursor } "
    return "query($after: String) " + body + closing


def page_of(data: dict[str, Any]) -> Any:
    return data["l"] if "l" in data else next(iter(data.values()))["l"]


async def test_a_cursor_serves_only_the_list_and_order_it_came_from(runner: CypherRunner) -> None:
    cursors = {}
    for name in LISTS:
        page = page_of(await data_of(runner, list_query(name), {"after": None}))
        assert page["pageInfo"]["endCursor"], name
        cursors[name] = page["pageInfo"]["endCursor"]
    assert len(set(cursors.values())) == len(cursors)

    for target in LISTS:
        for source, cursor in cursors.items():
            result, _ = await execute(runner, list_query(target), {"after": cursor})
            if source == target:
                assert result.errors is None, (target, result.errors)
                continue
            assert result.errors is not None and len(result.errors) == 1, (source, target)
            error = result.errors[0]
            assert error.extensions == {"code": "BAD_USER_INPUT", "argument": "after"}
            assert error.message == (
                "after: is a cursor of another list or order; start again without `after`"
            ), (source, target)


async def test_cursors_stay_short_and_opaque(runner: CypherRunner) -> None:
    longest_id = "A-" + "x" * 100
    page = page_of(await data_of(runner, list_query("researchers search"), {"after": None}))
    cursor = page["pageInfo"]["endCursor"]
    # A search's words and a list's owner are a digest in the cursor, whatever their length.
    assert len(cursor) < 100 and "jian" not in cursor
    assert len(encode_cursor(scope("works:CITED_BY_DESC", longest_id), -1e9, longest_id)) < (
        MAX_CURSOR_CHARS / 2
    )


async def test_a_connection_gives_its_nodes_in_the_order_of_its_edges(
    runner: CypherRunner,
) -> None:
    data = await data_of(
        runner,
        """{ researcher(id: "A-jian-jiao") {
             works(first: 5) { nodes { id } edges { node { id } } }
             coauthors(first: 4) { nodes { id } edges { node { id } } }
           }
           researchers(search: "jian", first: 3) { nodes { id } edges { node { id } } } }""",
    )

    for page in (data["researcher"]["works"], data["researcher"]["coauthors"], data["researchers"]):
        assert page["nodes"] == [e["node"] for e in page["edges"]] and page["nodes"]


async def test_total_count_is_filled_where_it_is_cheap_and_null_where_documented(
    runner: CypherRunner,
) -> None:
    data = await data_of(
        runner,
        """{ researcher(id: "A-jian-jiao") { works(first: 1) { totalCount }
               coauthors(first: 1) { totalCount } }
             topic(id: "T-channel-coding") { works(first: 1) { totalCount }
               researchers(first: 1) { totalCount } }
             institution(id: "I-microsoft") { works(first: 1) { totalCount }
               researchers(first: 1) { totalCount } }
             researchers(search: "jian", first: 1) { totalCount }
             works(search: "spinal", first: 1) { totalCount } }""",
    )

    assert data["researcher"] == {"works": {"totalCount": 9}, "coauthors": {"totalCount": 63}}
    assert data["topic"]["works"]["totalCount"] == 2
    assert data["institution"]["works"]["totalCount"] >= 1
    # Counting these would read the whole list: null, as their fields say.
    assert data["topic"]["researchers"]["totalCount"] is None
    assert data["institution"]["researchers"]["totalCount"] is None
    assert data["researchers"]["totalCount"] is None and data["works"]["totalCount"] is None


async def test_a_works_authors_come_a_page_at_a_time_with_their_count(
    runner: CypherRunner,
) -> None:
    data = await data_of(
        runner,
        """{ work(id: "W-arxiv-2204.01257") { authorCount
               all: authors { position }
               two: authors(first: 2) { position researcher { name } }
               next: authors(first: 2, after: 2) { position researcher { name } }
               rest: authors(after: 4) { position }
               none: authors(after: 5) { position } }
             researcher(id: "A-jian-jiao") { works(first: 3) { edges { node { id authorCount
               all: authors { position } two: authors(first: 2) { position }
               after: authors(first: 2, after: 1) { position } } } } } }""",
    )

    work = data["work"]
    assert work["authorCount"] == 5
    assert [a["position"] for a in work["all"]] == [1, 2, 3, 4, 5]
    assert work["two"] == [
        {"position": 1, "researcher": {"name": "Aimin Li"}},
        {"position": 2, "researcher": {"name": "Shaohua Wu"}},
    ]
    assert work["next"] == [
        {"position": 3, "researcher": {"name": "Jian Jiao"}},
        {"position": 4, "researcher": {"name": "Ning Zhang"}},
    ]
    assert (work["rest"], work["none"]) == ([{"position": 5}], [])
    # In a page of works (its authors brought by the page's statement) the same arguments
    # give the same lists.
    for edge in data["researcher"]["works"]["edges"]:
        node = edge["node"]
        positions = [a["position"] for a in node["all"]]
        assert positions == list(range(1, node["authorCount"] + 1))
        assert node["two"] == node["all"][:2] and node["after"] == node["all"][1:3]


async def test_source_vocabularies_are_enums_and_a_new_value_is_other(
    runner: CypherRunner, tmp_path: Path
) -> None:
    chapter = factories.work("W-enum-chapter", ["A-enum-1", "A-enum-2"], ["T-enum"])
    chapter["type"] = "book-chapter"
    chapter["authorships"][0]["author_position"] = "first"
    chapter["authorships"][1]["author_position"] = "a-new-position"
    novel = factories.work("W-enum-novel", ["A-enum-1"], ["T-enum"])
    novel["type"] = "a-type-openalex-adds-next-year"
    await factories.load(runner, tmp_path, [chapter, novel])

    data = await data_of(
        runner,
        """{ chapter: work(id: "W-enum-chapter") { type authors { authorPosition } }
             novel: work(id: "W-enum-novel") { type } }""",
    )

    assert data == {
        "chapter": {
            "type": "BOOK_CHAPTER",
            "authors": [{"authorPosition": "FIRST"}, {"authorPosition": "OTHER"}],
        },
        "novel": {"type": "OTHER"},
    }


async def test_a_researchers_topics_page_through_every_topic_once_most_frequent_first(
    runner: CypherRunner,
) -> None:
    query = """query($after: String) { researcher(id: "A-jian-jiao") { counts { topics }
      topics(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { works node { id } } } } }"""
    seen: list[tuple[int, str]] = []
    after = None
    while True:
        researcher = (await data_of(runner, query, {"after": after}))["researcher"]
        page = researcher["topics"]
        assert page["totalCount"] == researcher["counts"]["topics"] == 9
        seen += [(-e["works"], e["node"]["id"]) for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break

    assert len(seen) == len(set(seen)) == 9
    assert seen == sorted(seen)
