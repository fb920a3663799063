"""Invitations and claims as their statements read them, and what a viewer may do."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class InvitationRow:
    id: str
    message: str
    status: str
    at: datetime
    sender_email: str | None
    # The researcher record the sender owns, if any.
    sender_researcher_id: str | None
    researcher_id: str


@dataclass(frozen=True)
class ClaimRow:
    id: str
    status: str
    user_id: str
    researcher_id: str
    evidence: str | None
    at: datetime
    reviewed_at: datetime | None


@dataclass(frozen=True)
class ViewerStanding:
    """The facts a viewer's permissions on one researcher are decided from."""

    owner_id: str | None
    open: bool
    claim_pending: bool
    invitation_pending: bool
    owns_one: bool
    pending_claims: int
    sent_today: int
