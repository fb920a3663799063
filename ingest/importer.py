"""Writes OpenAlex-shaped records to Neo4j in batched, idempotent MERGE statements."""

import asyncio
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from cypher.affiliations import refresh_current_affiliations
from cypher.runner import CypherRunner, GraphChanges
from cypher.works_page_keys import refresh_works_page_keys
from ingest.constraints import apply_constraints
from ingest.reader import (
    Line,
    UnreadableFile,
    files_under,
    is_merged_ids,
    read_lines,
    read_merges,
)
from ingest.records import RecordError, Row, merge_row, parse
from ingest.upgrades import Upgrades
from model.aggregates import MAX_PAIR_AUTHORS

# Records land in this order within a batch, so that a work finds its topics and
# institutions already named when it links to them.
ORDER = ("institutions", "topics", "authors", "works")
# Co-author pairs one merge_works statement may create at most (see work_statements); a work
# at MAX_PAIR_AUTHORS has 4,950.
PAIRS_PER_STATEMENT = 5_000


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
    total_bytes: int = 0
    merged: int = 0
    done_bytes: int = 0
    changes: GraphChanges = field(default_factory=GraphChanges)

    @property
    def stored(self) -> int:
        """Records written so far (each in a committed transaction)."""
        return sum(self.written.values())

    def describe(self) -> str:
        # "works" -> "work": each kind's name is its plural.
        kinds = ", ".join(plural(n, kind[:-1]) for kind, n in self.written.items() if n)
        read = plural(self.read, "record") + (f" ({kinds})" if kinds else "")
        return (
            f"read {read}, skipped {len(self.skipped):,},"
            f" merged away {plural(self.merged, 'id')} in {self.seconds:.1f}s: {self.outcome()}"
        )

    def outcome(self) -> str:
        nodes, relationships = self.changes.nodes, self.changes.relationships
        if nodes == relationships == 0:
            return "nothing new, the graph already held all of it"
        return (
            f"the graph gained {plural(nodes, 'node')} and {plural(relationships, 'relationship')}"
        )


def plural(n: int, thing: str) -> str:
    return f"{n:,} {thing}" if n == 1 else f"{n:,} {thing}s"


async def prepare_store(runner: CypherRunner, batch_size: int, show_progress: bool) -> None:
    """Constraints and indexes, then whatever an older peergraph's store still lacks: what
    every import does first, and all `peergraph upgrade` does."""
    await apply_constraints(runner)
    await Upgrades(runner, batch_size, show_progress).run()


Progress = Callable[[ImportSummary], None]


def print_progress(stream: TextIO = sys.stderr, window: float = 30.0) -> Progress:
    started = time.monotonic()
    # (time, bytes done) over the last `window` seconds: the ETA follows the recent rate, since
    # kinds cost very different amounts per byte (small author records go first and are slow).
    recent: deque[tuple[float, int]] = deque([(started, 0)])

    def report(summary: ImportSummary) -> None:
        now = time.monotonic()
        recent.append((now, summary.done_bytes))
        while recent[0][0] < now - window and len(recent) > 2:
            recent.popleft()
        # Graph elements (nodes and relationships) per second: the unit of the README and bench/.
        rate = summary.changes.elements / max(now - started, 1e-9)
        share = summary.done_bytes / summary.total_bytes if summary.total_bytes else 0.0
        stream.write(
            f"\rimported {plural(summary.read, 'record')} ({rate:,.0f} graph elements/s,"
            f" {share:.0%} of the files{eta(recent, summary.total_bytes - summary.done_bytes)})   "
        )
        stream.flush()

    return report


def eta(recent: deque[tuple[float, int]], left: int) -> str:
    (t0, b0), (t1, b1) = recent[0], recent[-1]
    if left <= 0 or b1 <= b0:
        return ""
    return f", about {left / ((b1 - b0) / (t1 - t0)):,.0f}s left"


