import strawberry

from model.explorer import ExplorerEdgeRow, ExplorerNodeRow, ExplorerRow
from resolvers import nodes as resolve_nodes
from resolvers.context import Context
from schema.entities import as_node
from schema.enums import EdgeKind, NodeKind
from schema.node import Node

Info = strawberry.Info[Context, None]


@strawberry.type(
    description="A node's place in an explorer slice. It has no id of its own: its weight is "
    "relative to the slice's centre, so a client cache keeps it inside its slice, and the node "
    "itself (`node`) under the node's own id."
)
class ExplorerNode:
    node_id: strawberry.ID = strawberry.field(
        description="The node's id (Node.id): what the slice's edges name as source and target."
    )
    kind: NodeKind = strawberry.field(description="What the node is.")
    label: str = strawberry.field(
        description="Its name (a work's title); the id when it has neither."
    )
    weight: float = strawberry.field(
        description="Relevance to the centre, 0..1: the score it was ranked by, divided by the "
        "best score of its kind (the best of each kind, and the centre, weigh 1)."
    )

    @strawberry.field(
        description="The node itself, read when asked (one batched statement per kind asked "
        "for); null only when it was deleted after the slice was read."
    )
    async def node(self, info: Info) -> Node | None:
        return as_node(await resolve_nodes.node(info.context, self.node_id))

    @classmethod
    def of(cls, row: ExplorerNodeRow) -> "ExplorerNode":
        return cls(
            node_id=strawberry.ID(row.id),
            kind=NodeKind(row.kind),
            label=row.label,
            weight=row.weight,
        )


@strawberry.type(
    description="A link between two nodes of an explorer slice. Each kind runs one way (EdgeKind "
    "says which), whichever end is the centre."
)
class ExplorerEdge:
    source: strawberry.ID = strawberry.field(
        description="Where the link starts: the researcher of AUTHORED, the citing work of "
        "CITES, the centre for a link between two nodes of one kind (EdgeKind)."
    )
    target: strawberry.ID = strawberry.field(description="Where it ends.")
    kind: EdgeKind = strawberry.field(description="How the two are linked.")
    weight: float = strawberry.field(
        description="How strong the link is within its kind, 0..1: for the centre's links, its "
        "score divided by the best score of its kind (the best link of each kind weighs 1); "
        "between two other nodes, the HAS_TOPIC score, else 1."
    )
    score: float = strawberry.field(
        description="The raw score behind the weight: for the centre's links what EdgeKind says "
        "each kind counts (shared works, author position, ...); between two other nodes the "
        "HAS_TOPIC score, else 1."
    )

    @classmethod
    def of(cls, row: ExplorerEdgeRow) -> "ExplorerEdge":
        return cls(
            source=strawberry.ID(row.source),
            target=strawberry.ID(row.target),
            kind=EdgeKind(row.kind),
            weight=row.weight,
            score=row.score,
        )


@strawberry.type(
    description="A bounded slice of the graph around a centre node: the centre first, then the "
    "best of each kind in turn (see cypher/explore_neighbourhood.cypher for the ranking)."
)
class Explorer:
    center_id: strawberry.Private[str]
    nodes: list[ExplorerNode] = strawberry.field(
        description="The centre first, then the picked nodes: the best of each kind in turn."
    )
    edges: list[ExplorerEdge] = strawberry.field(
        description="An edge from the centre to each picked node (its kind says how the node "
        "was reached), then every stored relationship between two picked nodes."
    )

    @strawberry.field(description="The centre node itself (ExplorerNode.nodeId names it).")
    async def center(self, info: Info) -> Node:
        node = as_node(await resolve_nodes.node(info.context, self.center_id))
        if node is None:
            raise LookupError(f"the centre {self.center_id} went away")
        return node

    @classmethod
    def of(cls, center: str, row: ExplorerRow) -> "Explorer":
        return cls(
            center_id=center,
            nodes=[ExplorerNode.of(n) for n in row.nodes],
            edges=[ExplorerEdge.of(e) for e in row.edges],
        )
