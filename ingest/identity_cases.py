"""Researcher records whose truth is known by construction, for the identity check.

Each case makes the works of one researcher record as the identity analysis reads them
(IdentityWorkRow): two people merged in one record, of the same subfield, of one field in
different subfields, or of different fields (each at their own institutions, in overlapping
years, with co-author circles of their own); or one person who stayed, moved institution
(cleanly, or with a year stated at both), changed field with a co-author spanning both, or
came back after a long gap. `python -m bench.identity` measures the analysis on them.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from model.graph import IdentityWorkRow, InstitutionRow, TopicRow

FIELDS = {
    "Computer Science": ["Databases", "Computer Vision", "Natural Language Processing", "Networks"],
    "Biology": ["Genetics", "Ecology", "Plant Biology"],
    "Physics": ["Optics", "Condensed Matter Physics", "Astrophysics"],
}
SUBFIELD_FIELD = {s: f for f, subs in FIELDS.items() for s in subs}
INSTITUTIONS = [f"University {n}" for n in range(40)]
TOPICS_PER_SUBFIELD = 25


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
    favourites: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pool = [f"{self.key}-c{n}" for n in range(6)]
        topics = [f"{self.subfield} topic {n}" for n in range(TOPICS_PER_SUBFIELD)]
        self.favourites = self.rng.sample(topics, 6)

    def works(
        self, count: int, first_id: int, subfield: str | None = None
    ) -> list[IdentityWorkRow]:
        return [self.work(first_id + n, subfield or self.subfield) for n in range(count)]

    def work(self, number: int, subfield: str) -> IdentityWorkRow:
        rng = self.rng
        inst, lo, hi = rng.choice(self.history)
        year = rng.randint(lo, hi)
        topic = (
            rng.choice(self.favourites)
            if subfield == self.subfield
            else f"{subfield} topic {rng.randrange(TOPICS_PER_SUBFIELD)}"
        )
        stated = (InstitutionRow(f"I-{inst}", inst),) if rng.random() < 0.8 else ()
        middle = f" {self.initial}." if self.initial else ""
        return IdentityWorkRow(
            id=f"W-{self.key}-{number}",
            title=None,
            year=year,
            cited_by_count=0,
            confirmed=False,
            coauthor_ids=frozenset(rng.sample(self.pool, rng.randint(1, 3))),
            topics=(TopicRow(topic, topic, subfield=subfield, field=SUBFIELD_FIELD[subfield]),),
            institutions=stated,
            raw_name=f"Yang{middle} Liu",
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
    late.favourites = early.favourites
    late.pool = [f"{key}-late-c{n}" for n in range(6)]
    return early.works(rng.randint(3, 10), 0) + late.works(rng.randint(3, 10), 100)


# Each case: how it is made, and whether its records hold two people.
CASES: dict[str, tuple[Callable[[random.Random, str], list[IdentityWorkRow]], bool]] = {
    "two people, same subfield": (same_subfield, True),
    "two people, one field, other subfields": (same_field, True),
    "two people, different fields": (different_fields, True),
    "one person who stayed": (stayed, False),
    "one person who moved institution": (moved, False),
    "one person who moved, a year stated at both": (moved_with_a_year_at_both, False),
    "one person who changed field (a co-author spans both)": (changed_field, False),
    "one person with a long gap": (long_gap, False),
}
