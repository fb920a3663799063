"""The explorer slice: bounded by its limit, centred on any kind, cheap on hubs."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import load, work
from helpers import db_hits as statement_hits
from helpers import execute
from loaders.explorer import FANOUT, SCAN

EXPLORER = """
query($center: ID!, $limit: Int!, $kinds: [NodeKind!]) {
  explorer(center: $center, limit: $limit, kinds: $kinds) {
    center { __typename id } nodes { nodeId kind label weight } edges { source target kind weight score }
  }
}
"""
ALL_KINDS = {"RESEARCHER", "WORK", "TOPIC", "INSTITUTION"}


async def slice_of(runner: CypherRunner, center: str, limit: int = 60, kinds: Any = None) -> Any:
    variables = {"center": center, "limit": limit, "kinds": kinds}
    result, _ = await execute(runner, EXPLORER, variables)
    assert result.errors is None
    assert result.data is not None
    return result.data["explorer"]


def assert_well_formed(graph: Any, center: str, limit: int) -> None:
    ids = [n["nodeId"] for n in graph["nodes"]]
    assert graph["center"]["id"] == center and ids[0] == center
    assert len(ids) == len(set(ids)) <= limit
    assert all(0 <= n["weight"] <= 1 for n in graph["nodes"])
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert_one_way(graph)


# The direction each kind runs between two kinds of node, whichever end is the centre.
DIRECTIONS = {
    "AUTHORED": ("RESEARCHER", "WORK"),
    "HAS_TOPIC": ("WORK", "TOPIC"),
    "HAS_INSTITUTION": ("WORK", "INSTITUTION"),
    "AFFILIATED_WITH": ("RESEARCHER", "INSTITUTION"),
    "WORKS_ON": ("RESEARCHER", "TOPIC"),
    "ACTIVE_IN": ("INSTITUTION", "TOPIC"),
}


def assert_one_way(graph: Any) -> None:
    kinds = {n["nodeId"]: n["kind"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        ends = (kinds[edge["source"]], kinds[edge["target"]])
        assert ends == DIRECTIONS.get(edge["kind"], ends), edge
        assert 0 <= edge["weight"] <= 1 and edge["score"] >= 0, edge
    # The best link of each kind from the centre weighs 1.
    center = graph["nodes"][0]["nodeId"]
    centre_kinds = {e["kind"] for e in graph["edges"] if center in (e["source"], e["target"])}
    for kind in centre_kinds:
        weights = [e["weight"] for e in graph["edges"] if e["kind"] == kind]
        assert max(weights) == 1.0, kind


@pytest.mark.parametrize("limit", [1, 5, 20, 60, 100])
async def test_the_slice_never_exceeds_its_limit(runner: CypherRunner, limit: int) -> None:
    graph = await slice_of(runner, "A-jian-jiao", limit)

    assert_well_formed(graph, "A-jian-jiao", limit)


async def test_a_researcher_slice_shows_papers_people_topics_and_institutions(
    runner: CypherRunner,
) -> None:
    graph = await slice_of(runner, "A-jian-jiao", 20)

    assert {n["kind"] for n in graph["nodes"]} == ALL_KINDS
    by_id = {n["nodeId"]: n for n in graph["nodes"]}
    # The best of each kind comes first: Ruofei Zhang shares three works, Microsoft is stated
    # on four of the nine, two topics carry four works each.
    assert by_id["A-ruofei-zhang"]["weight"] == 1.0
    assert by_id["I-microsoft"]["weight"] == 1.0
    assert {
        "source": "A-jian-jiao",
        "target": "A-ruofei-zhang",
        "kind": "COAUTHOR",
        "weight": 1.0,
        "score": 3.0,
    } in graph["edges"]
    assert {
        "source": "A-ruofei-zhang",
        "target": "W-arxiv-2002.06275",
        "kind": "AUTHORED",
        "weight": 1.0,
        "score": 1.0,
    } in graph["edges"]


@pytest.mark.parametrize(
    ("center", "kind", "neighbour"),
    [
        ("W-arxiv-2204.01257", "WORK", "A-aimin-li"),
        ("T-channel-coding", "TOPIC", "W-arxiv-2101.07953"),
        ("I-hit-shenzhen", "INSTITUTION", "A-shaohua-wu"),
    ],
)
async def test_the_slice_recentres_on_any_kind(
    runner: CypherRunner, center: str, kind: str, neighbour: str
) -> None:
    graph = await slice_of(runner, center, 30)

    assert_well_formed(graph, center, 30)
    assert graph["nodes"][0]["kind"] == kind
    assert neighbour in {n["nodeId"] for n in graph["nodes"]}
    assert any({e["source"], e["target"]} == {center, neighbour} for e in graph["edges"])


async def test_links_run_one_way_whichever_end_is_the_centre(runner: CypherRunner) -> None:
    work = await slice_of(runner, "W-arxiv-2204.01257", 30)
    author = await slice_of(runner, "A-aimin-li", 60)

    # The work's authors wrote it: AUTHORED runs from the researcher in both slices, weighed
    # 0..1 within its kind (the first author, at score 1/1, weighs 1), with the raw score beside.
    aimin_li = {"source": "A-aimin-li", "target": "W-arxiv-2204.01257", "kind": "AUTHORED"}
    assert {**aimin_li, "weight": 1.0, "score": 1.0} in work["edges"]
    assert any(e.items() >= aimin_li.items() for e in author["edges"])
    third = next(e for e in work["edges"] if e["source"] == "A-jian-jiao")
    assert (third["kind"], third["target"], third["score"]) == (
        "AUTHORED",
        "W-arxiv-2204.01257",
        pytest.approx(1 / 3),
    )
    assert third["weight"] == pytest.approx(1 / 3)
    for graph in (work, author):
        assert not {e["kind"] for e in graph["edges"]} & {"CITED_BY", "AFFILIATED"}


async def test_kinds_filter_the_slice_but_keep_the_centre(runner: CypherRunner) -> None:
    graph = await slice_of(runner, "A-jian-jiao", 60, ["TOPIC"])

    assert [n["kind"] for n in graph["nodes"]] == ["RESEARCHER"] + ["TOPIC"] * 9


async def test_an_unknown_centre_is_null(runner: CypherRunner) -> None:
    assert await slice_of(runner, "T-nothing-here") is None


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"center": "A-jian-jiao", "limit": 0}, "limit"),
        ({"center": "A-jian-jiao", "limit": 101}, "limit"),
        ({"center": "not an id", "limit": 10}, "center"),
    ],
)
async def test_bad_arguments_name_themselves(
    runner: CypherRunner, variables: dict[str, Any], argument: str
) -> None:
    result, context = await execute(runner, EXPLORER, variables)

    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": argument}
    assert context.runner.stats.statements == 0


async def db_hits(runner: CypherRunner, center: str) -> int:
    """Total database hits of one explorer statement, from Neo4j's own PROFILE."""
    params = {
        "centers": [center],
        "limit": 60,
        "kinds": sorted(ALL_KINDS),
        "fanout": FANOUT,
        "scan": SCAN,
    }
    return await statement_hits(runner, "explore_neighbourhood", params)


