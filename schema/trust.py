from enum import Enum

import strawberry

from loaders.identity import MAX_IDENTITY_COAUTHORS, MAX_IDENTITY_WORKS
from resolvers.context import Context
from resolvers.identity import IdentityReport, PersonGroup
from resolvers.trust import Component, TrustScore
from schema.work import Work

Info = strawberry.Info[Context, None]


@strawberry.type(description="One of the seven parts of a trust score.")
class TrustComponent:
    name: str = strawberry.field(
        description="verification, claim, body of work, citations, collaboration network, "
        "profile completeness or identity coherence."
    )
    points: int = strawberry.field(description="The points it gives, 0 to max.")
    max: int = strawberry.field(description="The most points it can give.")
    reason: str = strawberry.field(
        description="Why, in words; says so when it was read from a sample of the works."
    )

    @classmethod
    def of(cls, c: Component) -> "TrustComponent":
        return cls(name=c.name, points=c.points, max=c.max, reason=c.reason)


@strawberry.enum(description="The band a trust score falls in.")
class TrustTier(Enum):
    EMERGING = strawberry.enum_value("EMERGING", description="Below 40.")
    ESTABLISHED = strawberry.enum_value("ESTABLISHED", description="40 to 59.")
    TRUSTED = strawberry.enum_value("TRUSTED", description="60 to 79.")
    EXEMPLARY = strawberry.enum_value("EXEMPLARY", description="80 and above.")


@strawberry.type(
    description="A deterministic score from 0 to 100: the sum of its components' points. "
    "Tiers: Emerging below 40, Established from 40, Trusted from 60, Exemplary from 80."
)
class Trust:
    score: int = strawberry.field(description="0 to 100: the sum of the components' points.")
    tier: TrustTier = strawberry.field(description="The band the score falls in.")
    components: list[TrustComponent] = strawberry.field(
        description="The seven components, always in the same order."
    )

    @classmethod
    def of(cls, t: TrustScore) -> "Trust":
        return cls(
            score=t.score,
            tier=TrustTier(t.tier.upper()),
            components=[TrustComponent.of(c) for c in t.components],
        )


@strawberry.type(
    description="A work of the record as the identity check read it: a fact about the record "
    "and the work together, so it has no id of its own (the work is `work`)."
)
class IdentityWork:
    work_id: strawberry.ID = strawberry.field(description="The work's id (Work.id).")
    title: str | None = strawberry.field(description="Its title, as the check read it.")
    year: int | None = strawberry.field(description="Its publication year, as the check read it.")
    confirmed: bool = strawberry.field(
        description="The record's owner confirmed this work is theirs."
    )

    @strawberry.field(
        description="The work itself, read when asked (one batched statement); null only when "
        "it was deleted after the check read it."
    )
    async def work(self, info: Info) -> Work | None:
        row = await info.context.loaders.work.load(self.work_id)
        return Work.of(row) if row else None


@strawberry.type(description="The works of the record that look like one person's.")
class IdentityGroup:
    works: list[IdentityWork] = strawberry.field(description="The group's works, by id.")
    evidence: list[str] = strawberry.field(
        description="In words: what the group's works have in common and, when there are "
        "other groups, that it shares nothing with them."
    )

    @classmethod
    def of(cls, g: PersonGroup) -> "IdentityGroup":
        works = [
            IdentityWork(
                work_id=strawberry.ID(w.id), title=w.title, year=w.year, confirmed=w.confirmed
            )
            for w in g.works
        ]
        return cls(works=works, evidence=list(g.evidence))


@strawberry.type(
    description="Whether the record's works look like one person: works are grouped by shared "
    "co-authors, and groups are weighed against each other by ORCIDs, institutions and their "
    "years, topics (by how specific each is), venues, self-citation and printed names; a group "
    "that scores at or below a documented threshold is a suspected separate person, with the "
    "evidence in words (resolvers/identity.py). Read from a sample: the latest "
    f"{MAX_IDENTITY_WORKS:,} works, with at most {MAX_IDENTITY_COAUTHORS} co-authors of each "
    "(the trust components' reasons say when the sample is not the whole record)."
)
class Identity:
    coherent: bool = strawberry.field(description="Whether the works look like one person's.")
    suspected_people: int = strawberry.field(
        description="How many people the works look like, at least 1."
    )
    groups: list[IdentityGroup] = strawberry.field(
        description="One group per suspected person, the largest first; empty when the record "
        "has no works."
    )

    @classmethod
    def of(cls, r: IdentityReport) -> "Identity":
        return cls(
            coherent=r.coherent,
            suspected_people=r.suspected_people,
            groups=[IdentityGroup.of(g) for g in r.groups],
        )
