from typing import Annotated

import strawberry

from resolvers import claims as resolve_claims
from resolvers import social as resolve_social
from resolvers.context import Context
from schema.connection import After, Connection, First, from_page
from schema.enums import InvitationStatus
from schema.researcher import Researcher, load_researcher
from schema.social import Claim, Invitation

Info = strawberry.Info[Context, None]


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

    @strawberry.field(
        description="Invitations to the researcher you own, newest first (totalCount: null)."
    )
    async def invitations(
        self,
        info: Info,
        status: Annotated[
            InvitationStatus | None,
            strawberry.argument(description="Only those in this state; null for all."),
        ] = None,
        first: First = 50,
        after: After = None,
    ) -> Connection[Invitation]:
        wanted = status.value if status else None
        page = await resolve_social.invitations(info.context, wanted, first, after)
        return from_page(page, after, Invitation.of, lambda r: r.id)

    @strawberry.field(
        description="The claims you made, newest first, pending ones included (totalCount: null)."
    )
    async def claims(self, info: Info, first: First = 20, after: After = None) -> Connection[Claim]:
        page = await resolve_claims.viewer_claims(info.context, first, after)
        return from_page(page, after, Claim.of, lambda r: r.id)

    @strawberry.field(
        description="Claims waiting for review, oldest first (admins only; totalCount: null)."
    )
    async def pending_claims(
        self, info: Info, first: First = 50, after: After = None
    ) -> Connection[Claim]:
        page = await resolve_claims.pending_claims(info.context, first, after)
        return from_page(page, after, Claim.of, lambda r: r.id)
