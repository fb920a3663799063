"""Per-request DataLoaders: one per access pattern, each batching into one Cypher statement."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from aiodataloader import DataLoader

from cypher.runner import CypherRunner
from loaders import explorer, identity, nodes, researchers, viewer, works
from model.explorer import ExplorerKey, ExplorerRow
from model.graph import (
    AffiliationRow,
    AuthorshipRow,
    CitationCountsRow,
    CoauthorRow,
    CountsRow,
    InstitutionRow,
    NodeCountsRow,
    RelatedWorkRow,
    ResearcherRow,
    TopicRow,
    TopicShareRow,
    WorkRow,
    WorkTopicRow,
    WorkWithParts,
)
from model.paging import Page, PageKey
from model.social import ViewerStanding

K = TypeVar("K")
V = TypeVar("V")


def _loader(
    runner: CypherRunner,
    batch: Callable[[CypherRunner, Sequence[K]], Awaitable[list[V]]],
    batching: bool = True,
) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        return await batch(runner, keys)

    # Without batching (and its cache) every field asks Neo4j on its own: the naive
    # baseline the benchmarks compare against.
    return DataLoader(load, batch=batching, cache=batching)


@dataclass(frozen=True)
class Loaders:
    """Made fresh for every request: a loader's cache must never outlive the request."""

    researcher: DataLoader[str, ResearcherRow | None]
    counts: DataLoader[str, CountsRow | None]
    affiliations: DataLoader[str, list[AffiliationRow]]
    coauthors: DataLoader[PageKey, Page[CoauthorRow] | None]
    researcher_topics: DataLoader[PageKey, Page[TopicShareRow] | None]
    work: DataLoader[str, WorkRow | None]
    work_authors: DataLoader[PageKey, Page[AuthorshipRow] | None]
    work_topics: DataLoader[str, list[WorkTopicRow]]
    work_citations: DataLoader[str, CitationCountsRow | None]
    related_works: DataLoader[str, list[RelatedWorkRow]]
    works_page: DataLoader[PageKey, Page[WorkWithParts] | None]
    topic: DataLoader[str, TopicRow | None]
    institution: DataLoader[str, InstitutionRow | None]
    merged_into: DataLoader[str, str | None]
    node_counts: DataLoader[str, NodeCountsRow | None]
    researchers_page: DataLoader[PageKey, Page[ResearcherRow] | None]
    explorer: DataLoader[ExplorerKey, ExplorerRow | None]
    identity: DataLoader[str, identity.IdentityInputs]
    viewer_follows: DataLoader[str, bool]
    viewer_standing: DataLoader[str, ViewerStanding | None]

    @classmethod
    def create(
        cls, runner: CypherRunner, viewer_id: str | None = None, batching: bool = True
    ) -> "Loaders":
        return cls(
            researcher=_loader(runner, researchers.researchers_by_id, batching),
            counts=_loader(runner, researchers.counts_by_researcher, batching),
            affiliations=_loader(runner, researchers.affiliations_by_researcher, batching),
            coauthors=_loader(runner, researchers.coauthor_pages, batching),
            researcher_topics=_loader(runner, researchers.topic_pages, batching),
            work=_loader(runner, works.works_by_id, batching),
            work_authors=_loader(runner, works.author_pages, batching),
            work_topics=_loader(runner, works.topics_by_work, batching),
            work_citations=_loader(runner, works.citations_by_work, batching),
            related_works=_loader(runner, works.related_by_work, batching),
            works_page=_loader(runner, works.works_pages, batching),
            topic=_loader(runner, nodes.topics_by_id, batching),
            institution=_loader(runner, nodes.institutions_by_id, batching),
            merged_into=_loader(runner, nodes.merged_into, batching),
            node_counts=_loader(runner, nodes.node_counts, batching),
            researchers_page=_loader(runner, nodes.researcher_pages, batching),
            explorer=_loader(runner, explorer.slices, batching),
            identity=_loader(runner, identity.works_for_identity, batching),
            viewer_follows=_loader(runner, partial(identity.followed_by, viewer_id), batching),
            viewer_standing=_loader(
                runner, partial(viewer.standing_by_researcher, viewer_id), batching
            ),
        )
