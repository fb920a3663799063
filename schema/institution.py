from typing import TYPE_CHECKING, Annotated

import strawberry

from model.graph import InstitutionRow
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
class InstitutionCounts:
    works: int = strawberry.field(description="Works stating the institution on an authorship.")
    researchers: int = strawberry.field(
        description="Researchers affiliated with it, past or current."
    )


@strawberry.type
class Institution(Node):
    name: str
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: str | None = strawberry.field(
        description="OpenAlex institution type (education, company, ...)."
    )

    @classmethod
    def of(cls, row: InstitutionRow) -> "Institution":
        return cls(id=strawberry.ID(row.id), name=row.name, country=row.country, type=row.type)

    @strawberry.field
    async def counts(self, info: Info) -> InstitutionCounts:
        row = await resolve_nodes.counts(info.context, self.id)
        return InstitutionCounts(works=row.works, researchers=row.researchers or 0)

    @strawberry.field(description="Works stating this institution, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.YEAR_DESC,
    ) -> Connection[LazyWork]:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(
        description="Researchers affiliated with the institution, current ones first (ranked "
        "within the first 2,000 affiliations read, so a hub institution stays cheap). "
        "totalCount is null: see counts.researchers."
    )
    async def researchers(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection[LazyResearcher]:
        return await lists.researchers_of(info, self.id, first, after)
