from typing import TYPE_CHECKING, Annotated

import strawberry

from model.graph import TopicRow
from resolvers import nodes as resolve_nodes
from resolvers.context import Context
from schema import lists
from schema.connection import After, Connection, First
from schema.enums import WorkOrder
from schema.lists import Order
from schema.node import Entity

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work

Info = strawberry.Info[Context, None]
LazyWork = Annotated["Work", strawberry.lazy("schema.work")]
LazyResearcher = Annotated["Researcher", strawberry.lazy("schema.researcher")]


@strawberry.type(description="How much of the graph carries a topic.")
class TopicCounts:
    works: int = strawberry.field(description="Works carrying the topic.")


@strawberry.type(
    description="A research topic from OpenAlex's classification, which places it in a "
    "subfield, a field and a domain."
)
class Topic(Entity):
    name: str = strawberry.field(description="The topic's display name.")
    subfield: str | None = strawberry.field(description="The subfield the topic belongs to.")
    field: str | None = strawberry.field(description="The field its subfield belongs to.")
    domain: str | None = strawberry.field(description="The domain its field belongs to.")

    @classmethod
    def of(cls, row: TopicRow) -> "Topic":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            subfield=row.subfield,
            field=row.field,
            domain=row.domain,
        )

    @strawberry.field(description="How many works the graph links to it.")
    async def counts(self, info: Info) -> TopicCounts:
        return TopicCounts(works=(await resolve_nodes.counts(info.context, self.id)).works)

    @strawberry.field(description="The works carrying this topic, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        order_by: Order = WorkOrder.YEAR_DESC,
    ) -> Connection[LazyWork]:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(
        description="Authors of the topic's works, ranked by how many they wrote; for a topic "
        "with more than 2,000 works, ranked over the first 2,000 the store holds. "
        "totalCount is null."
    )
    async def researchers(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[LazyResearcher]:
        return await lists.researchers_of(info, self.id, first, after)
