"""Batch functions for what depends on who asks or on a researcher's whole body of work."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from cypher.runner import CypherRunner
from model.graph import IdentityWorkRow, InstitutionRow, TopicRow

# The identity and trust analyses read a bounded sample of a researcher's works: at most this
# many of the latest, and on each at most MAX_IDENTITY_COAUTHORS other authors (the first the
# database finds, in no order), so a hyper-authored work costs what an ordinary one does. The
# full count of works comes with them (a degree look-up), and the exact count of close
# collaborators (closeCoauthors, kept with the stored co-author pairs: co-authors sharing
# CLOSE_MIN_SHARED = 2+ works); what reads only the sample says so.
# 250: a prolific researcher's page costs what a few ordinary ones do (at 1,000 the 20 most
# prolific of the 1M graph paid 8x an ordinary page's p99: bench/results-hubs.json), and the
# latest 250 works are the ones that say who the record is now.
MAX_IDENTITY_WORKS = 250
MAX_IDENTITY_COAUTHORS = 50
# And of each work's references at most this many, for self-citation.
MAX_IDENTITY_CITATIONS = 50


@dataclass(frozen=True)
class IdentityInputs:
    """What the identity and trust analyses read for one researcher."""

    # All of the researcher's works, however many the sample holds.
    total_works: int
    # The sample: the latest MAX_IDENTITY_WORKS works.
    works: tuple[IdentityWorkRow, ...]
    # Works of the sample whose co-authors were cut at MAX_IDENTITY_COAUTHORS.
    capped_works: int = 0
    # All co-authors sharing CLOSE_MIN_SHARED+ works with the researcher, sample or not.
    close_coauthors: int = 0

    @property
    def sampled(self) -> bool:
        return len(self.works) < self.total_works


def parameters(ids: Sequence[str]) -> dict[str, Any]:
    return {
        "ids": list(ids),
        "maxWorks": MAX_IDENTITY_WORKS,
        "maxCoauthors": MAX_IDENTITY_COAUTHORS,
        "maxCitations": MAX_IDENTITY_CITATIONS,
    }


async def works_for_identity(runner: CypherRunner, ids: Sequence[str]) -> list[IdentityInputs]:
    found = {
        r["researcherId"]: inputs_of(r)
        for r in await runner.read("get_identity_inputs", **parameters(ids))
    }
    return [found.get(i) or IdentityInputs(0, ()) for i in ids]


def inputs_of(record: Any) -> IdentityInputs:
    topics = {
        t["id"]: replace(TopicRow.of(t), works=t["works"], share=t["share"])
        for t in record["topics"]
    }
    institutions = {i["id"]: InstitutionRow.of(i) for i in record["institutions"]}
    works = tuple(
        IdentityWorkRow(
            id=w["id"],
            title=w["title"],
            year=w["year"],
            cited_by_count=w["citedByCount"],
            confirmed=w["confirmed"],
            coauthor_ids=frozenset(w["coauthorIds"]),
            topics=tuple(topics[t] for t in w["topicIds"]),
            institutions=tuple(institutions[i] for i in w["institutionIds"]),
            raw_name=w["rawName"],
            venue=w["venue"],
            orcid=w["orcid"],
            cites=frozenset(w["citesOwn"]),
        )
        for w in record["works"]
    )
    # The researcher is one of each work's authors; the rest are its co-authors.
    capped = sum(w["authors"] - 1 > len(w["coauthorIds"]) for w in record["works"])
    return IdentityInputs(record["totalWorks"], works, capped, record["closeCoauthors"])


async def followed_by(
    viewer_id: str | None, runner: CypherRunner, ids: Sequence[str]
) -> list[bool]:
    """Whether the viewer follows each researcher; nobody follows anyone when signed out."""
    if viewer_id is None:
        return [False] * len(ids)
    records = await runner.read("list_viewer_follows", userId=viewer_id, ids=list(ids))
    followed = {r["id"] for r in records}
    return [i in followed for i in ids]