@dataclass
class Importer:
    runner: CypherRunner
    batch_size: int = 1000
    # Concurrent write transactions. One by default: concurrent batches lock the same hub
    # nodes (a big institution, a hub topic) and deadlock, and the retries cost more than the
    # second core gains (measured; see bench/results.md).
    writers: int = 1
    progress: Progress | None = None
    summary: ImportSummary = field(default_factory=ImportSummary)
    baseline: GraphChanges = field(default_factory=GraphChanges)
    in_flight: set[asyncio.Task[None]] = field(default_factory=set)

    async def run(self, paths: Iterable[Path]) -> ImportSummary:
        started, self.baseline = time.monotonic(), replace(self.runner.stats.changes)
        await prepare_store(self.runner, self.batch_size, self.progress is not None)
        files = list(files_under(paths))
        self.summary.total_bytes = sum(f.stat().st_size for f in files)
        merges = [f for f in files if is_merged_ids(f)]
        try:
            batches = self.batches(f for f in files if not is_merged_ids(f))
            while batch := await self.next_batch(batches):
                await self.drain(self.writers - 1)
                self.in_flight.add(asyncio.create_task(self.write(batch)))
            await self.drain(0)
            # Merges last: they move the edges the records above have just written.
            for path in merges:
                await self.merge(path)
        finally:
            for task in self.in_flight:
                task.cancel()
            self.note_changes()
        self.summary.seconds = time.monotonic() - started
        return self.summary

    async def next_batch(
        self, batches: Iterator[dict[str, list[Row]]]
    ) -> dict[str, list[Row]] | None:
        # Parsing runs in a thread, so the event loop keeps driving the write in flight
        # (its Bolt messages, the commit) while the next batch is read: Python and Neo4j
        # work at the same time instead of taking turns.
        try:
            return await asyncio.to_thread(next, batches, None)
        except UnreadableFile:
            # What was read before the unreadable spot is good: its writes commit (they are
            # not cancelled) before the import stops.
            await self.drain(0)
            raise

    async def merge(self, path: Path) -> None:
        batches: dict[str, list[Row]] = {}
        for line in read_merges(path):
            if parsed := self.row_of(line, merge_row):
                kind, row = parsed
                batches.setdefault(kind, []).append(row)
        for kind, rows in batches.items():
            for start in range(0, len(rows), self.batch_size):
                chunk = rows[start : start + self.batch_size]
                steps = [(f"merge_away_{kind}", {"rows": chunk}), *merge_refreshes(kind, chunk)]
                done = (await self.runner.write_together(steps))[0]
                self.summary.merged += len(done)
        self.summary.done_bytes += path.stat().st_size

    def row_of(
        self, line: Line, parse_record: Callable[[Any], tuple[str, Row]]
    ) -> tuple[str, Row] | None:
        """The line's row, or None when it is skipped (with its reason in the summary)."""
        self.summary.read += 1
        try:
            if line.error:
                raise RecordError(line.error)
            return parse_record(line.record)
        except RecordError as exc:
            self.summary.skipped.append(Skipped(line.path, line.number, str(exc)))
            return None

    def batches(self, files: Iterable[Path]) -> Iterator[dict[str, list[Row]]]:
        """The records' rows by kind, `batch_size` at a time."""
        pending: dict[str, list[Row]] = {}
        size = 0
        try:
            for line in self.lines(files):
                # A full batch goes when the next line comes, so the last one of a file
                # leaves after its bytes are counted as done.
                if size >= self.batch_size:
                    yield pending
                    pending, size = {}, 0
                if parsed := self.row_of(line, parse):
                    pending.setdefault(parsed[0], []).append(parsed[1])
                    size += 1
        except UnreadableFile:
            # The lines before the unreadable spot are written before the import stops.
            if size:
                yield pending
            raise
        if size:
            yield pending

    def lines(self, files: Iterable[Path]) -> Iterator[Line]:
        """Every file's lines, with the bytes done counted as they are read."""
        finished = self.summary.done_bytes
        for path in files:
            for line in read_lines(path):
                self.summary.done_bytes = finished + line.at
                yield line
            finished += path.stat().st_size
            self.summary.done_bytes = finished

    async def drain(self, keep: int) -> None:
        """Waits until at most `keep` writes are in flight; a failed write fails the import."""
        while len(self.in_flight) > keep:
            done, self.in_flight = await asyncio.wait(
                self.in_flight, return_when=asyncio.FIRST_COMPLETED
            )
            for task in done:
                task.result()

    async def write(self, batch: dict[str, list[Row]]) -> None:
        # In ORDER, so that a work finds its topics and institutions already named.
        for kind in ORDER:
            if kind in batch:
                if kind == "works":
                    for rows in work_statements(batch[kind]):
                        merge = ("merge_works", {"rows": rows, "maxPairAuthors": MAX_PAIR_AUTHORS})
                        keys = refresh_works_page_keys(works=[row["id"] for row in rows])
                        await self.runner.write_together([merge, keys])
                elif kind == "authors":
                    # The authors' affiliations changed: their current ones follow at once.
                    rows, ids = batch[kind], [row["id"] for row in batch[kind]]
                    merge = ("merge_researchers", {"rows": rows})
                    await self.runner.write_together([merge, refresh_current_affiliations(ids)])
                else:
                    await self.runner.write(f"merge_{kind}", rows=batch[kind])
                self.summary.written[kind] += len(batch[kind])
        if self.progress:
            self.note_changes()
            self.progress(self.summary)

    def note_changes(self) -> None:
        # The runner counts every committed write; the import's are those since it began.
        self.summary.changes = self.runner.stats.changes.since(self.baseline)


