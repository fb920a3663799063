"""The store's constraints and indexes: neo4j-seed/constraints.cypher, applied before every
import and upgrade, and what a store still lacks of them."""

import re
from pathlib import Path
from typing import LiteralString, cast

from cypher.runner import CypherRunner

CONSTRAINTS = Path(__file__).resolve().parent.parent / "neo4j-seed" / "constraints.cypher"
NAMED = re.compile(r"CREATE (?:FULLTEXT |RANGE )?(?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS")


def constraint_statements(path: Path = CONSTRAINTS) -> list[LiteralString]:
    """The statements of the constraints file, comments dropped, one per semicolon."""
    text = "\n".join(
        line for line in path.read_text("utf-8").splitlines() if not line.lstrip().startswith("//")
    )
    # The file is part of the project, never user input.
    return [cast(LiteralString, s.strip()) for s in text.split(";") if s.strip()]  # type: ignore[redundant-cast]


def schema_names(path: Path = CONSTRAINTS) -> list[str]:
    """The name of each index and constraint the file creates, in its order."""
    return [m[1] for s in constraint_statements(path) if (m := NAMED.match(s))]


async def apply_constraints(runner: CypherRunner) -> None:
    for statement in constraint_statements():
        await runner.driver.execute_query(statement, database_=runner.database)
    await runner.driver.execute_query("CALL db.awaitIndexes(300)", database_=runner.database)


async def missing_schema(runner: CypherRunner) -> list[str]:
    """The indexes and constraints of the file the store lacks (a constraint's own index
    carries the constraint's name)."""
    present = {row["name"] for row in await runner.read("list_index_names")}
    return [name for name in schema_names() if name not in present]
