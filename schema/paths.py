import strawberry

from model.paths import PathStepRow
from schema.researcher import Researcher
from schema.work import Work


@strawberry.type(
    description="One researcher on a path, and the work linking them to the one before."
)
class PathStep:
    researcher: Researcher = strawberry.field(
        description="The researcher at this step, in order from `from` to `to`."
    )
    via: Work | None = strawberry.field(
        description="A work this researcher and the one before both authored; null on the first "
        "step."
    )

    @classmethod
    def of(cls, row: PathStepRow) -> "PathStep":
        return cls(
            researcher=Researcher.of(row.researcher), via=Work.of(row.via) if row.via else None
        )
