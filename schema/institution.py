from typing import TYPE_CHECKING, Annotated

import strawberry

from model.graph import InstitutionRow
from resolvers import nodes as resolve_nodes
from resolvers.context import Context
from schema import lists
from schema.connection import After, Connection, First
from schema.enums import InstitutionType, WorkOrder, known
from schema.lists import Order
from schema.node import Entity

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work

Info = strawberry.Info[Context, None]
LazyWork = Annotated["Work", strawberry.lazy("schema.work")]
LazyResearcher = Annotated["Researcher", strawberry.lazy("schema.researcher")]


@strawberry.type(description="How much of the graph meets an institution.")
class InstitutionCounts:
    works: int = strawberry.field(description="Works stating the institution on an authorship.")
    researchers: int = strawberry.field(
        description="Researchers affiliated with it, past or current."
    )


@strawberry.type(
    description="An institution (university, company, ...) from OpenAlex, stated on authorships "
    "and in researchers' affiliations."
)
class Institution(Entity):
    name: str = strawberry.field(description="The institution's display name.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: InstitutionType | None = strawberry.field(
        description="The institution's type; null when the source gives none."
    )

    @classmethod
    def of(cls, row: InstitutionRow) -> "Institution":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            country=row.country,
            type=known(InstitutionType, row.type),
        )

    @strawberry.field(description="How many works and researchers the graph links to it.")
    async def counts(self, info: Info) -> InstitutionCounts:
        row = await resolve_nodes.counts(info.context, self.id)
        return InstitutionCounts(works=row.works, researchers=row.researchers or 0)

    @strawberry.field(description="Works stating this institution, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        order_by: Order = WorkOrder.YEAR_DESC,
    ) -> Connection[LazyWork]:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(
        description="Researchers affiliated with the institution, current ones first (ranked "
        "within the first 2,000 affiliations read, so a hub institution stays cheap). "
        "totalCount is null: see counts.researchers."
    )
    async def researchers(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[LazyResearcher]:
        return await lists.researchers_of(info, self.id, first, after)
