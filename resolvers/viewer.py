"""Who is asking: the signed-in user a verified token names, or nobody."""

from dataclasses import dataclass
from typing import Any

from resolvers.errors import Unauthenticated


@dataclass(frozen=True)
class Viewer:
    id: str
    email: str | None = None
    email_verified: bool = False
    orcid: str | None = None
    admin: bool = False

    def params(self) -> dict[str, Any]:
        """The user as the write statements take it (`$user`): they MERGE the User node."""
        return {
            "id": self.id,
            "email": self.email,
            "emailVerified": self.email_verified,
            "orcid": self.orcid,
            "admin": self.admin,
        }


@dataclass(frozen=True)
class Auth:
    """The outcome of reading a request's credentials."""

    viewer: Viewer | None = None
    # Why a presented token was refused; None when there was none or it was good.
    problem: str | None = None

    def require(self) -> Viewer:
        if self.viewer is None:
            raise Unauthenticated(self.problem or "sign in: send `Authorization: Bearer <token>`")
        return self.viewer
