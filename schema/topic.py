import strawberry

from loaders.rows import TopicRow
from schema.node import Node


@strawberry.type
class Topic(Node):
    name: str
    subfield: str | None
    field: str | None
    domain: str | None

    @classmethod
    def of(cls, row: TopicRow) -> "Topic":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            subfield=row.subfield,
            field=row.field,
            domain=row.domain,
        )
