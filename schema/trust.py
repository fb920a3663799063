import strawberry

from loaders.identity import MAX_IDENTITY_COAUTHORS, MAX_IDENTITY_WORKS
from resolvers.identity import IdentityReport, PersonGroup
from resolvers.trust import Component, TrustScore


@strawberry.type
class TrustComponent:
    name: str
    points: int
    max: int
    reason: str

    @classmethod
    def of(cls, c: Component) -> "TrustComponent":
        return cls(name=c.name, points=c.points, max=c.max, reason=c.reason)


@strawberry.type(
    description="A deterministic score from 0 to 100: the sum of its components' points. "
    "Tiers: Emerging below 40, Established from 40, Trusted from 60, Exemplary from 80."
)
class Trust:
    score: int
    tier: str
    components: list[TrustComponent]

    @classmethod
    def of(cls, t: TrustScore) -> "Trust":
        return cls(
            score=t.score, tier=t.tier, components=[TrustComponent.of(c) for c in t.components]
        )


@strawberry.type
class IdentityWork:
    id: strawberry.ID
    title: str | None
    year: int | None
    confirmed: bool = strawberry.field(description="The owner confirmed this work is theirs.")


@strawberry.type
class IdentityGroup:
    works: list[IdentityWork]
    evidence: list[str]

    @classmethod
    def of(cls, g: PersonGroup) -> "IdentityGroup":
        works = [
            IdentityWork(id=strawberry.ID(w.id), title=w.title, year=w.year, confirmed=w.confirmed)
            for w in g.works
        ]
        return cls(works=works, evidence=list(g.evidence))


@strawberry.type(
    description="Whether the record's works look like one person: works are grouped by shared "
    "co-authors, and groups with no topic, field or stated affiliation in common are reported "
    "as suspected separate people, with the evidence in words. Read from a sample: the latest "
    f"{MAX_IDENTITY_WORKS:,} works, with at most {MAX_IDENTITY_COAUTHORS} co-authors of each "
    "(the trust components' reasons say when the sample is not the whole record)."
)
class Identity:
    coherent: bool
    suspected_people: int
    groups: list[IdentityGroup]

    @classmethod
    def of(cls, r: IdentityReport) -> "Identity":
        return cls(
            coherent=r.coherent,
            suspected_people=r.suspected_people,
            groups=[IdentityGroup.of(g) for g in r.groups],
        )
