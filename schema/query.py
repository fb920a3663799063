import strawberry

from resolvers import researchers as resolve
from resolvers.context import Context
from resolvers.paging import encode_cursor
from schema.connection import Connection, Edge, connection
from schema.researcher import Researcher

Info = strawberry.Info[Context, None]


@strawberry.type
class Query:
    @strawberry.field(description="A researcher by id; null when no researcher has that id.")
    async def researcher(self, info: Info, id: strawberry.ID) -> Researcher | None:
        row = await resolve.researcher(info.context, id)
        return Researcher.of(row) if row else None

    @strawberry.field(
        description="Researchers whose names match every word of `search`, each word also as a "
        'prefix ("jia" finds Jian Jiao); best match first.'
    )
    async def researchers(
        self, info: Info, search: str, first: int = 20, after: str | None = None
    ) -> Connection[Researcher]:
        hits, has_next = await resolve.search(info.context, search, first, after)
        edges = [
            Edge(cursor=encode_cursor(h.score, h.row.id), node=Researcher.of(h.row)) for h in hits
        ]
        return connection(edges, has_next, after, total=None)
