from typing import Annotated

import strawberry

from model.social import InvitationRow
from resolvers import claims as resolve_claims
from resolvers import social as resolve_social
from resolvers.context import Context
from resolvers.paging import MAX_FIRST
from schema.enums import InvitationStatus
from schema.researcher import Researcher

Info = strawberry.Info[Context, None]


@strawberry.type(description="An invitation to collaborate, sent to a researcher's owner.")
class Invitation:
    id: strawberry.ID = strawberry.field(description="The invitation's id (a UUID).")
    message: str = strawberry.field(description="The sender's message.")
    status: InvitationStatus = strawberry.field(description="Whether it was answered, and how.")
    sent_at: str = strawberry.field(description="When it was sent (ISO 8601).")
    sender_id: strawberry.ID = strawberry.field(description="The sender's user id.")
    sender_email: str | None = strawberry.field(
        description="The sender's email, when their sign-in token carried one."
    )
    researcher_id: strawberry.ID = strawberry.field(description="The researcher invited.")

    @classmethod
    def of(cls, row: InvitationRow) -> "Invitation":
        return cls(
            id=strawberry.ID(row.id),
            message=row.message,
            status=InvitationStatus(row.status),
            sent_at=row.at,
            sender_id=strawberry.ID(row.sender_id),
            sender_email=row.sender_email,
            researcher_id=strawberry.ID(row.researcher_id),
        )


@strawberry.type(description="A claim on a researcher record, waiting for an admin.")
class PendingClaim:
    id: strawberry.ID = strawberry.field(description="The claim's id, for reviewClaim.")
    user_id: strawberry.ID = strawberry.field(description="The user claiming the record.")
    researcher_id: strawberry.ID = strawberry.field(description="The researcher record claimed.")
    evidence: str | None = strawberry.field(
        description="The claimant's note for the reviewer; empty when they gave none."
    )
    made_at: str = strawberry.field(description="When the claim was made (ISO 8601).")


@strawberry.type(description="The signed-in user.")
class Viewer:
    id: strawberry.ID = strawberry.field(description="The user's id: the token's subject (sub).")
    email: str | None = strawberry.field(description="The email the token carries, if any.")
    admin: bool = strawberry.field(
        description="Whether the token carries the admin role (reviews claims)."
    )

    @strawberry.field(description="The researcher record you own, if any.")
    async def researcher(self, info: Info) -> Researcher | None:
        researcher_id = await resolve_claims.owned(info.context)
        row = await info.context.loaders.researcher.load(researcher_id) if researcher_id else None
        return Researcher.of(row) if row else None

    @strawberry.field(description="Invitations to the researcher you own, newest first.")
    async def invitations(
        self,
        info: Info,
        status: Annotated[
            InvitationStatus | None,
            strawberry.argument(description="Only those in this state; null for all."),
        ] = None,
    ) -> list[Invitation]:
        rows = await resolve_social.invitations(info.context, status.value if status else None)
        return [Invitation.of(r) for r in rows]

    @strawberry.field(description="Claims waiting for review, oldest first (admins only).")
    async def pending_claims(
        self,
        info: Info,
        first: Annotated[
            int, strawberry.argument(description=f"How many to return, 0 to {MAX_FIRST}.")
        ] = 50,
    ) -> list[PendingClaim]:
        rows = await resolve_claims.pending_claims(info.context, first)
        return [
            PendingClaim(
                id=strawberry.ID(r.id),
                user_id=strawberry.ID(r.user_id),
                researcher_id=strawberry.ID(r.researcher_id),
                evidence=r.evidence,
                made_at=r.at,
            )
            for r in rows
        ]
