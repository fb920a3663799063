"""The explorer slice around any node."""

from model.explorer import ExplorerKey, ExplorerRow
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.ids import node_kind

KINDS = ("INSTITUTION", "RESEARCHER", "TOPIC", "WORK")
MAX_LIMIT = 100


async def explorer(
    ctx: Context, center: str, limit: int, kinds: list[str] | None
) -> ExplorerRow | None:
    node_kind("center", center)
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput("limit", f"must be between 1 and {MAX_LIMIT}, got {limit}")
    wanted = tuple(sorted(set(kinds))) if kinds is not None else KINDS
    return await ctx.loaders.explorer.load(ExplorerKey(center, limit, wanted))
