"""Bearer JWTs: HS256 with the configured secret, RS256 through a JWKS URL."""

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import jwt

from resolvers.viewer import Auth, Viewer
from server.config import Settings

ADMIN_ROLE = "admin"


@dataclass
class Authenticator:
    settings: Settings
    _jwks: jwt.PyJWKClient | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.settings.auth_jwks_url:
            self._jwks = jwt.PyJWKClient(self.settings.auth_jwks_url, cache_keys=True, timeout=5)

    async def authenticate(self, header: str | None) -> Auth:
        if not header:
            return Auth()
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return Auth(problem="the Authorization header must be `Bearer <token>`")
        try:
            claims = await self._decode(token.strip())
        except jwt.ExpiredSignatureError:
            return Auth(problem="the token has expired: sign in again")
        except jwt.InvalidAudienceError:
            return Auth(
                problem="the token is not for this service"
                f" (audience {self.settings.auth_audience!r})"
            )
        except jwt.PyJWTError as exc:
            return Auth(problem=f"the token was refused: {exc}")
        return Auth(viewer=viewer_of(claims))

    async def _decode(self, token: str) -> dict[str, Any]:
        algorithm = jwt.get_unverified_header(token).get("alg")
        if algorithm == "HS256" and self.settings.auth_jwt_secret:
            key: Any = self.settings.auth_jwt_secret
        elif algorithm == "RS256" and self._jwks is not None:
            # PyJWKClient fetches over blocking HTTP (then caches): keep it off the event loop.
            key = (await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)).key
        else:
            raise jwt.InvalidAlgorithmError(f"tokens signed with {algorithm} are not accepted here")
        return jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=self.settings.auth_audience,
            issuer=self.settings.auth_issuer,
            options={"require": ["sub", "exp"]},
        )


def viewer_of(claims: dict[str, Any]) -> Viewer:
    roles = claims.get("roles") or []
    return Viewer(
        id=str(claims["sub"]),
        email=claims.get("email"),
        email_verified=claims.get("email_verified") is True,
        orcid=claims.get("orcid"),
        admin=ADMIN_ROLE in roles if isinstance(roles, list) else False,
    )


def mint(settings: Settings, claims: dict[str, Any], ttl_seconds: int = 3600) -> str:
    """A local HS256 token (the `peergraph token` command and the tests)."""
    if not settings.auth_jwt_secret:
        raise ValueError("set AUTH_JWT_SECRET (32+ characters) to mint local tokens")
    now = int(time.time())
    payload = {"aud": settings.auth_audience, "iat": now, "exp": now + ttl_seconds, **claims}
    if settings.auth_issuer:
        payload.setdefault("iss", settings.auth_issuer)
    return jwt.encode(payload, settings.auth_jwt_secret, algorithm="HS256")
