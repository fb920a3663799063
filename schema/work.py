from collections.abc import Awaitable
from typing import TYPE_CHECKING, Annotated

import strawberry

from model.graph import AuthorshipRow, RelatedWorkRow, WorkRow, WorkTopicRow, WorkWithParts
from resolvers import works as resolve
from resolvers.context import Context
from resolvers.paging import MAX_FIRST, check_first
from resolvers.works import DEFAULT_AUTHORS
from schema.enums import AuthorPosition, WorkType, known
from schema.institution import Institution
from schema.node import Entity
from schema.topic import Topic

if TYPE_CHECKING:
    from schema.researcher import Researcher

Info = strawberry.Info[Context, None]

AuthorsFirst = Annotated[
    int, strawberry.argument(description=f"How many authors to return, 0 to {MAX_FIRST}.")
]
AuthorsAfter = Annotated[
    int | None,
    strawberry.argument(
        description="Start after the author at this position (the last `position` of the "
        "previous page); null for the first author."
    ),
]


@strawberry.type(description="One author of a work, as the work states them.")
class Authorship:
    position: int = strawberry.field(description="1 for the first author, in the work's order.")
    author_position: AuthorPosition | None = strawberry.field(
        description="Where the author stands in the list, as OpenAlex gives it."
    )
    raw_name: str | None = strawberry.field(description="The name as printed on the work.")
    corresponding: bool = strawberry.field(
        description="Whether the work names this author as a corresponding author."
    )
    institution_ids: list[strawberry.ID] = strawberry.field(
        description="The ids of the institutions the work states for this author.",
        deprecation_reason="Use `institutions { id }`: the same, as objects a client cache "
        "can normalise. Kept until the next release.",
    )
    researcher: Annotated["Researcher", strawberry.lazy("schema.researcher")] = strawberry.field(
        description="The author's researcher record."
    )

    @strawberry.field(
        description="The institutions the work states for this author, in its order (one "
        "batched statement for every authorship of the request)."
    )
    async def institutions(self, info: Info) -> list[Institution]:
        rows = await resolve.institutions(info.context, [str(i) for i in self.institution_ids])
        return [Institution.of(r) for r in rows]

    @classmethod
    def of(cls, row: AuthorshipRow) -> "Authorship":
        # Built here, not by a resolver: a plain attribute completes without graphql-core's
        # generic path (schema/execution.py), and a page shows hundreds of authorships.
        from schema.researcher import Researcher

        return cls(
            position=row.position,
            author_position=known(AuthorPosition, row.author_position),
            raw_name=row.raw_name,
            corresponding=row.corresponding,
            institution_ids=[strawberry.ID(i) for i in row.institution_ids],
            researcher=Researcher.of(row.researcher),
        )


@strawberry.type(description="A topic a work carries.")
class WorkTopic:
    score: float | None = strawberry.field(
        description="How strongly the work is about the topic, 0..1."
    )
    topic: Topic = strawberry.field(description="The topic.")

    @classmethod
    def of(cls, row: WorkTopicRow) -> "WorkTopic":
        return cls(score=row.score, topic=Topic.of(row.topic))


@strawberry.type(description="A work related to another, and how closely.")
class RelatedWork:
    score: int = strawberry.field(description="3 points per shared author, 1 per shared topic.")
    work: "Work" = strawberry.field(description="The related work.")

    @classmethod
    def of(cls, row: RelatedWorkRow) -> "RelatedWork":
        return cls(score=row.score, work=Work.of(row.work))


