"""The works and researchers of a researcher, topic or institution, as connections."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers import nodes as resolve_nodes
from resolvers import works as resolve_works
from resolvers.context import Context
from schema.connection import Connection, from_page
from schema.enums import WorkOrder

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work

Info = strawberry.Info[Context, None]
Order = Annotated[
    WorkOrder, strawberry.argument(description="The order of the works: newest first by default.")
]


async def works_of(
    info: Info, owner_id: str, first: int, after: str | None, order_by: WorkOrder
) -> "Connection[Work]":
    from schema.work import Work

    page = await resolve_works.works_of(info.context, owner_id, first, after, order_by.value)
    # The benchmarks' naive baseline reads each work's authors and topics on its own.
    node = Work.with_parts if info.context.policy.loader_batching else Work.without_parts
    return from_page(page, after, node, lambda w: w.work.id)


async def researchers_of(
    info: Info, owner_id: str, first: int, after: str | None
) -> "Connection[Researcher]":
    from schema.researcher import Researcher

    page = await resolve_nodes.researchers_of(info.context, owner_id, first, after)
    return from_page(page, after, Researcher.of, lambda r: r.id)
