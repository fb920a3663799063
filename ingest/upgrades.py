"""Brings a store written by an older peergraph up to what this one reads, once, at the start of
the next import.

Each kept aggregate, and each renamed property, has a version on the marker node
(:Meta {id: 'aggregates'}); a store whose marker holds another version (or none: written
before it was kept) gets that step, and the marker is set only when the step has finished, so
an upgrade cut short starts again on the next import.
"""

import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from neo4j import AsyncResult, Query

from cypher import load as load_cypher
from cypher.affiliations import refresh_current_affiliations
from cypher.runner import CypherRunner
from cypher.works_page_keys import refresh_works_page_keys
from ingest.constraints import missing_schema
from model.aggregates import MAX_PAIR_AUTHORS


@dataclass(frozen=True)
class Kept:
    version: int
    what: str  # in the words a person reads when a store is behind


# What this peergraph reads, by marker property, at which version.
# coauthored: 3, each pair keeps lo, hi and rank for the co-author page's index seeks.
# confirmations: 1, an owner's confirmation of an authorship is AUTHORED.confirmed, the API's
#   name for it, where older stores wrote AUTHORED.verified.
# worksPageKeys: 1, each AUTHORED, HAS_TOPIC and HAS_INSTITUTION edge keeps the works pages'
#   index keys (set_works_page_keys).
KEPT = {
    "coauthored": Kept(3, "co-author pairs"),
    "studies": Kept(1, "topic shares"),
    "currentAffiliation": Kept(1, "current affiliations"),
    "confirmations": Kept(1, "confirmed authorships"),
    "worksPageKeys": Kept(1, "works page keys"),
}


def pending(versions: dict[str, object]) -> list[str]:
    """The marker properties whose step a store with these versions still needs."""
    return [name for name, kept in KEPT.items() if versions.get(name) != kept.version]


async def outdated(runner: CypherRunner) -> list[str]:
    """What a store written by an older peergraph lacks (empty for an empty store, which has
    nothing to upgrade, and for one this peergraph wrote)."""
    marker = (await runner.read("get_aggregates_version"))[0]
    if not marker["researchers"]:
        return []
    lacking = [KEPT[name].what for name in pending(marker["versions"])]
    # A statement that names an index in a hint fails on a store without it.
    return lacking + [f"the index {name}" for name in await missing_schema(runner)]


def maintenance(name: str) -> Query:
    """A once-per-store statement that commits in batches (CALL ... IN TRANSACTIONS) and shows
    its progress: no time limit, where the server's default (30 s for the embedded Neo4j) would
    end the backfill of a 100k graph after a fifth of it. Ctrl-C stops it; the marker is set
    only at the end, so the next import starts it again."""
    return Query(load_cypher(name), timeout=0)


@dataclass
class Upgrades:
    runner: CypherRunner
    # Researchers per transaction where a step runs the service's own statement.
    batch_size: int = 1_000
    show_progress: bool = False
    researchers: int = 0
    works: int = 0

    async def run(self) -> None:
        marker = (await self.runner.read("get_aggregates_version"))[0]
        self.researchers, self.works = marker["researchers"], marker["works"]
        steps: dict[str, Callable[[], Awaitable[None]]] = {
            "coauthored": self.build_coauthored,
            "studies": self.build_studies,
            "currentAffiliation": self.keep_current_affiliations,
            "confirmations": self.rename_confirmations,
            "worksPageKeys": self.keep_works_page_keys,
        }
        for name in pending(marker["versions"]):
            await steps[name]()
            version = KEPT[name].version
            await self.runner.write("set_aggregates_version", versions={name: version})

    async def build_coauthored(self) -> None:
        """The co-author pairs and each researcher's closeCoauthors, from scratch, in auto-commit
        transactions of 1,000 researchers, so a large graph never holds them all in one."""
        async with self.runner.driver.session(database=self.runner.database) as session:
            await (await session.run(maintenance("clear_coauthored"))).consume()
            marking = await session.run(
                maintenance("mark_pair_works"), maxPairAuthors=MAX_PAIR_AUTHORS
            )
            await marking.consume()
            backfill = await session.run(maintenance("backfill_coauthored"))
            await self.count_researchers(backfill, "building co-author pairs")
            await (await session.run(maintenance("backfill_close_coauthors"))).consume()

    async def build_studies(self) -> None:
        """The topic shares (STUDIES), from scratch, in transactions like the pairs."""
        async with self.runner.driver.session(database=self.runner.database) as session:
            await (await session.run(maintenance("clear_studies"))).consume()
            backfill = await session.run(maintenance("backfill_studies"))
            await self.count_researchers(backfill, "building topic shares")

    async def keep_current_affiliations(self) -> None:
        """set_current_affiliations, the statement that holds the rule, over every researcher
        in id order, `batch_size` a transaction. No clear step: the statement replaces whatever
        id a researcher has, and no maintenance statement repeats the rule."""
        done, after = 0, ""
        while page := await self.runner.read(
            "list_researcher_ids", afterId=after, first=self.batch_size
        ):
            ids = [record["id"] for record in page]
            await self.runner.write_together([refresh_current_affiliations(ids)])
            done, after = done + len(ids), ids[-1]
            self.show_done("keeping current affiliations", done, self.researchers)
        self.show_done("keeping current affiliations", None)

    async def keep_works_page_keys(self) -> None:
        """set_works_page_keys, the statement that holds the rule, over every work in id order,
        `batch_size` a transaction, as keep_current_affiliations does for researchers."""
        done, after = 0, ""
        while page := await self.runner.read("list_work_ids", afterId=after, first=self.batch_size):
            ids = [record["id"] for record in page]
            await self.runner.write_together([refresh_works_page_keys(works=ids)])
            done, after = done + len(ids), ids[-1]
            self.show_done("keeping works page keys", done, self.works, "works")
        self.show_done("keeping works page keys", None)

    async def rename_confirmations(self) -> None:
        async with self.runner.driver.session(database=self.runner.database) as session:
            await (await session.run(maintenance("rename_authorship_confirmations"))).consume()

    async def count_researchers(self, rows: AsyncResult, doing: str) -> None:
        """Drains a backfill that returns a row per researcher done, showing how far it is."""
        done = 0
        async for _ in rows:
            done += 1
            if done % 10_000 == 0 or done == self.researchers:
                self.show_done(doing, done, self.researchers)
        self.show_done(doing, None)

    def show_done(
        self, doing: str, done: int | None, total: int = 0, unit: str = "researchers"
    ) -> None:
        """How far a step is, when the import shows progress; None: it has finished."""
        if not self.show_progress or not self.researchers:
            return
        if done is None:
            sys.stderr.write("\n")
        else:
            sys.stderr.write(
                f"\r{doing}: {done:,} of {total:,} {unit} ({done / max(total, 1):.0%})   "
            )
        sys.stderr.flush()
