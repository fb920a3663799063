import strawberry


@strawberry.interface(
    description="Anything in the graph with an id: the same id analysts use in Cypher "
    "(A… researcher, W… work, T… topic, I… institution)."
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="Unique across the graph: the OpenAlex id (or a local one of the same shape), "
        "its first letter naming the kind."
    )
