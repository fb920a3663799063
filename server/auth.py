"""Bearer JWTs: HS256 with the configured secret, RS256 through a JWKS URL."""

import asyncio
import math
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from jwt.exceptions import InvalidSubjectError

from model.users import Auth, User
from server.config import Settings

ADMIN_ROLE = "admin"
# A JWT is a few hundred bytes; refusing big ones before any decoding (base64, JSON, the
# signature) keeps a padded token from costing work.
MAX_TOKEN_BYTES = 8192
# How far an issuer's clock may run ahead of ours (an `iat` in the future, an `exp` past the
# maximum lifetime); never applied to expiry itself.
CLOCK_LEEWAY_SECONDS = 60
NO_SUBJECT = "the token names no user (its `sub` is empty or not a string): sign in again"


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
        if len(token) > MAX_TOKEN_BYTES:
            return Auth(
                problem=f"the token is larger than {MAX_TOKEN_BYTES} bytes: sign in again with"
                " a token that carries fewer claims"
            )
        try:
            claims = await self._decode(token.strip())
        except jwt.ExpiredSignatureError:
            return Auth(problem="the token has expired: sign in again")
        except jwt.InvalidAudienceError:
            return Auth(
                problem="the token is not for this service"
                f" (audience {self.settings.auth_audience!r})"
            )
        except jwt.MissingRequiredClaimError as exc:
            return Auth(
                problem=f"the token has no `{exc.claim}` claim: sign in again with a token that"
                " has `sub`, `iat` and `exp`"
            )
        except InvalidSubjectError:
            return Auth(problem=NO_SUBJECT)
        except jwt.PyJWTError as exc:
            return Auth(problem=f"the token was refused: {exc}")
        problem = subject_problem(claims) or lifetime_problem(
            claims, self.settings.auth_max_token_lifetime_seconds, time.time()
        )
        return Auth(problem=problem) if problem else Auth(user=user_of(claims))

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
            # `iat` is checked in lifetime_problem, with a leeway for the issuer's clock.
            options={"require": ["sub", "exp", "iat"], "verify_iat": False},
        )


def subject_problem(claims: dict[str, Any]) -> str | None:
    """Why the token names no user: a `sub` that is not a string, or empty or blank, would
    otherwise act as a user (and as the owner of anything compared with an empty id)."""
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.strip():
        return NO_SUBJECT
    return None


def _duration(seconds: int) -> str:
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} seconds"


def lifetime_problem(claims: dict[str, Any], max_seconds: int, now: float) -> str | None:
    """Why the token is outside the maximum lifetime: issued too long ago or in the future, or
    valid too far ahead. Bounds what a leaked token is worth, whatever `exp` its issuer set."""
    iat = claims["iat"]
    if isinstance(iat, bool) or not isinstance(iat, int | float) or not math.isfinite(iat):
        return "the token's `iat` is not a time (seconds since 1970): sign in again"
    limit = _duration(max_seconds)
    if iat > now + CLOCK_LEEWAY_SECONDS:
        return "the token's `iat` is in the future: check the issuer's clock, then sign in again"
    if now - iat > max_seconds:
        return f"the token was issued more than {limit} ago: sign in again"
    # PyJWT has checked that `exp` is a number (or a numeric string).
    if int(claims["exp"]) - now > max_seconds + CLOCK_LEEWAY_SECONDS:
        return (
            f"the token is valid for longer than {limit}"
            " (PEERGRAPH_AUTH_MAX_TOKEN_LIFETIME_SECONDS): ask for a shorter-lived token"
        )
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def user_of(claims: dict[str, Any]) -> User:
    """The user a checked token names (subject_problem has passed); claims of the wrong type
    are left out rather than turned into text."""
    roles = claims.get("roles") or []
    return User(
        id=claims["sub"],
        email=_text(claims.get("email")),
        email_verified=claims.get("email_verified") is True,
        orcid=_text(claims.get("orcid")),
        admin=ADMIN_ROLE in roles if isinstance(roles, list) else False,
    )


def mint(settings: Settings, claims: dict[str, Any], ttl_seconds: int = 3600) -> str:
    """A local HS256 token (the `peergraph token` command and the tests)."""
    if not settings.auth_jwt_secret:
        raise ValueError("set PEERGRAPH_AUTH_JWT_SECRET (32+ characters) to mint local tokens")
    if ttl_seconds > settings.auth_max_token_lifetime_seconds:
        raise ValueError(
            f"a token may live at most {settings.auth_max_token_lifetime_seconds} seconds"
            " (PEERGRAPH_AUTH_MAX_TOKEN_LIFETIME_SECONDS); the service refuses longer ones:"
            " lower the ttl"
        )
    now = int(time.time())
    payload = {"aud": settings.auth_audience, "iat": now, "exp": now + ttl_seconds, **claims}
    if settings.auth_issuer:
        payload.setdefault("iss", settings.auth_issuer)
    return jwt.encode(payload, settings.auth_jwt_secret, algorithm="HS256")
