"""Batch functions for works: their ordered authors and their topics."""

from collections import defaultdict
from collections.abc import Sequence

from cypher.runner import CypherRunner
from loaders.researchers import researcher_of
from loaders.rows import AuthorshipRow, TopicRow, WorkTopicRow


async def authors_by_work(runner: CypherRunner, ids: Sequence[str]) -> list[list[AuthorshipRow]]:
    grouped: dict[str, list[AuthorshipRow]] = defaultdict(list)
    for r in await runner.read("get_work_authors", ids=list(ids)):
        grouped[r["workId"]].append(
            AuthorshipRow(
                position=r["position"],
                author_position=r["authorPosition"],
                raw_name=r["rawName"],
                corresponding=bool(r["corresponding"]),
                institution_ids=tuple(r["institutionIds"] or ()),
                researcher=researcher_of(r),
            )
        )
    return [grouped.get(i, []) for i in ids]


async def topics_by_work(runner: CypherRunner, ids: Sequence[str]) -> list[list[WorkTopicRow]]:
    grouped: dict[str, list[WorkTopicRow]] = defaultdict(list)
    for r in await runner.read("get_work_topics", ids=list(ids)):
        grouped[r["workId"]].append(WorkTopicRow(r["score"], TopicRow.of(r["topic"])))
    return [grouped.get(i, []) for i in ids]
