import strawberry

from model.explorer import ExplorerEdgeRow, ExplorerNodeRow, ExplorerRow
from schema.enums import EdgeKind, NodeKind


@strawberry.type
class ExplorerNode:
    id: strawberry.ID
    kind: NodeKind
    label: str
    weight: float = strawberry.field(description="Relevance to the centre, 0..1 within its kind.")

    @classmethod
    def of(cls, row: ExplorerNodeRow) -> "ExplorerNode":
        return cls(
            id=strawberry.ID(row.id), kind=NodeKind(row.kind), label=row.label, weight=row.weight
        )


@strawberry.type
class ExplorerEdge:
    source: strawberry.ID
    target: strawberry.ID
    kind: EdgeKind
    weight: float

    @classmethod
    def of(cls, row: ExplorerEdgeRow) -> "ExplorerEdge":
        return cls(
            source=strawberry.ID(row.source),
            target=strawberry.ID(row.target),
            kind=EdgeKind(row.kind),
            weight=row.weight,
        )


@strawberry.type(
    description="A bounded slice of the graph around a centre node: the centre first, then the "
    "best of each kind in turn (see cypher/explore_neighbourhood.cypher for the ranking)."
)
class Explorer:
    center: strawberry.ID
    nodes: list[ExplorerNode]
    edges: list[ExplorerEdge]

    @classmethod
    def of(cls, center: str, row: ExplorerRow) -> "Explorer":
        return cls(
            center=strawberry.ID(center),
            nodes=[ExplorerNode.of(n) for n in row.nodes],
            edges=[ExplorerEdge.of(e) for e in row.edges],
        )
