"""connectionPath: the shortest chain of co-authored works between two researchers."""

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, LiteralString

import pytest
from neo4j import Record, RoutingControl

from cypher import load as load_cypher
from cypher.runner import CypherRunner
from factories import load, work
from helpers import execute, total_hits
from loaders import Loaders
from model.paths import PathStepRow
from resolvers import paths as resolve_paths
from resolvers.context import Context

PATH = """query($from: ID!, $to: ID!, $hops: Int!) {
  connectionPath(from: $from, to: $to, maxHops: $hops) { researcher { id } via { id } } }"""


async def path(runner: CypherRunner, source: str, target: str, hops: int = 4) -> Any:
    result, _ = await execute(runner, PATH, {"from": source, "to": target, "hops": hops})
    assert result.errors is None
    assert result.data is not None
    return result.data["connectionPath"]


async def test_aimin_li_reaches_wenhao_lu_through_the_merged_jian_jiao(
    runner: CypherRunner,
) -> None:
    steps = await path(runner, "A-aimin-li", "A-wenhao-lu")

    assert [s["researcher"]["id"] for s in steps] == ["A-aimin-li", "A-jian-jiao", "A-wenhao-lu"]
    assert steps[0]["via"] is None
    assert steps[1]["via"]["id"] in {"W-arxiv-2204.01257", "W-arxiv-2101.07953"}
    assert steps[2]["via"] == {"id": "W-arxiv-2002.06275"}


async def test_a_path_longer_than_max_hops_is_null(runner: CypherRunner) -> None:
    assert await path(runner, "A-aimin-li", "A-wenhao-lu", hops=1) is None


async def test_unknown_researchers_have_no_path(runner: CypherRunner) -> None:
    assert await path(runner, "A-aimin-li", "A-nobody") is None


async def test_unconnected_researchers_have_no_path_after_a_search(
    runner: CypherRunner, tmp_path: Path
) -> None:
    # Two pairs of co-authors, no work between the pairs: A-apart-a1 reaches A-apart-a2 and
    # nobody else, A-apart-b1 reaches A-apart-b2. Both ends exist, so the search runs: each
    # side expands until its frontier is empty, and the answer is null.
    await load(runner, tmp_path, chain("apart-a", ["A-apart-a1", "A-apart-a2"]))
    await load(runner, tmp_path, chain("apart-b", ["A-apart-b1", "A-apart-b2"]))
    result, context = await execute(
        runner, PATH, {"from": "A-apart-a1", "to": "A-apart-b1", "hops": 6}
    )

    assert result.errors is None
    assert result.data == {"connectionPath": None}
    statements = context.runner.stats.by_name
    # Both ends were found (one look-up), and the search stepped. By hand: both ends authored
    # one work, a tie, so the source side expands first (a1 reaches a2, one work); still a tie,
    # so it expands again (a2 reaches only a1, already seen), and its frontier is empty: done.
    assert statements.get("get_connection_path_ends") == 1
    assert statements.get("get_connection_path") == 2
    # The same pairs are within reach of themselves: the data is there, only no chain joins it.
    assert [s["researcher"]["id"] for s in await path(runner, "A-apart-a1", "A-apart-a2")] == [
        "A-apart-a1",
        "A-apart-a2",
    ]


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"from": "W-x", "to": "A-aimin-li", "hops": 2}, "from"),
        ({"from": "A-aimin-li", "to": "bad id", "hops": 2}, "to"),
        ({"from": "A-aimin-li", "to": "A-wenhao-lu", "hops": 7}, "maxHops"),
    ],
)
async def test_bad_arguments_are_named(
    runner: CypherRunner, variables: dict[str, Any], argument: str
) -> None:
    result, _ = await execute(runner, PATH, variables)

    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": argument}


# Bounded work whatever the pair: every statement of the search, profiled by Neo4j itself.

SEARCH = sorted(
    p.stem for p in (Path(__file__).parent.parent / "cypher").glob("get_connection_path*.cypher")
)


@dataclass
class ProfilingRunner(CypherRunner):
    """Runs the path search's statements under PROFILE and adds up their database hits."""

    hits: int = 0

    async def _run(
        self, name: str, params: Mapping[str, Any], routing: RoutingControl
    ) -> list[Record]:
        if name not in SEARCH:
            return await super()._run(name, params, routing)
        self.stats.count(name)
        query: LiteralString = "PROFILE " + load_cypher(name)
        async with self.driver.session(database=self.database) as session:
            result = await session.run(query, dict(params))
            records = [record async for record in result]
            summary = await result.consume()
        assert summary.profile is not None
        self.hits += total_hits(summary.profile)
        return records


def operators(plan: dict[str, Any]) -> set[str]:
    found = {plan["operatorType"].partition("@")[0]}
    for child in plan.get("children", []):
        found |= operators(child)
    return found


