from typing import Annotated

import strawberry

from resolvers import claims as resolve_claims
from resolvers import social as resolve_social
from resolvers.context import Context
from resolvers.paging import MAX_FIRST
from schema.enums import InvitationStatus
from schema.researcher import Researcher, load_researcher
from schema.social import Claim, Invitation

Info = strawberry.Info[Context, None]
HowMany = Annotated[int, strawberry.argument(description=f"How many to return, 0 to {MAX_FIRST}.")]


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
        return await load_researcher(info, researcher_id) if researcher_id else None

    @strawberry.field(description="Invitations to the researcher you own, newest first.")
    async def invitations(
        self,
        info: Info,
        status: Annotated[
            InvitationStatus | None,
            strawberry.argument(description="Only those in this state; null for all."),
        ] = None,
        first: HowMany = 50,
    ) -> list[Invitation]:
        rows = await resolve_social.invitations(
            info.context, status.value if status else None, first
        )
        return [Invitation.of(r) for r in rows]

    @strawberry.field(description="The claims you made, newest first, pending ones included.")
    async def claims(self, info: Info, first: HowMany = 20) -> list[Claim]:
        return [Claim.of(r) for r in await resolve_claims.viewer_claims(info.context, first)]

    @strawberry.field(description="Claims waiting for review, oldest first (admins only).")
    async def pending_claims(self, info: Info, first: HowMany = 50) -> list[Claim]:
        return [Claim.of(r) for r in await resolve_claims.pending_claims(info.context, first)]
