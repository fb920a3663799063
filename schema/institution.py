import strawberry

from loaders.rows import InstitutionRow
from schema.node import Node


@strawberry.type
class Institution(Node):
    name: str
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: str | None = strawberry.field(
        description="OpenAlex institution type (education, company, ...)."
    )

    @classmethod
    def of(cls, row: InstitutionRow) -> "Institution":
        return cls(id=strawberry.ID(row.id), name=row.name, country=row.country, type=row.type)
