"""Batch functions for topics and institutions: by id, counts, their researchers."""

from collections.abc import Sequence

from cypher.runner import CypherRunner
from loaders.pages import load_pages
from loaders.researchers import researcher_of
from model.graph import InstitutionRow, NodeCountsRow, ResearcherRow, TopicRow
from model.paging import Page, PageKey

# A topic's researchers are ranked over at most this many of its works (see the .cypher file).
TOPIC_RESEARCHER_SCAN = 2000


async def topics_by_id(runner: CypherRunner, ids: Sequence[str]) -> list[TopicRow | None]:
    found = {
        r["id"]: TopicRow.of(r["topic"]) for r in await runner.read("get_topics", ids=list(ids))
    }
    return [found.get(i) for i in ids]


async def institutions_by_id(
    runner: CypherRunner, ids: Sequence[str]
) -> list[InstitutionRow | None]:
    records = await runner.read("get_institutions", ids=list(ids))
    found = {r["id"]: InstitutionRow.of(r["institution"]) for r in records}
    return [found.get(i) for i in ids]


async def merged_into(runner: CypherRunner, ids: Sequence[str]) -> list[str | None]:
    records = await runner.read("get_merged_into", ids=list(ids))
    found = {r["id"]: str(r["into"]) for r in records}
    return [found.get(i) for i in ids]


async def node_counts(runner: CypherRunner, ids: Sequence[str]) -> list[NodeCountsRow | None]:
    records = await runner.read("count_node_works", ids=list(ids))
    found = {r["id"]: NodeCountsRow(r["works"], r["researchers"]) for r in records}
    return [found.get(i) for i in ids]


async def researcher_pages(
    runner: CypherRunner, keys: Sequence[PageKey]
) -> list[Page[ResearcherRow] | None]:
    return await load_pages(
        runner,
        "list_researchers_page",
        keys,
        "researchers",
        researcher_of,
        scan=TOPIC_RESEARCHER_SCAN,
    )
