"""How two researchers are connected: the shortest chain of co-authored works."""

import asyncio
from dataclasses import dataclass

from loaders.rows import ResearcherRow, WorkRow
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.ids import expect

MAX_HOPS = 6


@dataclass(frozen=True)
class PathStep:
    researcher: ResearcherRow
    via: WorkRow | None


async def connection_path(
    ctx: Context, source: str, target: str, max_hops: int
) -> list[PathStep] | None:
    expect("from", source, "Researcher")
    expect("to", target, "Researcher")
    if not 1 <= max_hops <= MAX_HOPS:
        raise BadInput("maxHops", f"must be between 1 and {MAX_HOPS}, got {max_hops}")
    if source == target:
        row = await ctx.loaders.researcher.load(source)
        return [PathStep(row, None)] if row else None
    records = await ctx.runner.read(
        "get_connection_path", **{"from": source, "to": target, "maxHops": max_hops}
    )
    if not records:
        return None
    ids: list[str] = records[0]["ids"]
    people, works = await asyncio.gather(
        ctx.loaders.researcher.load_many(ids[0::2]), ctx.loaders.work.load_many(ids[1::2])
    )
    return [
        PathStep(person, works[i - 1] if i else None)
        for i, person in enumerate(people)
        if person is not None
    ]
