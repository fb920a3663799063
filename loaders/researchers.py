"""Batch functions for researchers: by id, their counts, pages of their works."""

from collections.abc import Sequence
from typing import Any

from cypher.runner import CypherRunner
from loaders.rows import CountsRow, Page, PageEntry, PageKey, ResearcherRow, WorkRow

# A co-author is a close collaborator from this many shared works on (documented in the schema).
CLOSE_MIN_SHARED = 2


def researcher_of(record: Any) -> ResearcherRow:
    return ResearcherRow.of(record["researcher"], record["claimed"], record["affiliation"])


async def researchers_by_id(runner: CypherRunner, ids: Sequence[str]) -> list[ResearcherRow | None]:
    records = await runner.read("get_researchers", ids=list(ids))
    found = {r["id"]: researcher_of(r) for r in records}
    return [found.get(i) for i in ids]


async def counts_by_researcher(runner: CypherRunner, ids: Sequence[str]) -> list[CountsRow | None]:
    records = await runner.read(
        "count_researcher_stats", ids=list(ids), closeMinShared=CLOSE_MIN_SHARED
    )
    found = {
        r["id"]: CountsRow(r["works"], r["followers"], r["topics"], r["closeCollaborators"])
        for r in records
    }
    return [found.get(i) for i in ids]


def page_param(index: int, key: PageKey) -> dict[str, Any]:
    return {
        "index": index,
        "researcherId": key.owner_id,
        "first": key.first,
        "order": key.order,
        "afterKey": key.after_key,
        "afterId": key.after_id,
    }


async def works_pages(runner: CypherRunner, keys: Sequence[PageKey]) -> list[Page[WorkRow] | None]:
    pages = [page_param(i, k) for i, k in enumerate(keys)]
    records = await runner.read("list_researcher_works", pages=pages)
    by_index = {r["index"]: r for r in records}
    return [_page(by_index.get(i), k) for i, k in enumerate(keys)]


def _page(record: Any, key: PageKey) -> Page[WorkRow] | None:
    if record is None:
        return None
    entries = tuple(PageEntry(e["sortKey"], WorkRow.of(e["work"])) for e in record["works"])
    return Page(record["total"], entries[: key.first], len(entries) > key.first)
