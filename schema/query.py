from typing import Annotated

import strawberry

from resolvers import explorer as resolve_explorer
from resolvers import nodes as resolve_nodes
from resolvers import paths as resolve_paths
from resolvers import researchers as resolve_researchers
from resolvers import works as resolve_works
from resolvers.authorization import signed_in
from resolvers.context import Context
from resolvers.explorer import MAX_LIMIT
from resolvers.ids import expect
from resolvers.nodes import MAX_IDS
from resolvers.paths import MAX_HOPS
from resolvers.search import MAX_SEARCH_LENGTH, MAX_TERMS, SEARCH_DEPTH
from schema.connection import After, Connection, First, from_page
from schema.entities import as_node
from schema.enums import NodeKind
from schema.explorer import Explorer
from schema.institution import Institution
from schema.node import Node
from schema.paths import PathStep
from schema.researcher import Researcher
from schema.topic import Topic
from schema.viewer import Viewer
from schema.work import Work

Info = strawberry.Info[Context, None]


ResearcherId = Annotated[strawberry.ID, strawberry.argument(description="A researcher id (A…).")]
WorkId = Annotated[strawberry.ID, strawberry.argument(description="A work id (W…).")]
TopicId = Annotated[strawberry.ID, strawberry.argument(description="A topic id (T…).")]
InstitutionId = Annotated[strawberry.ID, strawberry.argument(description="An institution id (I…).")]


Search = Annotated[
    str,
    strawberry.argument(
        description=f"Words to look for (at most {MAX_SEARCH_LENGTH} characters; the first "
        f"{MAX_TERMS} words count, punctuation is ignored)."
    ),
]


@strawberry.type(description="Reading the research graph; only viewer needs a sign-in.")
class Query:
    @strawberry.field(description="The signed-in user; null when the request carries no token.")
    def viewer(self, info: Info) -> Viewer | None:
        auth = info.context.auth
        if auth.user is None and auth.problem is None:
            return None
        user = signed_in(info.context)  # a refused token is an error, not an anonymous viewer
        return Viewer(id=strawberry.ID(user.id), email=user.email, admin=user.admin)

    @strawberry.field(
        description="Any node by id; null when nothing has that id, or when it is a claim or an "
        "invitation that does not concern you."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="Any id the API gave."),
        ],
    ) -> Node | None:
        return as_node(await resolve_nodes.node(info.context, id))

    @strawberry.field(description="Nodes by id, in the order asked (null where none); at most 100.")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"Up to {MAX_IDS} node ids, of any kinds."),
        ],
    ) -> list[Node | None]:
        return [as_node(row) for row in await resolve_nodes.nodes(info.context, list(ids))]

    @strawberry.field(description="A researcher by id; null when no researcher has that id.")
    async def researcher(self, info: Info, id: ResearcherId) -> Researcher | None:
        row = await resolve_researchers.researcher(info.context, id)
        return Researcher.of(row) if row else None

    @strawberry.field(description="A work by id; null when no work has that id.")
    async def work(self, info: Info, id: WorkId) -> Work | None:
        row = await info.context.loaders.work.load(expect("id", id, "Work"))
        return Work.of(row) if row else None

    @strawberry.field(description="A topic by id; null when no topic has that id.")
    async def topic(self, info: Info, id: TopicId) -> Topic | None:
        row = await info.context.loaders.topic.load(expect("id", id, "Topic"))
        return Topic.of(row) if row else None

    @strawberry.field(description="An institution by id; null when no institution has that id.")
    async def institution(self, info: Info, id: InstitutionId) -> Institution | None:
        row = await info.context.loaders.institution.load(expect("id", id, "Institution"))
        return Institution.of(row) if row else None

    @strawberry.field(
        description="Researchers whose names match every word of `search`, each word also as a "
        'prefix ("jia" finds Jian Jiao); best match first, through the '
        f"{SEARCH_DEPTH:,} best matches (refine the words to reach others). totalCount is null."
    )
    async def researchers(
        self, info: Info, search: Search, first: First = 20, after: After = None
    ) -> Connection[Researcher]:
        page = await resolve_researchers.search(info.context, search, first, after)
        return from_page(page, after, Researcher.of, lambda r: r.id)

    @strawberry.field(
        description="Works whose titles match every word of `search`, each word also as a "
        "prefix; best match first, through the "
        f"{SEARCH_DEPTH:,} best matches (refine the words to reach others). totalCount is null."
    )
    async def works(
        self, info: Info, search: Search, first: First = 20, after: After = None
    ) -> Connection[Work]:
        page = await resolve_works.search(info.context, search, first, after)
        return from_page(page, after, Work.of, lambda w: w.id)

    @strawberry.field(
        description="How am I connected? The shortest chain of co-authored works from one "
        "researcher to another, at most `maxHops` works long (1..6); null when there is none, "
        "or none found within the search budget (a two-sided search reading at most 10,000 "
        "co-authorships, so a hub costs what anyone does)."
    )
    async def connection_path(
        self,
        info: Info,
        from_: Annotated[
            strawberry.ID,
            strawberry.argument(name="from", description="The researcher the chain starts at."),
        ],
        to: Annotated[
            strawberry.ID, strawberry.argument(description="The researcher the chain ends at.")
        ],
        max_hops: Annotated[
            int,
            strawberry.argument(
                description=f"The most co-authored works the chain may pass through, 1 to "
                f"{MAX_HOPS}: 1 finds only direct co-authors."
            ),
        ] = 4,
    ) -> list[PathStep] | None:
        steps = await resolve_paths.connection_path(info.context, from_, to, max_hops)
        return [PathStep.of(s) for s in steps] if steps is not None else None

    @strawberry.field(
        description="The research-graph slice around any node: at most `limit` nodes (1..100, "
        "the centre included) of the given kinds, and the edges among them. Null when the "
        "centre does not exist."
    )
    async def explorer(
        self,
        info: Info,
        center: Annotated[
            strawberry.ID,
            strawberry.argument(description="The id of the centre node, of any kind."),
        ],
        limit: Annotated[
            int,
            strawberry.argument(
                description=f"The most nodes to return, 1 to {MAX_LIMIT}, the centre included."
            ),
        ] = 50,
        kinds: Annotated[
            list[NodeKind] | None,
            strawberry.argument(
                description="The kinds of node to show besides the centre; null for all four."
            ),
        ] = None,
    ) -> Explorer | None:
        wanted = [k.value for k in kinds] if kinds is not None else None
        row = await resolve_explorer.explorer(info.context, center, limit, wanted)
        return Explorer.of(center, row) if row else None
