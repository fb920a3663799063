from enum import Enum

import strawberry


@strawberry.enum(description="How far a researcher record is confirmed to be one real person.")
class Verification(Enum):
    L1 = strawberry.enum_value("L1", description="Built from imported bibliographic records.")
    L2 = strawberry.enum_value(
        "L2", description="Claimed with matching evidence or approved by an admin."
    )
    L3 = strawberry.enum_value("L3", description="Confirmed for an institution.")


@strawberry.enum
class WorkOrder(Enum):
    YEAR_DESC = "YEAR_DESC"
    YEAR_ASC = "YEAR_ASC"
    CITED_BY_DESC = "CITED_BY_DESC"


@strawberry.enum
class NodeKind(Enum):
    RESEARCHER = "RESEARCHER"
    WORK = "WORK"
    TOPIC = "TOPIC"
    INSTITUTION = "INSTITUTION"


@strawberry.enum(description="How two nodes of an explorer slice are linked.")
class EdgeKind(Enum):
    AUTHORED = strawberry.enum_value("AUTHORED", description="A researcher wrote the work.")
    HAS_TOPIC = strawberry.enum_value("HAS_TOPIC", description="The work carries the topic.")
    HAS_INSTITUTION = strawberry.enum_value(
        "HAS_INSTITUTION", description="The work states the institution on an authorship."
    )
    AFFILIATED_WITH = strawberry.enum_value(
        "AFFILIATED_WITH", description="An imported or owner-set affiliation."
    )
    CITES = strawberry.enum_value("CITES", description="The source work cites the target.")
    CITED_BY = strawberry.enum_value("CITED_BY", description="The target work cites the centre.")
    COAUTHOR = strawberry.enum_value("COAUTHOR", description="Co-authors; weight: shared works.")
    WORKS_ON = strawberry.enum_value(
        "WORKS_ON", description="A researcher's works carry the topic; weight: how many."
    )
    AFFILIATED = strawberry.enum_value(
        "AFFILIATED",
        description="The researcher was at the institution, by affiliation or authorship.",
    )
    NEARBY = strawberry.enum_value(
        "NEARBY", description="A co-author's work; weight: how many co-authors wrote it."
    )
    RELATED = strawberry.enum_value(
        "RELATED", description="Shares topics (works) or co-occurs on works (topics)."
    )
    ACTIVE_IN = strawberry.enum_value(
        "ACTIVE_IN", description="Co-occurs on the centre's works; weight: how many."
    )
    COLLABORATES = strawberry.enum_value(
        "COLLABORATES", description="Institutions stated together on works; weight: how many."
    )


@strawberry.enum
class InvitationStatus(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


@strawberry.enum
class ClaimStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Waiting for an admin.")
    APPROVED = strawberry.enum_value("APPROVED", description="The claimant owns the record.")
    REJECTED = strawberry.enum_value("REJECTED", description="An admin turned it down.")
