import strawberry

from model.aggregates import CLOSE_MIN_SHARED, MAX_PAIR_AUTHORS
from model.graph import AffiliationRow, CoauthorRow, CountsRow, ResearcherRow, TopicShareRow
from resolvers import researchers as resolve
from resolvers import social as resolve_social
from resolvers.context import Context
from schema import lists
from schema.connection import Connection, from_page
from schema.enums import Verification, WorkOrder
from schema.institution import Institution
from schema.node import Node
from schema.topic import Topic
from schema.trust import Identity, Trust
from schema.work import Work

Info = strawberry.Info[Context, None]


@strawberry.type(description="Computed from the graph; each count costs only when asked for.")
class ResearcherCounts:
    researcher_id: strawberry.Private[str]
    # Read with the researcher when it was loaded by id; otherwise one statement for them all.
    known: strawberry.Private[CountsRow | None] = None

    async def _counts(self, info: Info) -> CountsRow:
        return self.known or await resolve.counts(info.context, self.researcher_id)

    @strawberry.field
    async def works(self, info: Info) -> int:
        return (await self._counts(info)).works

    @strawberry.field
    async def followers(self, info: Info) -> int:
        return (await self._counts(info)).followers

    @strawberry.field(description="Distinct topics across the researcher's works.")
    async def topics(self, info: Info) -> int:
        return (await self._counts(info)).topics

    @strawberry.field(
        description=f"Co-authors sharing at least {CLOSE_MIN_SHARED} works with the researcher "
        f"(works of at most {MAX_PAIR_AUTHORS} authors)."
    )
    async def close_collaborators(self, info: Info) -> int:
        return (await self._counts(info)).close_coauthors


@strawberry.type
class Affiliation:
    institution: Institution
    since: int | None
    until: int | None
    current: bool

    @classmethod
    def of(cls, row: AffiliationRow) -> "Affiliation":
        return cls(
            institution=Institution.of(row.institution),
            since=row.since,
            until=row.until,
            current=row.current,
        )


@strawberry.type
class ResearcherTopic:
    works: int = strawberry.field(description="How many of the researcher's works carry the topic.")
    topic: Topic

    @classmethod
    def of(cls, row: TopicShareRow) -> "ResearcherTopic":
        return cls(works=row.works, topic=Topic.of(row.topic))


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
    _row: strawberry.Private[ResearcherRow]

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
            _row=row,
        )

    @strawberry.field(description="Whether the signed-in user follows this researcher.")
    async def viewer_follows(self, info: Info) -> bool:
        return await resolve_social.viewer_follows(info.context, self.id)

    @strawberry.field
    async def trust(self, info: Info) -> Trust:
        return Trust.of(await resolve.trust_score(info.context, self._row))

    @strawberry.field
    async def identity(self, info: Info) -> Identity:
        return Identity.of(await resolve.identity(info.context, self.id))

    @strawberry.field
    def counts(self) -> ResearcherCounts:
        return ResearcherCounts(researcher_id=self.id, known=self._row.counts)

    @strawberry.field(description="Earlier affiliations, the most recent first.")
    async def past_affiliations(self, info: Info) -> list[Affiliation]:
        return [Affiliation.of(a) for a in await resolve.past_affiliations(info.context, self.id)]

    @strawberry.field(description="The researcher's works, keyset-paged.")
    async def works(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.YEAR_DESC,
    ) -> Connection[Work]:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(description="Topics of the researcher's works, the most frequent first.")
    async def topics(self, info: Info, first: int = 10) -> list[ResearcherTopic]:
        return [ResearcherTopic.of(t) for t in await resolve.topics(info.context, self.id, first)]

    @strawberry.field(
        description="Co-authors ranked by shared works, then by the year of the latest one; "
        f"works of more than {MAX_PAIR_AUTHORS} authors make no co-authors here."
    )
    async def coauthors(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection["Coauthor"]:
        page = await resolve.coauthors(info.context, self.id, first, after)
        return from_page(page, after, Coauthor.of, lambda c: c.researcher.id)

    @strawberry.field(
        description=f"Co-authors sharing at least {CLOSE_MIN_SHARED} works of at most "
        f"{MAX_PAIR_AUTHORS} authors, ranked by shared works, then by the year of the latest one."
    )
    async def close_collaborators(self, info: Info, first: int = 4) -> list["Coauthor"]:
        rows = await resolve.close_collaborators(info.context, self.id, first)
        return [Coauthor.of(r) for r in rows]


@strawberry.type
class Coauthor:
    shared_works: int
    latest_year: int | None = strawberry.field(description="Year of the latest shared work.")
    researcher: Researcher

    @classmethod
    def of(cls, row: CoauthorRow) -> "Coauthor":
        return cls(
            shared_works=row.shared_works,
            latest_year=row.latest_year or None,
            researcher=Researcher.of(row.researcher),
        )
