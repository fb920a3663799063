"""Does one researcher record hold the works of more than one person?

1. Works are grouped by connected co-authorship: two works are in one group when they share
   a co-author other than the researcher.
2. Groups that share a topic or a stated affiliation of the researcher are merged.
3. The largest of the merged clusters is the main person. Any other cluster is a suspected
   separate person only when it is *distant* from it: no field in common, and both state
   affiliations for the researcher, none in common. Clusters that are not distant get the
   benefit of the doubt and join the main one (or the separate person they are close to).
4. Works the owner confirmed are never evidence of a split: they join the group they share
   co-authors with (or the largest one) after the analysis.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.graph import IdentityWorkRow


@dataclass(frozen=True)
class PersonGroup:
    works: tuple[IdentityWorkRow, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class IdentityReport:
    groups: tuple[PersonGroup, ...]

    @property
    def suspected_people(self) -> int:
        return max(1, len(self.groups))

    @property
    def coherent(self) -> bool:
        return self.suspected_people == 1


class _Sets:
    """Union-find over indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())


def coauthor_groups(works: Sequence[IdentityWorkRow]) -> list[list[IdentityWorkRow]]:
    sets = _Sets(len(works))
    first_with: dict[str, int] = {}
    for i, work in enumerate(works):
        for coauthor in work.coauthor_ids:
            sets.union(i, first_with.setdefault(coauthor, i))
    return [[works[i] for i in group] for group in sets.groups()]


def _topics(works: Iterable[IdentityWorkRow]) -> set[str]:
    return {t.id for w in works for t in w.topics}


def _fields(works: Iterable[IdentityWorkRow]) -> set[str]:
    return {t.field for w in works for t in w.topics if t.field}


def _institutions(works: Iterable[IdentityWorkRow]) -> set[str]:
    return {i.id for w in works for i in w.institutions}


def distant(a: Sequence[IdentityWorkRow], b: Sequence[IdentityWorkRow]) -> bool:
    ia, ib = _institutions(a), _institutions(b)
    return not _fields(a) & _fields(b) and bool(ia) and bool(ib) and not ia & ib


def _largest_first(clusters: Iterable[list[IdentityWorkRow]]) -> list[list[IdentityWorkRow]]:
    return sorted(clusters, key=lambda ws: (-len(ws), min(w.id for w in ws)))


def _links(group: Sequence[IdentityWorkRow]) -> set[tuple[str, str]]:
    """What links a group to another: its topics and its stated institutions."""
    return {("topic", t) for t in _topics(group)} | {
        ("institution", i) for i in _institutions(group)
    }


def people(groups: list[list[IdentityWorkRow]]) -> list[list[IdentityWorkRow]]:
    # Groups sharing a topic or an institution are merged through the first group that has
    # it: linear in the links, where comparing every pair of groups was quadratic (a prolific
    # researcher's 1,000 works make hundreds of groups).
    sets = _Sets(len(groups))
    first_with: dict[tuple[str, str], int] = {}
    for i, group in enumerate(groups):
        for link in _links(group):
            sets.union(i, first_with.setdefault(link, i))
    clusters = _largest_first([w for i in members for w in groups[i]] for members in sets.groups())
    persons: list[list[IdentityWorkRow]] = []
    for cluster in clusters:
        close = next((p for p in persons if not distant(p, cluster)), None)
        if close is None:
            persons.append(list(cluster))
        else:
            close.extend(cluster)
    return _largest_first(persons)


def _names(values: Iterable[str]) -> str:
    return ", ".join(sorted(values)) or "none stated"


def describe(
    group: Sequence[IdentityWorkRow], others: Sequence[IdentityWorkRow]
) -> tuple[str, ...]:
    institutions = {i.id: i.name for w in group for i in w.institutions}
    evidence = [
        f"{len(group)} work(s) linked by shared co-authors",
        f"fields: {_names(_fields(group))}",
        f"topics: {_names({t.name for w in group for t in w.topics})}",
        f"affiliations stated on these works: {_names(institutions.values())}",
    ]
    if others:
        evidence.append(
            "shares no co-author, topic, field or stated affiliation"
            f" with the other {len(others)} work(s)"
        )
    return tuple(evidence)


def _attach(confirmed: IdentityWorkRow, clusters: list[list[IdentityWorkRow]]) -> None:
    for cluster in clusters:
        if any(confirmed.coauthor_ids & w.coauthor_ids for w in cluster):
            cluster.append(confirmed)
            return
    clusters[0].append(confirmed)


def analyse(works: Sequence[IdentityWorkRow]) -> IdentityReport:
    unconfirmed = [w for w in works if not w.confirmed]
    clusters = people(coauthor_groups(unconfirmed)) or [[]]
    for work in (w for w in works if w.confirmed):
        _attach(work, clusters)
    clusters = [c for c in clusters if c]
    groups = []
    for cluster in clusters:
        others = [w for c in clusters if c is not cluster for w in c]
        groups.append(
            PersonGroup(tuple(sorted(cluster, key=lambda w: w.id)), describe(cluster, others))
        )
    return IdentityReport(tuple(groups))
