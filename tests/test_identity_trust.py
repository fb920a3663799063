"""The identity analysis on the seed profile (two people named Jian Jiao) and the trust score."""

from itertools import combinations
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cypher.runner import CypherRunner
from helpers import execute
from loaders.rows import IdentityWorkRow, InstitutionRow, ResearcherRow, TopicRow
from resolvers.identity import analyse, coauthor_groups, people
from resolvers.trust import trust

HIT_WORKS = {"W-arxiv-2204.01257", "W-arxiv-2101.07953"}
QUERY = """{ researcher(id: "A-jian-jiao") {
  identity { coherent suspectedPeople groups { works { id } evidence } }
  trust { score tier components { name points max reason } } } }"""


async def seed_report(runner: CypherRunner) -> Any:
    result, _ = await execute(runner, QUERY)
    assert result.errors is None and result.data is not None
    return result.data["researcher"]


async def test_the_seed_profile_is_two_people(runner: CypherRunner) -> None:
    identity = (await seed_report(runner))["identity"]

    assert identity["coherent"] is False
    assert identity["suspectedPeople"] == 2
    groups = [{w["id"] for w in g["works"]} for g in identity["groups"]]
    # The Harbin Institute of Technology (Shenzhen) works on HARQ and spinal codes stand apart
    # from the seven Microsoft-era works, which stay together although five share no co-author.
    assert groups == [
        {
            "W-arxiv-2002.06275",
            "W-arxiv-2110.04260",
            "W-arxiv-2205.11162",
            "W-arxiv-2208.08399",
            "W-arxiv-2207.04452",
            "W-arxiv-2605.10886",
            "W-arxiv-2605.19568",
        },
        HIT_WORKS,
    ]
    hit_evidence = " ".join(identity["groups"][1]["evidence"])
    assert "Harbin Institute of Technology (Shenzhen)" in hit_evidence
    assert "Engineering" in hit_evidence
    assert (
        "shares no co-author, topic, field or stated affiliation with the other 7 work(s)"
        in hit_evidence
    )


async def test_the_seed_profile_is_emerging_and_its_components_add_up(runner: CypherRunner) -> None:
    trust_data = (await seed_report(runner))["trust"]

    assert trust_data["tier"] == "Emerging"
    assert trust_data["score"] == sum(c["points"] for c in trust_data["components"])
    by_name = {c["name"]: c for c in trust_data["components"]}
    assert by_name["verification"]["points"] == 10
    assert by_name["claim"]["reason"].startswith("Unclaimed author")
    assert by_name["identity coherence"]["points"] == 0
    assert "2 different people" in by_name["identity coherence"]["reason"]
    assert sum(c["max"] for c in trust_data["components"]) == 100


def work(
    i: int, coauthors: set[str], topic: str, field: str, inst: str | None, verified: bool = False
) -> IdentityWorkRow:
    return IdentityWorkRow(
        id=f"W{i}",
        title=None,
        year=2020,
        cited_by_count=i,
        verified=verified,
        coauthor_ids=frozenset(coauthors),
        topics=(TopicRow(topic, topic, field=field),),
        institutions=(InstitutionRow(inst, inst),) if inst else (),
    )


def test_works_sharing_a_coauthor_are_never_split() -> None:
    works = [work(1, {"a"}, "t1", "Physics", "I1"), work(2, {"a"}, "t2", "Biology", "I2")]

    assert analyse(works).coherent


works_strategy = st.lists(
    st.builds(
        work,
        st.integers(0, 10_000),
        st.sets(st.sampled_from("abcdefgh"), max_size=3),
        st.sampled_from(["t1", "t2", "t3"]),
        st.sampled_from(["Physics", "Biology"]),
        st.sampled_from([None, "I1", "I2"]),
        st.booleans(),
    ),
    max_size=12,
    unique_by=lambda w: w.id,
)
rows = st.builds(
    ResearcherRow,
    id=st.just("A1"),
    name=st.just("N"),
    description=st.none() | st.just("d"),
    open_to_collaborate=st.booleans(),
    verification=st.sampled_from(["L0", "L1", "L2", "L3"]),
    claimed=st.booleans(),
    orcid=st.none() | st.just("0000-0001-2345-6789"),
    cited_by_count=st.none(),
    h_index=st.none(),
    affiliation=st.none() | st.just(InstitutionRow("I1", "Inst")),
)


def score(row: ResearcherRow, works: list[IdentityWorkRow]) -> int:
    return trust(row, works, analyse(works)).score


@given(rows, works_strategy)
def test_the_score_stays_within_0_and_100(row: ResearcherRow, works: list[IdentityWorkRow]) -> None:
    result = trust(row, works, analyse(works))

    assert 0 <= result.score <= 100
    assert all(0 <= c.points <= c.max for c in result.components)


@given(rows, works_strategy)
def test_claiming_with_evidence_never_lowers_the_score(
    row: ResearcherRow, works: list[IdentityWorkRow]
) -> None:
    level = {"L0": "L2", "L1": "L2", "L2": "L2", "L3": "L3"}[row.verification]
    claimed = ResearcherRow(**{**row.__dict__, "claimed": True, "verification": level})

    assert score(claimed, works) >= score(row, works)


@given(rows, works_strategy, works_strategy)
def test_adding_a_confirmed_work_never_lowers_the_score(
    row: ResearcherRow, works: list[IdentityWorkRow], extra: list[IdentityWorkRow]
) -> None:
    new = [IdentityWorkRow(**{**w.__dict__, "id": f"X{w.id}", "verified": True}) for w in extra[:1]]

    assert score(row, works + new) >= score(row, works)


def links(group: list[IdentityWorkRow]) -> set[str]:
    return {t.id for w in group for t in w.topics} | {i.id for w in group for i in w.institutions}


@given(works_strategy)
def test_co_author_groups_sharing_a_topic_or_institution_are_one_person(
    works: list[IdentityWorkRow],
) -> None:
    groups = coauthor_groups(works)

    person_of = {w.id: n for n, person in enumerate(people(groups)) for w in person}

    assert sorted(person_of) == sorted(w.id for w in works)
    for a, b in combinations(groups, 2):
        if links(a) & links(b):
            assert person_of[a[0].id] == person_of[b[0].id]
