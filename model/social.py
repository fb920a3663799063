"""Invitations and claims as their lists read them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class InvitationRow:
    id: str
    message: str
    status: str
    at: str
    sender_id: str
    sender_email: str | None
    researcher_id: str


@dataclass(frozen=True)
class PendingClaimRow:
    id: str
    user_id: str
    researcher_id: str
    evidence: str | None
    at: str