def merge_refreshes(kind: str, rows: list[Row]) -> list[tuple[str, dict[str, Any]]]:
    """What must follow a batch of merged ids in its transaction: the works pages' keys of the
    survivors' edges (the moved ones name the merged-away node), and the current affiliations
    of the surviving researchers, or of every researcher of the surviving institutions (their
    edges to a merged-away one went with it)."""
    kept = list(dict.fromkeys(row["into"] for row in rows))
    # Every row, applied here or not: an old id bookmarked elsewhere still finds its node.
    remembered = ("record_merged_ids", {"rows": rows})
    if kind == "works":
        return [refresh_works_page_keys(works=kept), remembered]
    keys = refresh_works_page_keys(owners=kept)
    if kind == "researchers":
        return [keys, refresh_current_affiliations(researchers=kept), remembered]
    if kind == "institutions":
        return [keys, refresh_current_affiliations(institutions=kept), remembered]
    return [keys, remembered]


def work_statements(rows: list[Row]) -> list[list[Row]]:
    """The works of a batch in order, cut into the statements merge_works runs: no statement
    names a work twice (it keeps the co-author pairs from each work's authors before and after),
    and none holds more than PAIRS_PER_STATEMENT pairs of co-authors (a work of n authors has
    n * (n - 1) / 2), so a batch with a few works of hundreds of authors is several
    transactions of bounded size instead of one large one."""
    runs: list[list[Row]] = [[]]
    seen: set[Any] = set()
    pairs = 0
    for row in rows:
        authors = len(row["authorships"])
        cost = authors * (authors - 1) // 2 if authors <= MAX_PAIR_AUTHORS else 0
        if runs[-1] and (row["id"] in seen or pairs + cost > PAIRS_PER_STATEMENT):
            runs.append([])
            seen, pairs = set(), 0
        runs[-1].append(row)
        seen.add(row["id"])
        pairs += cost
    return runs


async def import_paths(
    runner: CypherRunner, paths: Iterable[Path], **options: Any
) -> ImportSummary:
    return await Importer(runner, **options).run(paths)
