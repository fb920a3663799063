"""Claims and invitations: records with ids of their own, refetchable with `node(id:)` by the
people they concern."""

from datetime import datetime

import strawberry

from model.ids import record_id
from model.social import ClaimRow, InvitationRow
from resolvers.context import Context
from schema.enums import ClaimStatus, InvitationStatus
from schema.node import Node
from schema.researcher import Researcher, load_researcher

Info = strawberry.Info[Context, None]
GONE = " Null only when the record was removed since."


@strawberry.type(
    description="A user's claim on a researcher record. Seen by its claimant and by admins."
)
class Claim(Node):
    status: ClaimStatus = strawberry.field(description="Where the claim stands.")
    claimant_id: strawberry.ID = strawberry.field(
        description="The claimant's user id (their sign-in token's subject)."
    )
    evidence: str | None = strawberry.field(
        description="The claimant's note for the reviewer; null when they gave none."
    )
    made_at: datetime = strawberry.field(description="When the claim was made.")
    reviewed_at: datetime | None = strawberry.field(
        description="When an admin answered it; null while pending or when it needed no review."
    )
    researcher_id: strawberry.Private[str]

    @classmethod
    def of(cls, row: ClaimRow) -> "Claim":
        return cls(
            id=strawberry.ID(record_id("Claim", row.id)),
            status=ClaimStatus(row.status),
            claimant_id=strawberry.ID(row.user_id),
            evidence=row.evidence,
            made_at=row.at,
            reviewed_at=row.reviewed_at,
            researcher_id=row.researcher_id,
        )

    @strawberry.field(description="The researcher record claimed." + GONE)
    async def researcher(self, info: Info) -> Researcher | None:
        return await load_researcher(info, self.researcher_id)


@strawberry.type(
    description="An invitation to collaborate. Seen by its sender and by the owner of the "
    "researcher record it invites."
)
class Invitation(Node):
    message: str = strawberry.field(description="The sender's message.")
    status: InvitationStatus = strawberry.field(description="Whether it was answered, and how.")
    sent_at: datetime = strawberry.field(description="When it was sent.")
    sender_email: str | None = strawberry.field(
        description="The sender's email, when their sign-in token carried one."
    )
    sender_researcher_id: strawberry.Private[str | None]
    researcher_id: strawberry.Private[str]

    @classmethod
    def of(cls, row: InvitationRow) -> "Invitation":
        return cls(
            id=strawberry.ID(record_id("Invitation", row.id)),
            message=row.message,
            status=InvitationStatus(row.status),
            sent_at=row.at,
            sender_email=row.sender_email,
            sender_researcher_id=row.sender_researcher_id,
            researcher_id=row.researcher_id,
        )

    @strawberry.field(description="The researcher record the sender owns; null when none.")
    async def sender(self, info: Info) -> Researcher | None:
        if self.sender_researcher_id is None:
            return None
        return await load_researcher(info, self.sender_researcher_id)

    @strawberry.field(description="The researcher invited." + GONE)
    async def researcher(self, info: Info) -> Researcher | None:
        return await load_researcher(info, self.researcher_id)
