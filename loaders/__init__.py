"""Per-request DataLoaders: one per access pattern, each batching into one Cypher statement."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from aiodataloader import DataLoader

from cypher.runner import CypherRunner
from loaders.researchers import counts_by_researcher, researchers_by_id, works_pages
from loaders.rows import (
    AuthorshipRow,
    CountsRow,
    Page,
    PageKey,
    ResearcherRow,
    WorkRow,
    WorkTopicRow,
)
from loaders.works import authors_by_work, topics_by_work

K = TypeVar("K")
V = TypeVar("V")


def _loader(
    runner: CypherRunner, batch: Callable[[CypherRunner, Sequence[K]], Awaitable[list[V]]]
) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        return await batch(runner, keys)

    return DataLoader(load)


@dataclass(frozen=True)
class Loaders:
    """Made fresh for every request: a loader's cache must never outlive the request."""

    researcher: DataLoader[str, ResearcherRow | None]
    counts: DataLoader[str, CountsRow | None]
    works_page: DataLoader[PageKey, Page[WorkRow] | None]
    work_authors: DataLoader[str, list[AuthorshipRow]]
    work_topics: DataLoader[str, list[WorkTopicRow]]

    @classmethod
    def create(cls, runner: CypherRunner) -> "Loaders":
        return cls(
            researcher=_loader(runner, researchers_by_id),
            counts=_loader(runner, counts_by_researcher),
            works_page=_loader(runner, works_pages),
            work_authors=_loader(runner, authors_by_work),
            work_topics=_loader(runner, topics_by_work),
        )
