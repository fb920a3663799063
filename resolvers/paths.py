"""How two researchers are connected: the shortest chain of co-authored works.

The search is a bidirectional breadth-first search over co-authorship, one statement per step
(`get_connection_path`), always expanding the side whose frontier authored fewer works, so a
hub at one end is expanded only when the other side has grown bigger than it. Its work is
bounded whatever the pair: at most `max_hops` steps, and at most BUDGET rows read over all of
them. Null means no chain of at most `max_hops` works, or none found within that search budget
(a step cut short by the budget still returns a chain it found, which is a shortest one).
"""

import asyncio
from dataclasses import dataclass

from model.paths import PathStepRow
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.ids import expect

MAX_HOPS = 6
# Co-authorship rows the whole search may read (each LIMITs the expansion in Neo4j).
BUDGET = 10_000


@dataclass
class Side:
    """One end's half of the search: whom it reached, and how (researcher -> the researcher
    one step nearer this end and the work they share)."""

    parents: dict[str, tuple[str, str] | None]
    frontier: list[str]
    cost: int  # works authored by the frontier: the rows expanding it would read
    depth: int = 0

    def chain(self, node: str) -> list[str]:
        """Ids from `node` back to this side's end: researcher, work, researcher, ..."""
        ids = [node]
        while (parent := self.parents[node]) is not None:
            node, via = parent
            ids += [via, node]
        return ids


async def connection_path(
    ctx: Context, source: str, target: str, max_hops: int
) -> list[PathStepRow] | None:
    expect("from", source, "Researcher")
    expect("to", target, "Researcher")
    if not 1 <= max_hops <= MAX_HOPS:
        raise BadInput("maxHops", f"must be between 1 and {MAX_HOPS}, got {max_hops}")
    if source == target:
        row = await ctx.loaders.researcher.load(source)
        return [PathStepRow(row, None)] if row else None
    ids = await search(ctx, source, target, max_hops)
    if ids is None:
        return None
    people, works = await asyncio.gather(
        ctx.loaders.researcher.load_many(ids[0::2]), ctx.loaders.work.load_many(ids[1::2])
    )
    return [
        PathStepRow(person, works[i - 1] if i else None)
        for i, person in enumerate(people)
        if person is not None
    ]


async def search(ctx: Context, source: str, target: str, max_hops: int) -> list[str] | None:
    """The ids of a shortest chain from source to target (researchers at even positions),
    or None: none within max_hops, or none found within BUDGET rows."""
    ends = await ctx.runner.read("get_connection_path_ends", ids=[source, target])
    works = {record["id"]: record["works"] for record in ends}
    if source not in works or target not in works:
        return None
    start = Side({source: None}, [source], works[source])
    end = Side({target: None}, [target], works[target])
    used = 0
    while start.depth + end.depth < max_hops and start.frontier and end.frontier:
        near, far = (start, end) if start.cost <= end.cost else (end, start)
        limit = BUDGET - used
        if limit <= 0:
            return None
        records = await ctx.runner.read(
            "get_connection_path", frontier=sorted(near.frontier), limit=limit
        )
        rows: int = records[0]["rows"]
        used += rows
        near.depth += 1
        frontier, cost, meetings = [], 0, []
        for step in records[0]["reached"]:
            reached = step["id"]
            if reached in near.parents:
                continue
            near.parents[reached] = (step["source"], step["via"])
            frontier.append(reached)
            cost += step["works"]
            if reached in far.parents:
                meetings.append(reached)
        if meetings:
            # Every meeting of this step closes a chain of the same, shortest length.
            meet = min(meetings)
            return start.chain(meet)[::-1] + end.chain(meet)[1:]
        if rows >= limit:
            return None  # cut short by the budget: nothing more can be said
        near.frontier, near.cost = frontier, cost
    return None
