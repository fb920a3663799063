"""Every setting the service reads, from environment variables: NEO4J_*, HOST and PORT as
other tools name them, the rest under the PEERGRAPH_ prefix (a misspelt one is warned about)."""

import difflib
import ipaddress
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AliasChoices, AliasGenerator, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger("peergraph.config")

PREFIX = "PEERGRAPH_"
# Read by the Neo4j launcher and the test suite, not by the service: known, not misspelt.
OTHER_PREFIXED = frozenset(
    {
        "PEERGRAPH_NEO4J_EXIT_WITH_PARENT",
        "PEERGRAPH_CHROMIUM",
        "PEERGRAPH_TEST_NEO4J_URI",
        "PEERGRAPH_FUZZ_EXAMPLES",
        "PEERGRAPH_WRITE_ANSWERS",
    }
)

EMBEDDED_URI = "bolt://127.0.0.1:7687"
# Where `make run` / `make neo4j` keep the embedded Neo4j's password (with its data).
EMBEDDED_PASSWORD_FILE = Path(__file__).resolve().parent.parent / ".neo4j-data" / "neo4j-password"
URI_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says which and what to set."""


def prefixed(field: str) -> bool:
    return not (field.startswith("neo4j_") or field in ("host", "port"))


def env_name(field: str) -> str:
    return f"{PREFIX}{field.upper()}" if prefixed(field) else field.upper()


def env_names(field: str) -> str | AliasChoices:
    # The name without the prefix (what peergraph read before) still works, with a warning.
    return AliasChoices(env_name(field), field) if prefixed(field) else field


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        extra="ignore",
        frozen=True,
        populate_by_name=True,  # Settings(neo4j_uri=...) in code; the env names in the environment
        alias_generator=AliasGenerator(validation_alias=env_names),
    )

    # The embedded Neo4j that `make run` starts listens here; point it at any other Neo4j.
    neo4j_uri: str = EMBEDDED_URI
    neo4j_user: str = "neo4j"
    # Empty: for a Neo4j on this machine, the password the embedded launcher keeps in
    # NEO4J_PASSWORD_FILE (it sets one per data folder); for any other Neo4j, no authentication.
    neo4j_password: str = Field(default="", repr=False)
    neo4j_password_file: Path = EMBEDDED_PASSWORD_FILE
    neo4j_database: str = "neo4j"
    neo4j_query_timeout_seconds: Annotated[float, Field(gt=0, le=600)] = 10.0
    import_timeout_seconds: Annotated[float, Field(gt=0, le=3600)] = 600.0
    neo4j_retry_seconds: Annotated[float, Field(ge=0, le=300)] = 5.0
    neo4j_connect_timeout_seconds: Annotated[float, Field(gt=0, le=120)] = 5.0
    # Admission control: statements in Neo4j at once per process; the rest queue in the service
    # (up to the queue timeout) instead of timing out together inside the database.
    neo4j_max_concurrent_statements: Annotated[int, Field(ge=1, le=1000)] = 8
    neo4j_queue_timeout_seconds: Annotated[float, Field(gt=0, le=600)] = 30.0
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=0, le=65535)] = 8000
    access_log: bool = True
    # Report the Cypher round trips of each request in the response `extensions`.
    debug_cypher: bool = False
    # Sign-in: HS256 tokens signed with this secret (local use, `peergraph token`) ...
    auth_jwt_secret: str | None = None
    # ... and/or RS256 tokens whose keys an identity provider publishes at this JWKS URL.
    auth_jwks_url: str | None = None
    auth_audience: str = "peergraph"
    auth_issuer: str | None = None
    # Sign-in and claims: a token is refused once its `iat` is older than this, or its `exp`
    # farther than this from now; a user has at most this many claims waiting for an admin.
    auth_max_token_lifetime_seconds: Annotated[int, Field(ge=60, le=30 * 86_400)] = 86_400
    max_pending_claims: Annotated[int, Field(ge=1, le=1000)] = 5
    invite_daily_limit: Annotated[int, Field(ge=1, le=10_000)] = 20
    # What one GraphQL request may ask (server/limits.py).
    max_query_depth: Annotated[int, Field(ge=1)] = 10
    max_query_aliases: Annotated[int, Field(ge=1)] = 30
    max_query_tokens: Annotated[int, Field(ge=1)] = 2000
    max_query_cost: Annotated[int, Field(ge=1)] = 10_000
    max_body_bytes: Annotated[int, Field(ge=1024)] = 1_000_000
    # Request size and shared state (server/limits.py, server/http.py, server/persisted.py):
    # a document's characters (checked before it is lexed), the request headers' bytes, how
    # deep `variables` may nest, and the persisted-query store (pinned documents not counted).
    max_query_chars: Annotated[int, Field(ge=1000)] = 20_000
    max_header_bytes: Annotated[int, Field(ge=4096)] = 16_384
    max_variables_depth: Annotated[int, Field(ge=2, le=200)] = 32
    persisted_queries_max_entries: Annotated[int, Field(ge=1)] = 1000
    persisted_queries_max_bytes: Annotated[int, Field(ge=10_000)] = 2_000_000
    # On for local use; switch both off in production.
    graphiql: bool = True
    introspection: bool = True
    # Origins allowed to call the API from a browser (comma-separated); none by default.
    cors_origins: str = ""
    # Off only to measure the naive baseline (bench/): each field then queries on its own.
    loader_batching: bool = True

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, uri: str) -> str:
        if not uri.startswith(URI_SCHEMES):
            raise ValueError(f"must start with one of {', '.join(URI_SCHEMES)}")
        return uri

    @field_validator("auth_jwt_secret")
    @classmethod
    def _long_secret(cls, secret: str | None) -> str | None:
        if secret is not None and len(secret) < 32:
            raise ValueError(
                "must be at least 32 characters (HS256 keys shorter than that are weak)"
            )
        return secret

    @property
    def neo4j_auth(self) -> tuple[str, str] | None:
        """NEO4J_PASSWORD, else the embedded launcher's password file for a Neo4j on loopback
        (never sent elsewhere); the embedded URI without either is a ConfigError."""
        password = self.neo4j_password or self._embedded_password()
        if password:
            return (self.neo4j_user, password)
        if self.neo4j_uri == EMBEDDED_URI:
            raise ConfigError(
                f"no password for the embedded Neo4j: {self.neo4j_password_file} is missing or"
                " empty; start it with `make run` or `make neo4j`, or set NEO4J_PASSWORD"
            )
        return None

    def _embedded_password(self) -> str:
        if not on_loopback(self.neo4j_uri):
            return ""
        try:
            return self.neo4j_password_file.read_text("utf-8").strip()
        except OSError:
            return ""


def on_loopback(uri: str) -> bool:
    host = urlsplit(uri).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings() -> Settings:
    """Reads the environment, turning a validation failure into one readable message, and
    warns of variables that look like settings but are not read."""
    for warning in setting_warnings(os.environ):
        log.warning(warning)
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{shown_name(err['loc'])}: {err['msg']}" for err in exc.errors())
        raise ConfigError(f"bad setting ({problems}); fix the environment variable") from exc


def shown_name(loc: tuple[int | str, ...]) -> str:
    name = str(loc[0]).lower()
    return env_name(name) if name in Settings.model_fields else name.upper()


def setting_warnings(environ: Mapping[str, str]) -> list[str]:
    names = {env_name(field) for field in Settings.model_fields}
    present = {key.upper() for key in environ}
    unknown = sorted(present - names - OTHER_PREFIXED)
    return [misspelt(key, names) for key in unknown if key.startswith(PREFIX)] + [
        f"{env_name(field)[len(PREFIX) :]} is read as {env_name(field)}: rename it (the name"
        " without the prefix will stop working)"
        for field in Settings.model_fields
        if prefixed(field) and field.upper() in present and env_name(field) not in present
    ]


def misspelt(key: str, names: set[str]) -> str:
    guess = difflib.get_close_matches(key, sorted(names), n=1)
    hint = f"did you mean {guess[0]}? " if guess else ""
    return f"{key} is not a peergraph setting and is ignored ({hint}see the README's Settings)"