async def profiled_path(
    runner: CypherRunner, source: str, target: str, hops: int
) -> tuple[list[PathStepRow] | None, int, int]:
    """The path, the search's database hits and its statement count."""
    profiling = ProfilingRunner(runner.driver, runner.database, runner.timeout, runner.gate)
    context = Context(profiling, Loaders.create(profiling, None))
    steps = await resolve_paths.connection_path(context, source, target, hops)
    searched = sum(profiling.stats.by_name.get(name, 0) for name in SEARCH)
    return steps, profiling.hits, searched


def hub(name: str, start: int, count: int) -> list[dict[str, Any]]:
    """`count` works of the researcher A-<name>, each with a co-author of its own who wrote
    nothing else: the hub grows, nobody around it does."""
    return [
        work(f"W-{name}-{i}", [f"A-{name}", f"A-{name}-{i}"], [f"T-{name}"])
        for i in range(start, start + count)
    ]


def chain(name: str, people: list[str]) -> list[dict[str, Any]]:
    """One work per consecutive pair of `people`: a path of len(people) - 1 hops."""
    return [
        work(f"W-{name}-{i}", [a, b], [f"T-{name}"]) for i, (a, b) in enumerate(pairwise(people))
    ]


async def test_no_statement_of_the_search_plans_an_exhaustive_fallback(
    runner: CypherRunner,
) -> None:
    assert SEARCH
    async with runner.driver.session(database=runner.database) as session:
        for name in SEARCH:
            summary = await (await session.run("EXPLAIN " + load_cypher(name))).consume()
            assert summary.plan is not None
            found = operators(summary.plan)
            assert not {o for o in found if "VarLength" in o or "ShortestPath" in o}, (name, found)


SMALL_HUB, BIG_HUB = 200, 1000


@pytest.mark.slow
async def test_a_pair_farther_apart_than_max_hops_costs_the_same_however_big_the_hub(
    runner: CypherRunner, tmp_path: Path
) -> None:
    # A-far is a hub, three hops from A-far-end: A-far, A-far-x, A-far-y, A-far-end.
    await load(runner, tmp_path, chain("far-chain", ["A-far", "A-far-x", "A-far-y", "A-far-end"]))
    await load(runner, tmp_path, hub("far", 0, SMALL_HUB))
    steps, small, _ = await profiled_path(runner, "A-far", "A-far-end", 2)
    assert steps is None
    await load(runner, tmp_path, hub("far", SMALL_HUB, BIG_HUB - SMALL_HUB))
    steps, big, statements = await profiled_path(runner, "A-far", "A-far-end", 2)

    assert steps is None
    # Five times the works, and the search reads no more than it did, and little.
    assert big <= small * 1.1 and big <= 1000, (small, big)
    assert statements <= 3
    # Within reach, the same search finds the chain.
    found, _, _ = await profiled_path(runner, "A-far", "A-far-end", 3)
    assert found is not None
    assert [s.researcher.id for s in found] == ["A-far", "A-far-x", "A-far-y", "A-far-end"]
    assert [s.via.id if s.via else None for s in found] == [
        None,
        "W-far-chain-0",
        "W-far-chain-1",
        "W-far-chain-2",
    ]


@pytest.mark.slow
async def test_a_hub_and_someone_unconnected_cost_the_same_however_big_the_hub(
    runner: CypherRunner, tmp_path: Path
) -> None:
    # A-lone-end and A-lone-mate wrote one work together, and nothing with anyone else.
    await load(runner, tmp_path, chain("lone-pair", ["A-lone-end", "A-lone-mate"]))
    await load(runner, tmp_path, hub("lone", 0, SMALL_HUB))
    steps, small, _ = await profiled_path(runner, "A-lone", "A-lone-end", 6)
    assert steps is None
    await load(runner, tmp_path, hub("lone", SMALL_HUB, BIG_HUB - SMALL_HUB))
    steps, big, _ = await profiled_path(runner, "A-lone", "A-lone-end", 6)
    reverse, back, _ = await profiled_path(runner, "A-lone-end", "A-lone", 6)

    assert steps is None and reverse is None
    assert big <= small * 1.1 and big <= 1000, (small, big)
    assert back <= 1000, back


@pytest.mark.slow
async def test_two_unconnected_hubs_stop_at_the_search_budget(
    runner: CypherRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resolve_paths, "BUDGET", 50)
    await load(runner, tmp_path, hub("hh-a", 0, SMALL_HUB) + hub("hh-b", 0, SMALL_HUB))
    steps, small, _ = await profiled_path(runner, "A-hh-a", "A-hh-b", 6)
    assert steps is None
    await load(runner, tmp_path, hub("hh-a", SMALL_HUB, BIG_HUB - SMALL_HUB))
    await load(runner, tmp_path, hub("hh-b", SMALL_HUB, BIG_HUB - SMALL_HUB))
    steps, big, _ = await profiled_path(runner, "A-hh-a", "A-hh-b", 6)

    # Null, "not found within the search budget": 50 rows read, whatever the hubs' size.
    assert steps is None
    assert big <= small * 1.1 and big <= 1000, (small, big)
