import strawberry


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
