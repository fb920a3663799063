import strawberry

from model.social import InvitationRow
from resolvers import claims as resolve_claims
from resolvers import social as resolve_social
from resolvers.context import Context
from schema.enums import InvitationStatus
from schema.researcher import Researcher

Info = strawberry.Info[Context, None]


@strawberry.type
class Invitation:
    id: strawberry.ID
    message: str
    status: InvitationStatus
    sent_at: str
    sender_id: strawberry.ID
    sender_email: str | None
    researcher_id: strawberry.ID

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


@strawberry.type
class PendingClaim:
    id: strawberry.ID
    user_id: strawberry.ID
    researcher_id: strawberry.ID
    evidence: str | None
    made_at: str


@strawberry.type(description="The signed-in user.")
class Viewer:
    id: strawberry.ID
    email: str | None
    admin: bool

    @strawberry.field(description="The researcher record you own, if any.")
    async def researcher(self, info: Info) -> Researcher | None:
        researcher_id = await resolve_claims.owned(info.context)
        row = await info.context.loaders.researcher.load(researcher_id) if researcher_id else None
        return Researcher.of(row) if row else None

    @strawberry.field(description="Invitations to the researcher you own, newest first.")
    async def invitations(
        self, info: Info, status: InvitationStatus | None = None
    ) -> list[Invitation]:
        rows = await resolve_social.invitations(info.context, status.value if status else None)
        return [Invitation.of(r) for r in rows]

    @strawberry.field(description="Claims waiting for review, oldest first (admins only).")
    async def pending_claims(self, info: Info, first: int = 50) -> list[PendingClaim]:
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
