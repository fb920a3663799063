"""Researcher records whose truth is known by construction, for the identity check.

Each case makes the works of one researcher record as the identity analysis reads them
(IdentityWorkRow): two people merged in one record, of the same subfield, of one field in
different subfields, or of different fields (each at their own institutions, in overlapping
years, with co-author circles of their own); or one person who stayed, moved institution
(cleanly, or with a year stated at both), held two affiliations at once with a circle at
each, changed field with a co-author spanning both, or came back after a long gap. Works carry
a specific topic and sometimes their field's broad one, a venue (a quarter preprints), an
ORCID on some authorships, and citations of the person's own earlier works.
`python -m bench.identity` measures the analysis on them.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from model.graph import IdentityWorkRow, InstitutionRow, TopicRow

FIELDS = {
    "Computer Science": ["Databases", "Computer Vision", "Natural Language Processing", "Networks"],
    "Biology": ["Genetics", "Ecology", "Plant Biology"],
    "Physics": ["Optics", "Condensed Matter Physics", "Astrophysics"],
}
SUBFIELD_FIELD = {s: f for f, subs in FIELDS.items() for s in subs}
INSTITUTIONS = [f"University {n}" for n in range(40)]
TOPICS_PER_SUBFIELD = 25
VENUES_PER_SUBFIELD = 8
# As in OpenAlex: a field's broad topic rides along on many of its works (a share of the
# graph's works far above a specific topic's), preprint servers take a quarter of the works of
# every field, and about a third of recent authorships carry the author's ORCID.
BROAD_TOPIC_SHARE = 0.03
BROAD_TOPIC_RATE = 0.35
PREPRINTS = "arXiv"
PREPRINT_RATE = 0.25
ORCID_RATE = 0.3
# How often a work cites one of the same person's earlier works.
SELF_CITATION_RATE = 0.3
GRAPH_WORKS = 100_000


def key_of(name: str) -> str:
    """A name as the rest of an id (ids take no spaces)."""
    return name.replace(" ", "-")


def topic(subfield: str, number: int) -> TopicRow:
    name = f"{subfield} topic {number}"
    # The same topic has the same size in every record (a seeded generator of its own).
    works = random.Random(name).randint(20, 200)
    field = SUBFIELD_FIELD[subfield]
    return TopicRow(
        f"T-{key_of(name)}", name, subfield, field, works=works, share=works / GRAPH_WORKS
    )


def broad_topic(subfield: str) -> TopicRow:
    field = SUBFIELD_FIELD[subfield]
    works = int(BROAD_TOPIC_SHARE * GRAPH_WORKS)
    name = f"{field} methods"
    return TopicRow(
        f"T-{key_of(name)}",
        name,
        subfield=FIELDS[field][0],
        field=field,
        works=works,
        share=BROAD_TOPIC_SHARE,
    )


@dataclass
class Person:
    """One generated person: where and what they work on, and whom with."""

    rng: random.Random
    key: str
    subfield: str
    # (institution, first year, last year), in turn.
    history: list[tuple[str, int, int]]
    initial: str | None
    pool: list[str] = field(default_factory=list)
    favourites: list[int] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    orcid: str = ""
    written: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pool = [f"A-{self.key}-c{n}" for n in range(6)]
        self.favourites = self.rng.sample(range(TOPICS_PER_SUBFIELD), 6)
        venues = [f"{self.subfield} venue {n}" for n in range(VENUES_PER_SUBFIELD)]
        self.venues = self.rng.sample(venues, 3)
        self.orcid = f"0000-0000-{self.rng.randrange(10**4):04d}-{self.key}"

    def works(
        self, count: int, first_id: int, subfield: str | None = None
    ) -> list[IdentityWorkRow]:
        return [self.work(first_id + n, subfield or self.subfield) for n in range(count)]

    def work(self, number: int, subfield: str) -> IdentityWorkRow:
        rng = self.rng
        inst, lo, hi = rng.choice(self.history)
        year = rng.randint(lo, hi)
        number_in = (
            rng.choice(self.favourites)
            if subfield == self.subfield
            else rng.randrange(TOPICS_PER_SUBFIELD)
        )
        topics: tuple[TopicRow, ...] = (topic(subfield, number_in),)
        if rng.random() < BROAD_TOPIC_RATE:
            topics += (broad_topic(subfield),)
        stated = (InstitutionRow(f"I-{key_of(inst)}", inst),) if rng.random() < 0.8 else ()
        middle = f" {self.initial}." if self.initial else ""
        cites = (
            frozenset({rng.choice(self.written)})
            if self.written and rng.random() < SELF_CITATION_RATE
            else frozenset()
        )
        work_id = f"W-{self.key}-{number}"
        self.written.append(work_id)
        return IdentityWorkRow(
            id=work_id,
            title=None,
            year=year,
            cited_by_count=0,
            confirmed=False,
            coauthor_ids=frozenset(rng.sample(self.pool, rng.randint(1, 3))),
            topics=topics,
            institutions=stated,
            raw_name=f"Yang{middle} Liu",
            venue=PREPRINTS if rng.random() < PREPRINT_RATE else rng.choice(self.venues),
            orcid=self.orcid if rng.random() < ORCID_RATE else None,
            cites=cites,
        )


def person(rng: random.Random, key: str, subfield: str, years: tuple[int, int]) -> Person:
    initial = rng.choice([None, None, "P", "Q", "R", "S"])
    return Person(rng, key, subfield, [(rng.choice(INSTITUTIONS), *years)], initial)


def two_subfields(rng: random.Random, same_field: bool) -> tuple[str, str]:
    if same_field:
        return tuple(rng.sample(FIELDS[rng.choice(list(FIELDS))], 2))  # type: ignore[return-value]
    a, b = rng.sample(list(FIELDS), 2)
    return rng.choice(FIELDS[a]), rng.choice(FIELDS[b])


def merged(rng: random.Random, key: str, subfields: tuple[str, str]) -> list[IdentityWorkRow]:
    first = person(rng, f"{key}a", subfields[0], (2010, 2020))
    second = person(rng, f"{key}b", subfields[1], (2014, 2024))
    return first.works(rng.randint(4, 20), 0) + second.works(rng.randint(3, 15), 100)


def same_subfield(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    subfield = rng.choice(list(SUBFIELD_FIELD))
    return merged(rng, key, (subfield, subfield))


def same_field(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    return merged(rng, key, two_subfields(rng, same_field=True))


def different_fields(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    return merged(rng, key, two_subfields(rng, same_field=False))


def stayed(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    return person(rng, key, rng.choice(list(SUBFIELD_FIELD)), (2008, 2024)).works(
        rng.randint(5, 30), 0
    )


def moved(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    one = person(rng, key, rng.choice(list(SUBFIELD_FIELD)), (2008, 2015))
    one.history.append((rng.choice(INSTITUTIONS), 2016, 2024))
    return one.works(rng.randint(6, 30), 0)


def moved_with_a_year_at_both(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    # Works printed the year of the move state either institution.
    one = person(rng, key, rng.choice(list(SUBFIELD_FIELD)), (2008, 2015))
    one.history.append((rng.choice(INSTITUTIONS), 2015, 2024))
    return one.works(rng.randint(6, 30), 0)


def two_affiliations(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    # A university and a lab at once for years, each with co-authors of its own.
    one = person(rng, key, rng.choice(list(SUBFIELD_FIELD)), (2012, 2024))
    lab = Person(rng, key, one.subfield, [(rng.choice(INSTITUTIONS), 2015, 2024)], one.initial)
    lab.favourites, lab.venues, lab.orcid = one.favourites, one.venues, one.orcid
    lab.written = one.written
    lab.pool = [f"A-{key}-lab-c{n}" for n in range(6)]
    return one.works(rng.randint(3, 15), 0) + lab.works(rng.randint(3, 15), 100)


def changed_field(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    before, after = two_subfields(rng, same_field=False)
    one = person(rng, key, before, (2008, 2024))
    works = one.works(rng.randint(3, 12), 0) + one.works(rng.randint(3, 12), 100, after)
    # A co-author who wrote with them in both fields.
    bridge = one.pool[0]
    return [
        IdentityWorkRow(**{**w.__dict__, "coauthor_ids": w.coauthor_ids | {bridge}})
        if n in (0, len(works) - 1)
        else w
        for n, w in enumerate(works)
    ]


def long_gap(rng: random.Random, key: str) -> list[IdentityWorkRow]:
    subfield = rng.choice(list(SUBFIELD_FIELD))
    early = person(rng, key, subfield, (1995, 2000))
    late = Person(rng, key, subfield, [(rng.choice(INSTITUTIONS), 2015, 2022)], early.initial)
    late.favourites, late.venues, late.orcid = early.favourites, early.venues, early.orcid
    late.written = early.written
    late.pool = [f"A-{key}-late-c{n}" for n in range(6)]
    return early.works(rng.randint(3, 10), 0) + late.works(rng.randint(3, 10), 100)


# Each case: how it is made, and whether its records hold two people.
CASES: dict[str, tuple[Callable[[random.Random, str], list[IdentityWorkRow]], bool]] = {
    "two people, same subfield": (same_subfield, True),
    "two people, one field, other subfields": (same_field, True),
    "two people, different fields": (different_fields, True),
    "one person who stayed": (stayed, False),
    "one person who moved institution": (moved, False),
    "one person who moved, a year stated at both": (moved_with_a_year_at_both, False),
    "one person at a university and a lab at once": (two_affiliations, False),
    "one person who changed field (a co-author spans both)": (changed_field, False),
    "one person with a long gap": (long_gap, False),
}


def labelled(records: int, seed: int) -> list[tuple[str, str, list[IdentityWorkRow]]]:
    """(case, researcher id, works) for `records` records of each case, ids unique across
    cases, as the graph needs them."""
    rng = random.Random(seed)
    return [
        (name, f"A-k{c}-{n}", make(rng, f"k{c}-{n}"))
        for c, (name, (make, _)) in enumerate(CASES.items())
        for n in range(records)
    ]


def openalex_records(researcher_id: str, works: list[IdentityWorkRow]) -> list[dict[str, Any]]:
    """The works of one case's record as OpenAlex work records, for the importer: the record's
    researcher first on each, with the ORCID, printed name and institutions the row states,
    then its co-authors; the topics with their subfield and field, the venue, and the
    citations of the person's own works."""
    return [openalex_work(researcher_id, w) for w in works]


def openalex_work(researcher_id: str, w: IdentityWorkRow) -> dict[str, Any]:
    own = {
        "author": {"id": researcher_id, "display_name": "Yang Liu", "orcid": w.orcid},
        "raw_author_name": w.raw_name,
        "institutions": [{"id": i.id, "display_name": i.name} for i in w.institutions],
    }
    others = [
        {"author": {"id": c, "display_name": c}, "institutions": []} for c in sorted(w.coauthor_ids)
    ]
    topics = [
        {
            "id": t.id,
            "display_name": t.name,
            "score": 0.9,
            "subfield": {"display_name": t.subfield},
            "field": {"display_name": t.field},
        }
        for t in w.topics
    ]
    return {
        "id": w.id,
        "title": f"Work {w.id}",
        "publication_year": w.year,
        "type": "article",
        "cited_by_count": 0,
        "authorships": [own, *others],
        "topics": topics,
        "primary_location": {"source": {"display_name": w.venue}} if w.venue else None,
        "referenced_works": sorted(w.cites),
    }
