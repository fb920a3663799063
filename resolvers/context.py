"""What every resolver gets from the request: its own Cypher runner and loaders."""

from dataclasses import dataclass

from cypher.runner import CypherRunner
from loaders import Loaders


@dataclass(frozen=True)
class Context:
    runner: CypherRunner
    loaders: Loaders

    @classmethod
    def create(cls, shared: CypherRunner) -> "Context":
        runner = shared.for_request()
        return cls(runner=runner, loaders=Loaders.create(runner))
