import strawberry

from model.ids import openalex_url


@strawberry.interface(
    description="Anything with an id, refetchable with `node(id:)`. Ids are opaque to a client: "
    "compare and send them back, never parse them (the type is `__typename`). For a "
    "researcher, work, topic or institution it is also the id analysts use in Cypher."
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="Unique across the graph and stable: the OpenAlex id for what was imported "
        "(or a local one of the same shape), a key of its own for a claim or an invitation."
    )


@strawberry.interface(
    description="A researcher, work, topic or institution: a node of the research graph, "
    "imported from OpenAlex or made here."
)
class Entity(Node):
    @strawberry.field(
        description="The node in OpenAlex (https://openalex.org/W2741809807): what to link "
        "to or quote there. Null for a node made here (the seed profile's, a record split "
        "off another). Never parse `id` for it."
    )
    def open_alex_id(self) -> str | None:
        return openalex_url(self.id)
