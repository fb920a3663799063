from typing import Annotated

import strawberry

from model.aggregates import CLOSE_MIN_SHARED, MAX_PAIR_AUTHORS
from model.graph import AffiliationRow, CoauthorRow, CountsRow, ResearcherRow, TopicShareRow
from model.paging import Page
from resolvers import researchers as resolve
from resolvers import social as resolve_social
from resolvers.authorization import is_owner, may_claim, may_follow, may_invite, may_split
from resolvers.context import Context
from resolvers.paging import MAX_FIRST
from schema import lists
from schema.connection import After, Connection, First, PageInfo, cursored, page_info
from schema.enums import Verification, WorkOrder
from schema.institution import Institution
from schema.lists import Order
from schema.node import Entity
from schema.topic import Topic
from schema.trust import Identity, Trust
from schema.work import Work

Info = strawberry.Info[Context, None]
# What a field computed by a statement of its own says: it fails alone, and the page shows the rest.
PARTIAL = " Null when it could not be read (the response's errors say why)."
HowMany = Annotated[int, strawberry.argument(description=f"How many to return, 0 to {MAX_FIRST}.")]


@strawberry.type(description="Computed from the graph; each count costs only when asked for.")
class ResearcherCounts:
    researcher_id: strawberry.Private[str]
    # Read with the researcher when it was loaded by id; otherwise one statement for them all.
    known: strawberry.Private[CountsRow | None] = None

    async def _counts(self, info: Info) -> CountsRow:
        return self.known or await resolve.counts(info.context, self.researcher_id)

    @strawberry.field(description="Works the researcher authored in the graph, all of them.")
    async def works(self, info: Info) -> int:
        return (await self._counts(info)).works

    @strawberry.field(description="Users following the researcher.")
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


@strawberry.type(
    description="A researcher's time at an institution, imported or set by the record's owner."
)
class Affiliation:
    institution: Institution = strawberry.field(description="Where.")
    since: int | None = strawberry.field(description="The first year known; null when none is.")
    until: int | None = strawberry.field(
        description="The last year known; null while current, or when none is."
    )
    current: bool = strawberry.field(description="Whether the researcher is there now.")

    @classmethod
    def of(cls, row: AffiliationRow) -> "Affiliation":
        return cls(
            institution=Institution.of(row.institution),
            since=row.since,
            until=row.until,
            current=row.current,
        )


