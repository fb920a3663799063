"""Batch functions for what depends on who asks or on a researcher's whole body of work."""

from collections import defaultdict
from collections.abc import Sequence

from cypher.runner import CypherRunner
from loaders.rows import IdentityWorkRow, InstitutionRow, TopicRow

# The identity and trust analyses read at most this many of a researcher's latest works.
MAX_IDENTITY_WORKS = 1000


async def works_for_identity(
    runner: CypherRunner, ids: Sequence[str]
) -> list[list[IdentityWorkRow]]:
    grouped: dict[str, list[IdentityWorkRow]] = defaultdict(list)
    records = await runner.read("get_identity_inputs", ids=list(ids), maxWorks=MAX_IDENTITY_WORKS)
    for r in records:
        grouped[r["researcherId"]].append(
            IdentityWorkRow(
                id=r["workId"],
                title=r["title"],
                year=r["year"],
                cited_by_count=r["citedByCount"],
                verified=r["verified"],
                coauthor_ids=frozenset(r["coauthorIds"]),
                topics=tuple(TopicRow.of(t) for t in r["topics"]),
                institutions=tuple(InstitutionRow.of(i) for i in r["institutions"]),
            )
        )
    return [grouped.get(i, []) for i in ids]


async def followed_by(
    viewer_id: str | None, runner: CypherRunner, ids: Sequence[str]
) -> list[bool]:
    """Whether the viewer follows each researcher; nobody follows anyone when signed out."""
    if viewer_id is None:
        return [False] * len(ids)
    records = await runner.read("list_viewer_follows", userId=viewer_id, ids=list(ids))
    followed = {r["id"] for r in records}
    return [i in followed for i in ids]
