import strawberry


@strawberry.interface(
    description="Anything in the graph with an id: the same id analysts use in Cypher "
    "(A… researcher, W… work, T… topic, I… institution)."
)
class Node:
    id: strawberry.ID
