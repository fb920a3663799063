"""Writes OpenAlex-shaped records to Neo4j in batched, idempotent MERGE statements."""

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, LiteralString, TextIO, cast

from cypher.runner import CypherRunner
from ingest.reader import Line, files_under, read_lines
from ingest.records import RecordError, Row, parse

CONSTRAINTS = Path(__file__).resolve().parent.parent / "neo4j-seed" / "constraints.cypher"
# Records land in this order within a flush, so that a work finds its topics and
# institutions already named when it links to them.
ORDER = ("institutions", "topics", "authors", "works")


@dataclass(frozen=True)
class Skipped:
    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class ImportSummary:
    read: int = 0
    written: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORDER, 0))
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.written.items())
        return (
            f"read {self.read} records, wrote {counts}, skipped {len(self.skipped)}"
            f" in {self.seconds:.1f}s"
        )


def constraint_statements(path: Path = CONSTRAINTS) -> list[LiteralString]:
    """The statements of the constraints file, comments dropped, one per semicolon."""
    text = "\n".join(
        line for line in path.read_text("utf-8").splitlines() if not line.lstrip().startswith("//")
    )
    # The file is part of the project, never user input.
    return [cast(LiteralString, s.strip()) for s in text.split(";") if s.strip()]  # type: ignore[redundant-cast]


async def apply_constraints(runner: CypherRunner) -> None:
    for statement in constraint_statements():
        await runner.driver.execute_query(statement, database_=runner.database)
    await runner.driver.execute_query("CALL db.awaitIndexes(300)", database_=runner.database)


Progress = Callable[[ImportSummary], None]


def print_progress(stream: TextIO = sys.stderr) -> Progress:
    started = time.monotonic()

    def report(summary: ImportSummary) -> None:
        rate = summary.read / max(time.monotonic() - started, 1e-9)
        stream.write(f"\rimported {summary.read} records ({rate:,.0f}/s)")
        stream.flush()

    return report


@dataclass
class Importer:
    runner: CypherRunner
    batch_size: int = 500
    progress: Progress | None = None
    summary: ImportSummary = field(default_factory=ImportSummary)
    pending: dict[str, list[Row]] = field(default_factory=lambda: {k: [] for k in ORDER})

    async def run(self, paths: Iterable[Path]) -> ImportSummary:
        started = time.monotonic()
        await apply_constraints(self.runner)
        for path in files_under(paths):
            for line in read_lines(path):
                await self.take(line)
        await self.flush()
        self.summary.seconds = time.monotonic() - started
        return self.summary

    async def take(self, line: Line) -> None:
        self.summary.read += 1
        try:
            if line.error:
                raise RecordError(line.error)
            kind, row = parse(line.record)
        except RecordError as exc:
            self.summary.skipped.append(Skipped(line.path, line.number, str(exc)))
            return
        self.pending[kind].append(row)
        if sum(map(len, self.pending.values())) >= self.batch_size:
            await self.flush()

    async def flush(self) -> None:
        for kind in ORDER:
            rows, self.pending[kind] = self.pending[kind], []
            if rows:
                await self.runner.write(f"merge_{kind}", rows=rows)
                self.summary.written[kind] += len(rows)
        if self.progress:
            self.progress(self.summary)


async def import_paths(
    runner: CypherRunner, paths: Iterable[Path], **options: Any
) -> ImportSummary:
    return await Importer(runner, **options).run(paths)
