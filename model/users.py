"""Who is asking: the signed-in user a verified token names, or nobody."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class User:
    id: str
    email: str | None = None
    email_verified: bool = False
    orcid: str | None = None
    admin: bool = False

    def params(self) -> dict[str, Any]:
        """The user as the write statements take it (`$user`): they MERGE the User node.
        Roles stay out: the statements decide nothing by them."""
        return {
            "id": self.id,
            "email": self.email,
            "emailVerified": self.email_verified,
            "orcid": self.orcid,
        }


@dataclass(frozen=True)
class Auth:
    """The outcome of reading a request's credentials."""

    user: User | None = None
    # Why a presented token was refused; None when there was none or it was good.
    problem: str | None = None
