from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=Enum)


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
    description="How two nodes of an explorer slice are linked. Each kind runs one way: the "
    "stored relationship's direction (AUTHORED from the researcher, CITES from the citing "
    "work), a researcher or an institution before a topic, and between two nodes of one kind "
    "from the centre. The scores named here are those of the centre's links (ExplorerEdge."
    "score); a link between two other nodes scores its HAS_TOPIC score, else 1."
)
class EdgeKind(Enum):
    AUTHORED = strawberry.enum_value(
        "AUTHORED",
        description="The researcher wrote the work; score: 1/author position when the centre is "
        "the work, 1 + citedByCount/1,000,000 when it is the researcher.",
    )
    HAS_TOPIC = strawberry.enum_value(
        "HAS_TOPIC", description="The work carries the topic; score: its score (0.5 if none)."
    )
    HAS_INSTITUTION = strawberry.enum_value(
        "HAS_INSTITUTION",
        description="The work states the institution on an authorship; score: 1.",
    )
    AFFILIATED_WITH = strawberry.enum_value(
        "AFFILIATED_WITH",
        description="The researcher was at the institution, by an imported or owner-set "
        "affiliation or by authorships stating it; score: 2 per affiliation and 1 per "
        "authorship when the centre is the researcher, 1 (current) or 0.5 (past) when it is "
        "the institution, 1 between two other nodes.",
    )
    CITES = strawberry.enum_value(
        "CITES", description="The source work cites the target; score: 1."
    )
    COAUTHOR = strawberry.enum_value(
        "COAUTHOR", description="Co-authors; score: works shared among the centre's works read."
    )
    WORKS_ON = strawberry.enum_value(
        "WORKS_ON",
        description="The researcher's works carry the topic; score: how many (of those read).",
    )
    NEARBY = strawberry.enum_value(
        "NEARBY",
        description="A co-author's other work; score: half the number of co-authors who wrote it.",
    )
    RELATED = strawberry.enum_value(
        "RELATED",
        description="Works sharing topics (score: half the topics shared) or topics "
        "co-occurring on the centre's works (score: on how many).",
    )
    ACTIVE_IN = strawberry.enum_value(
        "ACTIVE_IN",
        description="The institution and the topic co-occur on the centre's works; score: on "
        "how many.",
    )
    COLLABORATES = strawberry.enum_value(
        "COLLABORATES",
        description="Institutions stated together on works; score: on how many.",
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


@strawberry.enum(description="An admin's answer to a pending claim.")
class ClaimDecision(Enum):
    _value_: str  # for mypy: at run time a value is the plain string, not its enum_value

    APPROVE = strawberry.enum_value(
        "APPROVE",
        description="The claimant gets the record, at L2 (or L3 with institutionConfirmed).",
    )
    REJECT = strawberry.enum_value("REJECT", description="The claim is turned down.")


@strawberry.enum(description="The record owner's answer to an invitation.")
class InvitationDecision(Enum):
    _value_: str  # for mypy: at run time a value is the plain string, not its enum_value

    ACCEPT = strawberry.enum_value("ACCEPT", description="Take up the invitation.")
    DECLINE = strawberry.enum_value("DECLINE", description="Turn it down.")


# OpenAlex's types are its own vocabulary and it adds to them: a value this API does not know
# yet is OTHER, never an error.
def known(enum: type[E], value: str | None) -> E | None:
    if value is None:
        return None
    name = value.upper().replace("-", "_")
    return enum[name] if name in enum.__members__ else enum["OTHER"]


@strawberry.enum(description="An institution's type, as OpenAlex gives it.")
class InstitutionType(Enum):
    EDUCATION = strawberry.enum_value("EDUCATION", description="A university or college.")
    HEALTHCARE = strawberry.enum_value("HEALTHCARE", description="A hospital or clinic.")
    COMPANY = strawberry.enum_value("COMPANY", description="A company.")
    ARCHIVE = strawberry.enum_value("ARCHIVE", description="An archive or library.")
    NONPROFIT = strawberry.enum_value("NONPROFIT", description="A non-profit organisation.")
    GOVERNMENT = strawberry.enum_value("GOVERNMENT", description="A government body.")
    FACILITY = strawberry.enum_value("FACILITY", description="A research facility.")
    FUNDER = strawberry.enum_value("FUNDER", description="A funder.")
    OTHER = strawberry.enum_value("OTHER", description="Any other type, or one added later.")


@strawberry.enum(description="Where an author stands in a work's list, as OpenAlex gives it.")
class AuthorPosition(Enum):
    FIRST = strawberry.enum_value("FIRST", description="The first author.")
    MIDDLE = strawberry.enum_value("MIDDLE", description="Neither first nor last.")
    LAST = strawberry.enum_value("LAST", description="The last author.")
    OTHER = strawberry.enum_value("OTHER", description="A value OpenAlex added later.")


@strawberry.enum(
    description="A work's type, as OpenAlex gives it (`book-chapter` is BOOK_CHAPTER)."
)
class WorkType(Enum):
    ARTICLE = strawberry.enum_value("ARTICLE", description="A journal or conference article.")
    PREPRINT = strawberry.enum_value("PREPRINT", description="A preprint.")
    BOOK = strawberry.enum_value("BOOK", description="A book.")
    BOOK_CHAPTER = strawberry.enum_value("BOOK_CHAPTER", description="A chapter of a book.")
    DATASET = strawberry.enum_value("DATASET", description="A dataset.")
    DISSERTATION = strawberry.enum_value("DISSERTATION", description="A thesis.")
    REVIEW = strawberry.enum_value("REVIEW", description="A review article.")
    REPORT = strawberry.enum_value("REPORT", description="A report.")
    EDITORIAL = strawberry.enum_value("EDITORIAL", description="An editorial.")
    LETTER = strawberry.enum_value("LETTER", description="A letter.")
    ERRATUM = strawberry.enum_value("ERRATUM", description="A correction.")
    RETRACTION = strawberry.enum_value("RETRACTION", description="A retraction notice.")
    PEER_REVIEW = strawberry.enum_value("PEER_REVIEW", description="A published peer review.")
    STANDARD = strawberry.enum_value("STANDARD", description="A standard.")
    GRANT = strawberry.enum_value("GRANT", description="A grant.")
    PARATEXT = strawberry.enum_value("PARATEXT", description="Front matter, covers, indexes.")
    REFERENCE_ENTRY = strawberry.enum_value(
        "REFERENCE_ENTRY", description="An entry of a reference work."
    )
    SUPPLEMENTARY_MATERIAL = strawberry.enum_value(
        "SUPPLEMENTARY_MATERIAL", description="Supplementary material."
    )
    LIBGUIDES = strawberry.enum_value("LIBGUIDES", description="A library guide.")
    OTHER = strawberry.enum_value("OTHER", description="Any other type, or one added later.")
