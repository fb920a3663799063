"""What every resolver gets from the request: its own Cypher runner, loaders and viewer."""

from dataclasses import dataclass, field

from cypher.runner import CypherRunner
from loaders import Loaders
from model.users import Auth
from resolvers.identity import IdentityReport


@dataclass(frozen=True)
class Policy:
    """Limits on what users may do, from the settings."""

    invite_daily_limit: int = 20
    # False only for the benchmarks' naive baseline: every field queries Neo4j on its own.
    loader_batching: bool = True
    # Claims one user may have waiting for an admin at once.
    max_pending_claims: int = 5


@dataclass(frozen=True)
class Context:
    runner: CypherRunner
    loaders: Loaders
    auth: Auth = field(default_factory=Auth)
    policy: Policy = field(default_factory=Policy)
    request_id: str = ""
    # Identity analyses of this request, by researcher id (the page's identity check and its
    # trust snapshot both need one).
    identity_reports: dict[str, IdentityReport] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        shared: CypherRunner,
        auth: Auth | None = None,
        policy: Policy | None = None,
        request_id: str = "",
    ) -> "Context":
        runner = shared.for_request()
        auth = auth or Auth()
        viewer_id = auth.user.id if auth.user else None
        policy = policy or Policy()
        loaders = Loaders.create(runner, viewer_id, policy.loader_batching)
        return cls(runner, loaders, auth, policy, request_id)
