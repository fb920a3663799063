"""Batch functions for works: by id, ordered authors, topics, citations, related, pages."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from cypher.runner import CypherRunner
from loaders.pages import load_pages
from loaders.researchers import researcher_of
from model.graph import (
    AuthorshipRow,
    CitationCountsRow,
    RelatedWorkRow,
    TopicRow,
    WorkRow,
    WorkTopicRow,
    WorkWithParts,
)
from model.paging import Page, PageKey

# A topic lends related works from at most this many of its works: hubs stay cheap.
RELATED_SCAN = 500


async def works_by_id(runner: CypherRunner, ids: Sequence[str]) -> list[WorkRow | None]:
    found = {r["id"]: WorkRow.of(r["work"]) for r in await runner.read("get_works", ids=list(ids))}
    return [found.get(i) for i in ids]


# The authors a page of works brings with each work: what Work.authors gives by default
# (schema/work.py), so the pages answer from it; a client asking for more, or for the authors
# after a position, gets them from author_pages.
PAGE_AUTHORS = 25


async def author_pages(
    runner: CypherRunner, keys: Sequence[PageKey]
) -> list[Page[AuthorshipRow] | None]:
    """Pages of works' author lists: owner_id is the work, after_key the position to start
    after; total is how many authors the work has."""
    limit = max(k.first for k in keys) + 1
    return await load_pages(runner, "get_work_authors", keys, "authors", authorship_of, limit=limit)


def authorship_of(r: Any) -> AuthorshipRow:
    return AuthorshipRow(
        position=r["position"],
        author_position=r["authorPosition"],
        raw_name=r["rawName"],
        corresponding=bool(r["corresponding"]),
        institution_ids=tuple(r["institutionIds"] or ()),
        researcher=researcher_of(r),
    )


def work_topic_of(r: Any) -> WorkTopicRow:
    return WorkTopicRow(r["score"], TopicRow.of(r["topic"]))


async def topics_by_work(runner: CypherRunner, ids: Sequence[str]) -> list[list[WorkTopicRow]]:
    records = await runner.read("get_work_topics", ids=list(ids))
    found = {r["workId"]: [work_topic_of(t) for t in r["topics"]] for r in records}
    return [found.get(i, []) for i in ids]


async def citations_by_work(
    runner: CypherRunner, ids: Sequence[str]
) -> list[CitationCountsRow | None]:
    records = await runner.read("count_work_citations", ids=list(ids))
    found = {r["id"]: CitationCountsRow(r["references"], r["citations"]) for r in records}
    return [found.get(i) for i in ids]


async def related_by_work(runner: CypherRunner, ids: Sequence[str]) -> list[list[RelatedWorkRow]]:
    grouped: dict[str, list[RelatedWorkRow]] = defaultdict(list)
    for r in await runner.read("list_related_works", ids=list(ids), scan=RELATED_SCAN):
        grouped[r["workId"]].append(RelatedWorkRow(WorkRow.of(r["work"]), r["score"]))
    return [grouped.get(i, []) for i in ids]


def work_with_parts(entry: Any) -> WorkWithParts:
    return WorkWithParts(
        WorkRow.of(entry["work"]),
        [authorship_of(a) for a in entry["authors"]],
        [work_topic_of(t) for t in entry["topics"]],
        author_count=entry["authorCount"],
    )


async def works_pages(
    runner: CypherRunner, keys: Sequence[PageKey]
) -> list[Page[WorkWithParts] | None]:
    # Each page reads at most `limit` entries from the one index seek its order and cursor pick;
    # LIMIT takes a parameter, not a per-page value, so pages asked together read as many as the
    # largest.
    limit = max(k.first for k in keys) + 1
    return await load_pages(
        runner,
        "list_works_page",
        keys,
        "works",
        work_with_parts,
        limit=limit,
        authors=PAGE_AUTHORS,
    )
