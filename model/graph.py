"""The graph's entities and relationships as every layer sees them: plain, immutable values
read from Neo4j records."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class InstitutionRow:
    id: str
    name: str
    country: str | None = None
    type: str | None = None

    @classmethod
    def of(cls, props: dict[str, Any]) -> "InstitutionRow":
        return cls(
            props["id"], props.get("name") or props["id"], props.get("country"), props.get("type")
        )


@dataclass(frozen=True)
class ResearcherRow:
    id: str
    name: str
    description: str | None
    open_to_collaborate: bool
    verification: str
    claimed: bool
    orcid: str | None
    cited_by_count: int | None
    h_index: int | None
    affiliation: InstitutionRow | None
    # Read with the researcher when the statement has them (get_researchers).
    counts: "CountsRow | None" = None

    @classmethod
    def of(
        cls, props: dict[str, Any], claimed: bool, affiliation: dict[str, Any] | None
    ) -> "ResearcherRow":
        return cls(
            id=props["id"],
            name=props.get("name") or props["id"],
            description=props.get("description"),
            open_to_collaborate=bool(props.get("openToCollaborate")),
            # Imported from bibliographic records: L1 unless raised by a claim.
            verification=props.get("verification") or "L1",
            claimed=claimed,
            orcid=props.get("orcid"),
            cited_by_count=props.get("citedByCount"),
            h_index=props.get("hIndex"),
            affiliation=InstitutionRow.of(affiliation) if affiliation else None,
        )


@dataclass(frozen=True)
class WorkRow:
    id: str
    title: str | None
    abstract: str | None
    year: int | None
    type: str | None
    venue: str | None
    doi: str | None
    arxiv_id: str | None
    cited_by_count: int | None

    @classmethod
    def of(cls, props: dict[str, Any]) -> "WorkRow":
        return cls(
            id=props["id"],
            title=props.get("title"),
            abstract=props.get("abstract"),
            year=props.get("year"),
            type=props.get("type"),
            venue=props.get("venue"),
            doi=props.get("doi"),
            arxiv_id=props.get("arxivId"),
            cited_by_count=props.get("citedByCount"),
        )


@dataclass(frozen=True)
class TopicRow:
    id: str
    name: str
    subfield: str | None = None
    field: str | None = None
    domain: str | None = None
    # How many works of the graph carry the topic, and that as a share of all its works,
    # where a reader needs them (the identity check weighs a shared topic by how specific it
    # is); None when not read.
    works: int | None = None
    share: float | None = None

    @classmethod
    def of(cls, props: dict[str, Any]) -> "TopicRow":
        return cls(
            props["id"],
            props.get("name") or props["id"],
            props.get("subfield"),
            props.get("field"),
            props.get("domain"),
        )


@dataclass(frozen=True)
class AuthorshipRow:
    position: int
    author_position: str | None
    raw_name: str | None
    corresponding: bool
    institution_ids: tuple[str, ...]
    researcher: ResearcherRow


@dataclass(frozen=True)
class WorkTopicRow:
    score: float | None
    topic: TopicRow


@dataclass(frozen=True)
class CountsRow:
    works: int
    followers: int
    # Distinct topics across the researcher's works: the degree of its stored shares (STUDIES).
    topics: int
    # Co-authors sharing CLOSE_MIN_SHARED+ works, kept with the co-author pairs.
    close_coauthors: int


@dataclass(frozen=True)
class AffiliationRow:
    institution: InstitutionRow
    since: int | None
    until: int | None
    current: bool


@dataclass(frozen=True)
class CoauthorRow:
    researcher: ResearcherRow
    shared_works: int
    latest_year: int


@dataclass(frozen=True)
class TopicShareRow:
    topic: TopicRow
    works: int


@dataclass(frozen=True)
class RelatedWorkRow:
    work: WorkRow
    score: int


@dataclass(frozen=True)
class CitationCountsRow:
    references: int
    citations: int


@dataclass(frozen=True)
class NodeCountsRow:
    works: int
    researchers: int | None


@dataclass(frozen=True)
class IdentityWorkRow:
    """One work of a researcher as the identity and trust analyses see it."""

    id: str
    title: str | None
    year: int | None
    cited_by_count: int | None
    confirmed: bool
    coauthor_ids: frozenset[str]
    topics: tuple[TopicRow, ...]
    institutions: tuple[InstitutionRow, ...]
    # The researcher's name as this work prints it (OpenAlex raw_author_name).
    raw_name: str | None = None
    # The primary source's name (the work's venue).
    venue: str | None = None
    # The ORCID the work's authorship gives the researcher, where the source has one.
    orcid: str | None = None
    # The researcher's own works (of the sample) that this work cites.
    cites: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WorkWithParts:
    """A work as a page of works returns it: with its authors and topics, which the Work it
    becomes answers from directly (schema/work.py), with no loader round per work."""

    work: WorkRow
    # The work's first authors (at most PAGE_AUTHORS, loaders/works.py) and how many it has.
    authors: list[AuthorshipRow]
    topics: list[WorkTopicRow]
    author_count: int = 0


# Anything `node(id:)` can answer with.
NodeRow = ResearcherRow | WorkRow | TopicRow | InstitutionRow
