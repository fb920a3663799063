"""Any node by id, and what topics and institutions hold."""

import asyncio

from model.graph import NodeCountsRow, NodeRow, ResearcherRow
from model.ids import record_key
from model.paging import Page
from model.social import ClaimRow, InvitationRow
from resolvers.claims import claim_by_key
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.ids import node_kind
from resolvers.paging import keyed_page, scope
from resolvers.social import invitation_by_key

MAX_IDS = 100


async def node(ctx: Context, node_id: str) -> NodeRow | ClaimRow | InvitationRow | None:
    record = record_key(node_id)
    if record is not None:
        return await _record(ctx, *record)
    found = await _graph_node(ctx, node_id)
    if found is not None:
        return found
    # An id OpenAlex merged away (a bookmark, a link from elsewhere) answers with the node it
    # became, under that node's id: one more batched statement, only for ids not found.
    into = await ctx.loaders.merged_into.load(node_id)
    return None if into is None else await _graph_node(ctx, into)


async def _graph_node(ctx: Context, node_id: str) -> NodeRow | None:
    kind = node_kind("id", node_id)
    if kind == "Researcher":
        return await ctx.loaders.researcher.load(node_id)
    if kind == "Work":
        return await ctx.loaders.work.load(node_id)
    if kind == "Topic":
        return await ctx.loaders.topic.load(node_id)
    return await ctx.loaders.institution.load(node_id)


async def _record(ctx: Context, kind: str, key: str) -> ClaimRow | InvitationRow | None:
    """Only for the people it concerns: anyone else gets null, as for no such record."""
    if kind == "Claim":
        return await claim_by_key(ctx, key)
    return await invitation_by_key(ctx, key)


async def nodes(ctx: Context, ids: list[str]) -> list[NodeRow | ClaimRow | InvitationRow | None]:
    if len(ids) > MAX_IDS:
        raise BadInput("ids", f"at most {MAX_IDS} ids per request, got {len(ids)}")
    for i, node_id in enumerate(ids):
        if record_key(node_id) is None:
            node_kind(f"ids[{i}]", node_id)
    # Gathered, so the loaders see every id in one batch.
    return list(await asyncio.gather(*(node(ctx, node_id) for node_id in ids)))


async def counts(ctx: Context, node_id: str) -> NodeCountsRow:
    return await ctx.loaders.node_counts.load(node_id) or NodeCountsRow(0, None)


async def researchers_of(
    ctx: Context, owner_id: str, first: int, after: str | None
) -> Page[ResearcherRow]:
    list_scope = scope("researchers", owner_id)
    return await keyed_page(
        ctx.loaders.researchers_page, list_scope, owner_id, first, after, empty_total=None
    )
