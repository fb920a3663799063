from enum import Enum

import strawberry

from loaders.researchers import CLOSE_MIN_SHARED
from loaders.rows import CountsRow, ResearcherRow
from resolvers import researchers as resolve
from resolvers.context import Context
from schema.connection import Connection, from_page
from schema.institution import Institution
from schema.node import Node
from schema.work import Work

Info = strawberry.Info[Context, None]


@strawberry.enum(description="How far a researcher record is confirmed to be one real person.")
class Verification(Enum):
    L0 = strawberry.enum_value("L0", description="A name only.")
    L1 = strawberry.enum_value("L1", description="Built from imported bibliographic records.")
    L2 = strawberry.enum_value(
        "L2", description="Claimed with matching evidence or approved by an admin."
    )
    L3 = strawberry.enum_value("L3", description="Confirmed for an institution.")


@strawberry.enum
class WorkOrder(Enum):
    YEAR_DESC = "YEAR_DESC"
    YEAR_ASC = "YEAR_ASC"
    CITED_BY_DESC = "CITED_BY_DESC"


@strawberry.type
class ResearcherCounts:
    works: int
    followers: int
    topics: int = strawberry.field(description="Distinct topics across the researcher's works.")
    close_collaborators: int = strawberry.field(
        description=f"Co-authors sharing at least {CLOSE_MIN_SHARED} works with the researcher."
    )

    @classmethod
    def of(cls, row: CountsRow) -> "ResearcherCounts":
        return cls(
            works=row.works,
            followers=row.followers,
            topics=row.topics,
            close_collaborators=row.close_collaborators,
        )


@strawberry.type
class Researcher(Node):
    name: str
    description: str | None
    open_to_collaborate: bool
    verification: Verification
    claimed: bool = strawberry.field(description="Whether a signed-in user owns this record.")
    orcid: str | None
    cited_by_count: int | None = strawberry.field(description="Total citations, where imported.")
    h_index: int | None = strawberry.field(description="h-index, where imported.")
    affiliation: Institution | None = strawberry.field(
        description="The current affiliation; null when none was imported."
    )

    @classmethod
    def of(cls, row: ResearcherRow) -> "Researcher":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            description=row.description,
            open_to_collaborate=row.open_to_collaborate,
            verification=Verification(row.verification),
            claimed=row.claimed,
            orcid=row.orcid,
            cited_by_count=row.cited_by_count,
            h_index=row.h_index,
            affiliation=Institution.of(row.affiliation) if row.affiliation else None,
        )

    @strawberry.field
    async def counts(self, info: Info) -> ResearcherCounts:
        return ResearcherCounts.of(await resolve.counts(info.context, self.id))

    @strawberry.field(description="The researcher's works, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.YEAR_DESC,
    ) -> Connection[Work]:
        page = await resolve.works(info.context, self.id, first, after, order_by.value)
        return from_page(page, after, Work.of, lambda w: w.id)
