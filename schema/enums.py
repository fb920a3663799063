from enum import Enum

import strawberry


@strawberry.enum(description="How far a researcher record is confirmed to be one real person.")
class Verification(Enum):
    L1 = strawberry.enum_value("L1", description="Built from imported bibliographic records.")
    L2 = strawberry.enum_value(
        "L2", description="Claimed with matching evidence or approved by an admin."
    )
    L3 = strawberry.enum_value("L3", description="Confirmed for an institution.")


@strawberry.enum(
    description="The order of a list of works. Works missing the sort value come last; ties "
    "go by work id, ascending."
)
class WorkOrder(Enum):
    _value_: str  # for mypy: at run time a value is the plain string, not its enum_value

    YEAR_DESC = strawberry.enum_value(
        "YEAR_DESC", description="Newest first: by year descending, then work id."
    )
    YEAR_ASC = strawberry.enum_value(
        "YEAR_ASC", description="Oldest first: by year ascending, then work id."
    )
    CITED_BY_DESC = strawberry.enum_value(
        "CITED_BY_DESC",
        description="Most cited first, by the source's count (Work.citedByCount), then work id.",
    )


@strawberry.enum(description="The kind of a node; an id's first letter tells it too.")
class NodeKind(Enum):
    _value_: str  # for mypy: at run time a value is the plain string, not its enum_value

    RESEARCHER = strawberry.enum_value("RESEARCHER", description="A researcher (id A…).")
    WORK = strawberry.enum_value("WORK", description="A work (id W…).")
    TOPIC = strawberry.enum_value("TOPIC", description="A topic (id T…).")
    INSTITUTION = strawberry.enum_value("INSTITUTION", description="An institution (id I…).")


@strawberry.enum(
    description="How two nodes of an explorer slice are linked. The weights named here are "
    "those of the centre's edges (the raw scores its nodes were ranked by); an edge between "
    "two other nodes weighs its HAS_TOPIC score, else 1."
)
class EdgeKind(Enum):
    AUTHORED = strawberry.enum_value(
        "AUTHORED",
        description="A researcher wrote the work; weight: 1/author position from a work, "
        "1 + citedByCount/1,000,000 from a researcher.",
    )
    HAS_TOPIC = strawberry.enum_value(
        "HAS_TOPIC", description="The work carries the topic; weight: its score (0.5 if none)."
    )
    HAS_INSTITUTION = strawberry.enum_value(
        "HAS_INSTITUTION",
        description="The work states the institution on an authorship; weight: 1.",
    )
    AFFILIATED_WITH = strawberry.enum_value(
        "AFFILIATED_WITH",
        description="An imported or owner-set affiliation, between two nodes other than the "
        "centre; weight: 1.",
    )
    CITES = strawberry.enum_value(
        "CITES", description="The source work cites the target; weight: 1."
    )
    CITED_BY = strawberry.enum_value(
        "CITED_BY", description="The target work cites the centre; weight: 1."
    )
    COAUTHOR = strawberry.enum_value(
        "COAUTHOR", description="Co-authors; weight: works shared among the centre's works read."
    )
    WORKS_ON = strawberry.enum_value(
        "WORKS_ON",
        description="A researcher's works carry the topic; weight: how many (of those read).",
    )
    AFFILIATED = strawberry.enum_value(
        "AFFILIATED",
        description="The researcher was at the institution, by affiliation or authorship; "
        "weight: 2 per affiliation and 1 per authorship stating it from a researcher, 1 "
        "(current) or 0.5 (past) from an institution.",
    )
    NEARBY = strawberry.enum_value(
        "NEARBY",
        description="A co-author's other work; weight: half the number of co-authors who wrote it.",
    )
    RELATED = strawberry.enum_value(
        "RELATED",
        description="Works sharing topics (weight: half the topics shared) or topics "
        "co-occurring on the centre's works (weight: on how many).",
    )
    ACTIVE_IN = strawberry.enum_value(
        "ACTIVE_IN", description="Co-occurs on the centre's works; weight: on how many."
    )
    COLLABORATES = strawberry.enum_value(
        "COLLABORATES",
        description="Institutions stated together on works; weight: on how many.",
    )


@strawberry.enum(description="Where an invitation to collaborate stands.")
class InvitationStatus(Enum):
    _value_: str  # for mypy: at run time a value is the plain string, not its enum_value

    PENDING = strawberry.enum_value("PENDING", description="Sent, not answered yet.")
    ACCEPTED = strawberry.enum_value("ACCEPTED", description="The record's owner accepted it.")
    DECLINED = strawberry.enum_value("DECLINED", description="The record's owner declined it.")


@strawberry.enum(description="Where a claim on a researcher record stands.")
class ClaimStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Waiting for an admin.")
    APPROVED = strawberry.enum_value("APPROVED", description="The claimant owns the record.")
    REJECTED = strawberry.enum_value("REJECTED", description="An admin turned it down.")
