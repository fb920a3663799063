"""Runs named Cypher files through one shared driver, counting every round trip."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver, Query, Record, RoutingControl

from cypher import load


@dataclass
class CypherStats:
    """Statements one request (or one import) sent, by file name."""

    statements: int = 0
    by_name: dict[str, int] = field(default_factory=dict)

    def count(self, name: str) -> None:
        self.statements += 1
        self.by_name[name] = self.by_name.get(name, 0) + 1


@dataclass
class CypherRunner:
    driver: AsyncDriver
    database: str
    timeout: float
    stats: CypherStats = field(default_factory=CypherStats)

    def for_request(self) -> "CypherRunner":
        """A runner sharing the driver, with a counter of its own."""
        return CypherRunner(self.driver, self.database, self.timeout)

    async def read(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.READ)

    async def write(self, name: str, **params: Any) -> list[Record]:
        return await self._run(name, params, RoutingControl.WRITE)

    async def _run(
        self, name: str, params: Mapping[str, Any], routing: RoutingControl
    ) -> list[Record]:
        self.stats.count(name)
        result = await self.driver.execute_query(
            Query(load(name), timeout=self.timeout),
            dict(params),
            routing_=routing,
            database_=self.database,
        )
        return list(result.records)
