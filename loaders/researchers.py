"""Batch functions for researchers: by id, counts, affiliations, co-authors, topics."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from cypher.runner import CypherRunner
from loaders.pages import load_pages
from model.graph import (
    AffiliationRow,
    CoauthorRow,
    CountsRow,
    InstitutionRow,
    ResearcherRow,
    TopicRow,
    TopicShareRow,
)
from model.paging import Page, PageKey


def researcher_of(record: Any) -> ResearcherRow:
    return ResearcherRow.of(record["researcher"], record["claimed"], record["affiliation"])


def counts_of(record: Any) -> CountsRow:
    return CountsRow(
        record["works"], record["followers"], record["topics"], record["closeCoauthors"]
    )


async def researchers_by_id(runner: CypherRunner, ids: Sequence[str]) -> list[ResearcherRow | None]:
    records = await runner.read("get_researchers", ids=list(ids))
    found = {r["id"]: replace(researcher_of(r), counts=counts_of(r)) for r in records}
    return [found.get(i) for i in ids]


async def counts_by_researcher(runner: CypherRunner, ids: Sequence[str]) -> list[CountsRow | None]:
    records = await runner.read("count_researcher_stats", ids=list(ids))
    found = {r["id"]: counts_of(r) for r in records}
    return [found.get(i) for i in ids]


async def affiliations_by_researcher(
    runner: CypherRunner, ids: Sequence[str]
) -> list[list[AffiliationRow]]:
    grouped: dict[str, list[AffiliationRow]] = defaultdict(list)
    for r in await runner.read("list_researcher_affiliations", ids=list(ids)):
        grouped[r["researcherId"]].append(
            AffiliationRow(
                InstitutionRow.of(r["institution"]), r["since"], r["until"], r["current"]
            )
        )
    return [grouped.get(i, []) for i in ids]


def coauthor_of(entry: Any) -> CoauthorRow:
    return CoauthorRow(researcher_of(entry), entry["shared"], entry["latestYear"])


async def coauthor_pages(
    runner: CypherRunner, keys: Sequence[PageKey]
) -> list[Page[CoauthorRow] | None]:
    # Each page reads at most `limit` pairs from each end of its index seeks; LIMIT takes a
    # parameter, not a per-page value, so pages asked together read as many as the largest.
    limit = max(k.first for k in keys) + 1
    return await load_pages(runner, "list_coauthors", keys, "coauthors", coauthor_of, limit=limit)


def topic_share_of(entry: Any) -> TopicShareRow:
    return TopicShareRow(TopicRow.of(entry["topic"]), entry["works"])


async def topic_pages(
    runner: CypherRunner, keys: Sequence[PageKey]
) -> list[Page[TopicShareRow] | None]:
    limit = max(k.first for k in keys) + 1
    return await load_pages(
        runner, "list_researcher_topics", keys, "topics", topic_share_of, limit=limit
    )