@strawberry.type(
    description="An author, as an OpenAlex author record and the authorships of imported works "
    "make it; a signed-in user may claim the record as theirs and edit its profile."
)
class Researcher(Entity):
    name: str = strawberry.field(description="The display name (the id when none was imported).")
    description: str | None = strawberry.field(
        description="Profile text: its owner edits it, and imports never overwrite it."
    )
    open_to_collaborate: bool = strawberry.field(
        description="Whether the researcher takes invitations to collaborate."
    )
    verification: Verification = strawberry.field(
        description="How far the record is confirmed to be one real person: L1 until claimed."
    )
    claimed: bool = strawberry.field(description="Whether a signed-in user owns this record.")
    orcid: str | None = strawberry.field(
        description="The ORCID iD as the source record gives it; null when it has none."
    )
    cited_by_count: int | None = strawberry.field(
        description="Citations of the researcher's works as the source counts them (OpenAlex "
        "cited_by_count); null where not imported."
    )
    h_index: int | None = strawberry.field(
        description="The h-index as the source computes it; null where not imported."
    )
    affiliation: Institution | None = strawberry.field(
        description="The current affiliation: the one the owner set, else the imported one "
        "begun latest; null when none."
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

    @strawberry.field(description="Whether the signed-in user follows this researcher." + PARTIAL)
    async def viewer_follows(self, info: Info) -> bool | None:
        return await resolve_social.viewer_follows(info.context, self.id)

    @strawberry.field(description="Whether you may follow: any signed-in user may.")
    def viewer_can_follow(self, info: Info) -> bool:
        return may_follow(info.context)

    @strawberry.field(
        description="Whether claimResearcher would take your claim: the record has no owner, "
        "you own none and have no claim waiting on it, and you are under the limit of claims "
        "waiting for review (an ORCID or verified email that matches claims even at that "
        "limit)." + PARTIAL
    )
    async def viewer_can_claim(self, info: Info) -> bool | None:
        return await may_claim(info.context, self.id)

    @strawberry.field(
        description="Whether inviteToCollaborate would send your invitation: the record is "
        "claimed by someone else and open to collaborate, you have no invitation waiting with "
        "it, and you are under the daily limit." + PARTIAL
    )
    async def viewer_can_invite(self, info: Info) -> bool | None:
        return await may_invite(info.context, self.id)

    @strawberry.field(
        description="Whether you own this record: you may edit it, confirm and split its works "
        "and answer its invitations." + PARTIAL
    )
    async def viewer_is_owner(self, info: Info) -> bool | None:
        if info.context.auth.user is None:
            return False
        return await is_owner(info.context, self.id)

    @strawberry.field(
        description="Whether splitResearcher would move works of this record for you: you own "
        "it, or you are an admin." + PARTIAL
    )
    async def viewer_can_split(self, info: Info) -> bool | None:
        return await may_split(info.context, self.id)

    @strawberry.field(
        description="A score of how far the record can be trusted, and why." + PARTIAL
    )
    async def trust(self, info: Info) -> Trust | None:
        return Trust.of(await resolve.trust_score(info.context, self._row))

    @strawberry.field(description="Whether the record's works look like one person's." + PARTIAL)
    async def identity(self, info: Info) -> Identity | None:
        return Identity.of(await resolve.identity(info.context, self.id))

    @strawberry.field(description="What the graph holds for the researcher, counted." + PARTIAL)
    def counts(self) -> ResearcherCounts | None:
        return ResearcherCounts(researcher_id=self.id, known=self._row.counts)

    @strawberry.field(description="Earlier affiliations, the most recent first." + PARTIAL)
    async def past_affiliations(self, info: Info) -> list[Affiliation] | None:
        return [Affiliation.of(a) for a in await resolve.past_affiliations(info.context, self.id)]

    @strawberry.field(description="The researcher's works, keyset-paged." + PARTIAL)
    async def works(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        order_by: Order = WorkOrder.YEAR_DESC,
    ) -> Connection[Work] | None:
        return await lists.works_of(info, self.id, first, after, order_by)

    @strawberry.field(
        description="The topics of the researcher's works, the most frequent first (then by "
        "topic id), keyset-paged; read from the stored shares, so a page costs what the "
        "researcher's topics do, never its works." + PARTIAL
    )
    async def topics(
        self, info: Info, first: First = 10, after: After = None
    ) -> "ResearcherTopicConnection | None":
        return ResearcherTopicConnection.of(
            await resolve.topics(info.context, self.id, first, after), after
        )

    @strawberry.field(
        description="Co-authors ranked by shared works, then by the year of the latest one; "
        f"works of more than {MAX_PAIR_AUTHORS} authors make no co-authors here." + PARTIAL
    )
    async def coauthors(
        self, info: Info, first: First = 20, after: After = None
    ) -> "CoauthorConnection | None":
        page = await resolve.coauthors(info.context, self.id, first, after)
        return CoauthorConnection.of(page, after)

    @strawberry.field(
        description=f"Co-authors sharing at least {CLOSE_MIN_SHARED} works of at most "
        f"{MAX_PAIR_AUTHORS} authors, ranked by shared works, then by the year of the latest one."
        + PARTIAL
    )
    async def close_collaborators(self, info: Info, first: HowMany = 4) -> list["Coauthor"] | None:
        rows = await resolve.close_collaborators(info.context, self.id, first)
        return [Coauthor.of(r) for r in rows]


@strawberry.type(
    description="A close collaborator of a researcher, and what they share (closeCollaborators; "
    "the full list, paged, is `coauthors`)."
)
class Coauthor:
    shared_works: int = strawberry.field(
        description=f"Works both authored, counting works of at most {MAX_PAIR_AUTHORS} authors."
    )
    latest_year: int | None = strawberry.field(
        description="Year of the latest shared work; null when none has a year."
    )
    researcher: Researcher = strawberry.field(description="The co-author.")

    @classmethod
    def of(cls, row: CoauthorRow) -> "Coauthor":
        return cls(
            shared_works=row.shared_works,
            latest_year=row.latest_year or None,
            researcher=Researcher.of(row.researcher),
        )


@strawberry.type(
    description="A co-author in a researcher's co-author list: the co-author is the node, and "
    "what the two share sits on the edge (it is a fact of the pair, not of either)."
)
class CoauthorEdge:
    cursor: str = strawberry.field(
        description="An opaque keyset cursor: pass it as `after` to the same list to read on."
    )
    node: Researcher = strawberry.field(description="The co-author.")
    shared_works: int = strawberry.field(
        description=f"Works both authored, counting works of at most {MAX_PAIR_AUTHORS} authors."
    )
    latest_year: int | None = strawberry.field(
        description="Year of the latest shared work; null when none has a year."
    )


@strawberry.type(description="One page of a researcher's co-authors, keyset-paged.")
class CoauthorConnection:
    total_count: int = strawberry.field(description="How many co-authors the researcher has.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more items follow.")
    edges: list[CoauthorEdge] = strawberry.field(
        description="The co-authors of this page, in order, with what each shares."
    )
    nodes: list[Researcher] = strawberry.field(
        description="The edges' co-authors, in the same order, without what they share."
    )

    @classmethod
    def of(cls, page: Page[CoauthorRow], after: str | None) -> "CoauthorConnection":
        edges = [
            CoauthorEdge(
                cursor=cursor,
                node=Researcher.of(row.researcher),
                shared_works=row.shared_works,
                latest_year=row.latest_year or None,
            )
            for cursor, row in cursored(page, lambda c: c.researcher.id)
        ]
        return cls(
            total_count=page.total or 0,
            page_info=page_info([e.cursor for e in edges], page.has_next, after),
            edges=edges,
            nodes=[e.node for e in edges],
        )


@strawberry.type(
    description="A topic of a researcher's works: the topic is the node, and how many of the "
    "researcher's works carry it sits on the edge (a fact of the pair)."
)
class ResearcherTopicEdge:
    cursor: str = strawberry.field(
        description="An opaque keyset cursor: pass it as `after` to the same list to read on."
    )
    node: Topic = strawberry.field(description="The topic.")
    works: int = strawberry.field(description="How many of the researcher's works carry it.")


@strawberry.type(description="One page of a researcher's topics, the most frequent first.")
class ResearcherTopicConnection:
    total_count: int = strawberry.field(description="How many topics the researcher's works carry.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more items follow.")
    edges: list[ResearcherTopicEdge] = strawberry.field(
        description="The topics of this page, in order, with how many works carry each."
    )
    nodes: list[Topic] = strawberry.field(description="The edges' topics, in the same order.")

    @classmethod
    def of(cls, page: Page[TopicShareRow], after: str | None) -> "ResearcherTopicConnection":
        edges = [
            ResearcherTopicEdge(cursor=cursor, node=Topic.of(row.topic), works=row.works)
            for cursor, row in cursored(page, lambda t: t.topic.id)
        ]
        return cls(
            total_count=page.total or 0,
            page_info=page_info([e.cursor for e in edges], page.has_next, after),
            edges=edges,
            nodes=[e.node for e in edges],
        )


async def load_researcher(info: Info, researcher_id: str) -> Researcher | None:
    row = await info.context.loaders.researcher.load(researcher_id)
    return Researcher.of(row) if row else None
