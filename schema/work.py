from typing import TYPE_CHECKING, Annotated

import strawberry

from loaders.rows import AuthorshipRow, WorkRow, WorkTopicRow
from resolvers import works as resolve
from resolvers.context import Context
from schema.node import Node
from schema.topic import Topic

if TYPE_CHECKING:
    from schema.researcher import Researcher

Info = strawberry.Info[Context, None]


@strawberry.type
class Authorship:
    position: int = strawberry.field(description="1 for the first author, in the work's order.")
    author_position: str | None = strawberry.field(description="OpenAlex's first, middle or last.")
    raw_name: str | None = strawberry.field(description="The name as printed on the work.")
    corresponding: bool
    _row: strawberry.Private[AuthorshipRow]

    @strawberry.field
    def researcher(self) -> Annotated["Researcher", strawberry.lazy("schema.researcher")]:
        from schema.researcher import Researcher

        return Researcher.of(self._row.researcher)

    @classmethod
    def of(cls, row: AuthorshipRow) -> "Authorship":
        return cls(
            position=row.position,
            author_position=row.author_position,
            raw_name=row.raw_name,
            corresponding=row.corresponding,
            _row=row,
        )


@strawberry.type
class WorkTopic:
    score: float | None = strawberry.field(
        description="How strongly the work is about the topic, 0..1."
    )
    topic: Topic

    @classmethod
    def of(cls, row: WorkTopicRow) -> "WorkTopic":
        return cls(score=row.score, topic=Topic.of(row.topic))


@strawberry.type
class Work(Node):
    title: str | None
    abstract: str | None
    year: int | None
    type: str | None = strawberry.field(description="OpenAlex work type: article, preprint, ...")
    venue: str | None
    doi: str | None
    arxiv_id: str | None
    cited_by_count: int | None

    @strawberry.field(description="The authors in the order the work lists them.")
    async def authors(self, info: Info) -> list[Authorship]:
        return [Authorship.of(a) for a in await resolve.authors(info.context, self.id)]

    @strawberry.field(description="The work's topics, best score first.")
    async def topics(self, info: Info) -> list[WorkTopic]:
        return [WorkTopic.of(t) for t in await resolve.topics(info.context, self.id)]

    @classmethod
    def of(cls, row: WorkRow) -> "Work":
        return cls(
            id=strawberry.ID(row.id),
            title=row.title,
            abstract=row.abstract,
            year=row.year,
            type=row.type,
            venue=row.venue,
            doi=row.doi,
            arxiv_id=row.arxiv_id,
            cited_by_count=row.cited_by_count,
        )
