from typing import TYPE_CHECKING, Annotated

import strawberry

from model.graph import TopicRow
from resolvers import nodes as resolve_nodes
from resolvers.context import Context
from schema import lists
from schema.connection import Connection
from schema.enums import WorkOrder
from schema.node import Node

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work

Info = strawberry.Info[Context, None]
LazyWork = Annotated["Work", strawberry.lazy("schema.work")]
LazyResearcher = Annotated["Researcher", strawberry.lazy("schema.researcher")]


@strawberry.type
class TopicCounts:
    works: int


@strawberry.type
class Topic(Node):
    name: str
    subfield: str | None
    field: str | None
    domain: str | None

    @classmethod
    def of(cls, row: TopicRow) -> "Topic":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            subfield=row.subfield,
            field=row.field,
            domain=row.domain,
        )

    @strawberry.field
    async def counts(self, info: Info) -> TopicCounts:
        return TopicCounts(works=(await resolve_nodes.counts(info.context, self.id)).works)

    @strawberry.field(description="The works carrying this topic, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.YEAR_DESC,
    ) -> Connection[LazyWork]:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(
        description="Authors of the topic's works, ranked by how many they wrote; for a topic "
        "with more than 2,000 works, ranked over the first 2,000 the store holds. "
        "totalCount is null."
    )
    async def researchers(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection[LazyResearcher]:
        return await lists.researchers_of(info, self.id, first, after)
