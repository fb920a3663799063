"""The trust score: a deterministic 0..100 sum of seven documented components.

| component              | max | points                                                        |
| ---------------------- | --- | ------------------------------------------------------------- |
| verification           | 25  | L1 10, L2 20, L3 25                                           |
| claim                  | 10  | 10 when a signed-in user owns the record                      |
| body of work           | 15  | 3 * log2(1 + works), rounded down, at most 15 (all works)     |
| citations              | 15  | 5 * log10(1 + citations of the works), rounded down, max 15   |
| collaboration network  | 10  | 2 per close collaborator (2+ shared works), at most 10        |
| profile completeness   | 10  | description 3, current affiliation 4, ORCID 3                 |
| identity coherence     | 15  | 15 when the works look like one person, else 0                |

Tiers: Emerging below 40, Established from 40, Trusted from 60, Exemplary from 80.
The body of work counts every work (a degree look-up). The network counts every close
collaborator, from the stored co-author pairs (COAUTHORED, one per co-author with the number
of shared works): no sample. Citations and identity coherence read the identity sample
(loaders/identity.py: the latest 250 works, at most 50 co-authors read per work); when the
sample is not the whole record their reasons say so ("in a sample: the latest 250 of 21,895
works"; "at most 50 co-authors read on each of 3 work(s) with more"). A sample only ever lowers
their points. Every component only grows with more verification, a claim, more works, citations
or collaborators, so claiming with evidence or adding a confirmed work never lowers the score
(for citations, within the sample: past 250 works a new one pushes the oldest out of it).
"""

import math
from dataclasses import dataclass

from loaders.identity import MAX_IDENTITY_COAUTHORS, IdentityInputs
from model.aggregates import CLOSE_MIN_SHARED
from model.graph import ResearcherRow
from resolvers.identity import IdentityReport

VERIFICATION_POINTS = {"L1": 10, "L2": 20, "L3": 25}
TIERS = ((80, "Exemplary"), (60, "Trusted"), (40, "Established"), (0, "Emerging"))


@dataclass(frozen=True)
class Component:
    name: str
    points: int
    max: int
    reason: str


@dataclass(frozen=True)
class TrustScore:
    components: tuple[Component, ...]

    @property
    def score(self) -> int:
        return sum(c.points for c in self.components)

    @property
    def tier(self) -> str:
        return next(name for floor, name in TIERS if self.score >= floor)


def verification(row: ResearcherRow) -> Component:
    points = VERIFICATION_POINTS.get(row.verification, 0)
    meaning = {
        "L1": "built from imported bibliographic records",
        "L2": "claimed with matching evidence or approved by an admin",
        "L3": "confirmed for an institution",
    }.get(row.verification, "unknown")
    return Component("verification", points, 25, f"Verification {row.verification}: {meaning}")


def claim(row: ResearcherRow) -> Component:
    if row.claimed:
        return Component("claim", 10, 10, "Claimed: a signed-in user showed this record is theirs")
    return Component("claim", 0, 10, "Unclaimed author: nobody has shown this record is theirs")


def sample(inputs: IdentityInputs, coauthors: bool = False) -> str:
    """How a reason names the sample it was read from; empty when it read everything."""
    note = ""
    if inputs.sampled:
        note = f", in a sample: the latest {len(inputs.works):,} of {inputs.total_works:,} works"
    if coauthors and inputs.capped_works:
        note += (
            f", at most {MAX_IDENTITY_COAUTHORS} co-authors read on each of"
            f" {inputs.capped_works:,} work(s) with more"
        )
    return note


def body_of_work(inputs: IdentityInputs) -> Component:
    works = inputs.total_works
    points = min(15, math.floor(3 * math.log2(1 + works)))
    return Component("body of work", points, 15, f"{works} work(s) in the graph")


def citations(inputs: IdentityInputs) -> Component:
    known = [w.cited_by_count for w in inputs.works if w.cited_by_count is not None]
    if not known:
        reason = "No citation counts imported for these works" + sample(inputs)
        return Component("citations", 0, 15, reason)
    total = sum(known)
    points = min(15, math.floor(5 * math.log10(1 + total)))
    reason = f"{total} citation(s) across {len(known)} work(s)" + sample(inputs)
    return Component("citations", points, 15, reason)


def network(inputs: IdentityInputs) -> Component:
    # Every close collaborator, counted from the stored co-author pairs: not a sample.
    close = inputs.close_coauthors
    reason = f"{close} close collaborator(s) sharing {CLOSE_MIN_SHARED}+ works"
    return Component("collaboration network", min(10, 2 * close), 10, reason)


def completeness(row: ResearcherRow) -> Component:
    parts = {
        "description": (row.description, 3),
        "affiliation": (row.affiliation, 4),
        "ORCID": (row.orcid, 3),
    }
    points = sum(weight for value, weight in parts.values() if value)
    missing = [name for name, (value, _) in parts.items() if not value]
    reason = "Complete profile" if not missing else "Missing: " + ", ".join(missing)
    return Component("profile completeness", points, 10, reason)


def coherence(inputs: IdentityInputs, report: IdentityReport) -> Component:
    if report.coherent:
        reason = "The works look like one person" + sample(inputs, True)
        return Component("identity coherence", 15, 15, reason)
    reason = (
        f"The works look like {report.suspected_people} different people: groups with no shared "
        "co-author, topic, field or affiliation" + sample(inputs, True)
    )
    return Component("identity coherence", 0, 15, reason)


def trust(row: ResearcherRow, inputs: IdentityInputs, report: IdentityReport) -> TrustScore:
    return TrustScore(
        (
            verification(row),
            claim(row),
            body_of_work(inputs),
            citations(inputs),
            network(inputs),
            completeness(row),
            coherence(inputs, report),
        )
    )