@strawberry.type(
    description="A publication, imported from an OpenAlex work record. A work only cited by "
    "imported ones, not imported itself, has its id and nothing else."
)
class Work(Entity):
    title: str | None = strawberry.field(
        description="The title; null for a work only cited, not imported."
    )
    abstract: str | None = strawberry.field(
        description="The abstract, rebuilt from OpenAlex's inverted index; null when none."
    )
    year: int | None = strawberry.field(description="The publication year.")
    type: WorkType | None = strawberry.field(description="The work's type, as OpenAlex gives it.")
    venue: str | None = strawberry.field(
        description="The name of the primary source: journal, conference or repository."
    )
    doi: str | None = strawberry.field(description="The DOI, as a https://doi.org/ URL.")
    arxiv_id: str | None = strawberry.field(
        description="The arXiv id, from an arXiv DOI (10.48550) or an arxiv.org landing page."
    )
    cited_by_count: int | None = strawberry.field(
        description="Citations as the source counts them, over every work it indexes (OpenAlex "
        "cited_by_count): the figure to show a reader, and the one CITED_BY_DESC sorts by. "
        "Null for a work only cited, not imported. citationCount counts only the citing works "
        "imported here, so it is at most this, and lower for a partial import."
    )
    # The authors and topics, when the statement that found the work brought them (a page of
    # works does); otherwise the fields below load them, batched.
    _parts: strawberry.Private[WorkWithParts | None] = None

    @classmethod
    def of(cls, row: WorkRow, parts: WorkWithParts | None = None) -> "Work":
        return cls(
            id=strawberry.ID(row.id),
            title=row.title,
            abstract=row.abstract,
            year=row.year,
            type=known(WorkType, row.type),
            venue=row.venue,
            doi=row.doi,
            arxiv_id=row.arxiv_id,
            cited_by_count=row.cited_by_count,
            _parts=parts,
        )

    @classmethod
    def with_parts(cls, parts: WorkWithParts) -> "Work":
        return cls.of(parts.work, parts)

    @classmethod
    def without_parts(cls, parts: WorkWithParts) -> "Work":
        return cls.of(parts.work)

    # Not `async`: with the parts at hand the lists are answered at once, without a task and
    # a loader round per work; without them the awaitable returned is awaited by graphql-core.
    @strawberry.field(
        description=f"The authors in the order the work lists them: the first `first` (default "
        f"{DEFAULT_AUTHORS}) after position `after`. A collaboration can list thousands: "
        "authorCount says how many there are, and the next ones come with `after` set to the "
        "last position shown.",
        graphql_type=list[Authorship],
    )
    def authors(
        self, info: Info, first: AuthorsFirst = DEFAULT_AUTHORS, after: AuthorsAfter = None
    ) -> list[Authorship] | Awaitable[list[Authorship]]:
        parts = self._parts
        # The page of works brought the first DEFAULT_AUTHORS, or all of them if fewer.
        if (
            parts is not None
            and after is None
            and (first <= len(parts.authors) or len(parts.authors) >= parts.author_count)
        ):
            return [Authorship.of(a) for a in parts.authors[: check_first(first)]]
        return self.load_authors(info, first, after)

    @strawberry.field(
        description="How many authors the work lists (authors gives them a page at a time).",
        graphql_type=int,
    )
    def author_count(self, info: Info) -> int | Awaitable[int]:
        if self._parts is not None:
            return self._parts.author_count
        return resolve.author_count(info.context, self.id)

    @strawberry.field(
        description="The work's topics, best score first.", graphql_type=list[WorkTopic]
    )
    def topics(self, info: Info) -> list[WorkTopic] | Awaitable[list[WorkTopic]]:
        if self._parts is not None:
            return [WorkTopic.of(t) for t in self._parts.topics]
        return self.load_topics(info)

    async def load_authors(self, info: Info, first: int, after: int | None) -> list[Authorship]:
        page = await resolve.authors(info.context, self.id, first, after)
        return [Authorship.of(e.row) for e in page.entries]

    async def load_topics(self, info: Info) -> list[WorkTopic]:
        return [WorkTopic.of(t) for t in await resolve.topics(info.context, self.id)]

    @strawberry.field(
        description="How many works this work cites that this graph knows (its outgoing CITES "
        "relationships, to imported works and to works only cited)."
    )
    async def reference_count(self, info: Info) -> int:
        return (await resolve.citation_counts(info.context, self.id)).references

    @strawberry.field(
        description="How many works imported into this graph cite this work (its incoming "
        "CITES relationships): the figure for analyses within the graph, and for paths through "
        "it. citedByCount is the source's own count, over every work it indexes: show that one "
        "to a reader."
    )
    async def citation_count(self, info: Info) -> int:
        return (await resolve.citation_counts(info.context, self.id)).citations

    @strawberry.field(
        description="Works sharing authors (3 points each) or topics (1 point each), best first; "
        "a topic lends at most 500 of its works, and so do at most 500 of its authors, so hubs "
        "stay cheap."
    )
    async def related_works(
        self,
        info: Info,
        first: Annotated[
            int, strawberry.argument(description=f"How many to return, 0 to {MAX_FIRST}.")
        ] = 10,
    ) -> list[RelatedWork]:
        return [RelatedWork.of(r) for r in await resolve.related(info.context, self.id, first)]