def hub_works(start: int, count: int) -> list[dict[str, Any]]:
    return [
        # Each author writes two works: the hub grows, its neighbours do not.
        work(f"W-hub-{i}", [f"A-hub-{i}", f"A-hub-{i + 1}"], ["T-hub"], cited=i % 97)
        for i in range(start, start + count)
    ]


async def hits_as_it_grows(
    runner: CypherRunner,
    tmp_path: Path,
    records: Callable[[int, int], list[dict[str, Any]]],
    center: str,
) -> tuple[int, int]:
    """The slice's db hits with a hub of 2 x SCAN works, then of 10 x SCAN."""
    await load(runner, tmp_path, records(0, 2 * SCAN))
    small = await db_hits(runner, center)
    await load(runner, tmp_path, records(2 * SCAN, 8 * SCAN))
    return small, await db_hits(runner, center)


@pytest.mark.slow
async def test_a_hub_topic_costs_the_same_however_big_it_grows(
    runner: CypherRunner, tmp_path: Path
) -> None:
    small, big = await hits_as_it_grows(runner, tmp_path, hub_works, "T-hub")

    graph = await slice_of(runner, "T-hub", 60)
    assert_well_formed(graph, "T-hub", 60)
    assert len(graph["nodes"]) == 60
    # Five times the works, and the statement reads no more than it did.
    assert big <= small * 1.1, (small, big)


def prolific_coauthor(start: int, count: int) -> list[dict[str, Any]]:
    """A-near's three works with A-prolific, whose own works (and topic) grow."""
    near = [
        work(f"W-near-{i}", ["A-near", "A-prolific"], ["T-crowded", f"T-near-{i}"])
        for i in range(3)
    ]
    own = [
        work(f"W-prolific-{i}", ["A-prolific", f"A-other-{i % 40}"], ["T-crowded"], cited=i % 89)
        for i in range(start, start + count)
    ]
    return near + own


@pytest.mark.slow
async def test_a_slice_costs_the_same_however_big_the_hubs_it_picks_grow(
    runner: CypherRunner, tmp_path: Path
) -> None:
    """The slice of a researcher with three works picks a prolific co-author and a crowded
    topic: the edges among the picked nodes must not cost their degrees."""
    small, big = await hits_as_it_grows(runner, tmp_path, prolific_coauthor, "A-near")

    graph = await slice_of(runner, "A-near", 60)
    assert_well_formed(graph, "A-near", 60)
    assert {"A-prolific", "T-crowded"} <= {n["nodeId"] for n in graph["nodes"]}
    assert big <= small * 1.1, (small, big)


def prolific_researcher(start: int, count: int) -> list[dict[str, Any]]:
    """A-rhub's works, with co-authors and topics from small pools: only the hub grows."""
    return [
        work(
            f"W-rhub-{i:05d}",
            ["A-rhub", f"A-rhub-co-{i % 40}"],
            [f"T-rhub-{i % 5}"],
            year=1990 + i % 30,
            cited=i % 89,
        )
        for i in range(start, start + count)
    ]


def most_cited_then_newest(records: list[dict[str, Any]]) -> list[str]:
    ranked = sorted(records, key=lambda r: (-r["cited_by_count"], -r["publication_year"], r["id"]))
    return [r["id"] for r in ranked]


@pytest.mark.slow
async def test_a_hub_researcher_costs_the_same_however_many_works_they_have(
    runner: CypherRunner, tmp_path: Path
) -> None:
    small, big = await hits_as_it_grows(runner, tmp_path, prolific_researcher, "A-rhub")

    graph = await slice_of(runner, "A-rhub", 60)
    assert_well_formed(graph, "A-rhub", 60)
    # The works shown are the researcher's most cited, newest first among equals.
    shown = {e["target"] for e in graph["edges"] if e["kind"] == "AUTHORED"}
    best = most_cited_then_newest(prolific_researcher(0, 10 * SCAN))[:FANOUT]
    assert shown and shown <= set(best), sorted(shown - set(best))
    # Five times the works, and the statement reads no more than it did: it seeks the works.
    assert big <= small * 1.1, (small, big)
