"""Does one researcher record hold the works of more than one person?

1. Works are grouped by connected co-authorship: two works are in one group when they share
   a co-author other than the researcher (one person's circle).
2. Groups that share an ORCID on the researcher's authorships, or an institution stated on
   them (among groups that state the same ORCIDs, or none), are merged: strong signs of one
   person, and linear in the links.
3. The merged clusters, largest first, are weighed against each person found so far (the
   first is the main one) by the signals in `weighed`, each with a weight:
   - ORCIDs: the same one (+5), only different ones (-10: an ORCID is one person's);
   - institutions: shared (+2); different ones stated in three or more of the same years
     (-5), in two (-4), in one (-1.5: the year of a move) or in turn (-0.5);
   - topics, each weighed by how specific it is (the inverse of its share of the graph's
     works): most of the two's topics in common, three specific ones or more (+2.5); two
     specific ones and a quarter of the two's topics (+1.5); fewer (+0.75: what two people of
     one subfield share); only broad topics in common (+0.25: on over 0.5 % of the graph's
     works); none but subfields in common (+0.5); the same field but no subfield in common
     (-1.5); no field in common (-2.5);
   - venues: most of the two's venues in common, two or more (+0.5);
   - self-citation: a work of one citing a work of the other (+1.5);
   - middle initials that differ on the printed names (-2).
   A cluster joins the person it scores best with, unless even that score is at or below
   SPLIT_AT (-3): then it is a suspected separate person. One weak sign never splits a record
   (a move, a new subfield, a missing affiliation): it takes two, or two institutions at once
   for years in disjoint circles, or two ORCIDs. `python -m bench.identity` measures
   precision and recall on generated records, with and without ORCIDs.
4. Works the owner confirmed are never evidence of a split: they join the group they share
   co-authors with (or the largest one) after the analysis.
The evidence of each group states what is true of it: its circles, fields, topics, the
institutions it states with their years, and for a separate person the signals that set it
apart, with the score.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from model.graph import IdentityWorkRow, TopicRow


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


def _fields(works: Iterable[IdentityWorkRow]) -> set[str]:
    return {t.field for w in works for t in w.topics if t.field}


def _institutions(works: Iterable[IdentityWorkRow]) -> set[str]:
    return {i.id for w in works for i in w.institutions}


SPLIT_AT = -3.0

# An institution as a group states it: its name and the first and last year of the works
# stating it (None when none of them has a year).
Span = tuple[str, int | None, int | None]


@dataclass(frozen=True)
class Signal:
    weight: float
    text: str


def _initials(raw_name: str | None) -> set[str]:
    """The middle initials of a printed name ("Yang P. Liu": P)."""
    parts = (raw_name or "").replace(".", " ").split()
    return {p[0].upper() for p in parts[1:-1]}


def _joined(a: Span, b: Span) -> Span:
    years = [y for y in (a[1], a[2], b[1], b[2]) if y is not None]
    return (a[0], min(years, default=None), max(years, default=None))


@dataclass
class Profile:
    """What the signals read of a group of works, kept as groups join a person so that
    weighing a cluster costs what the two profiles hold, not what the person's works do."""

    spans: dict[str, Span] = field(default_factory=dict)
    # Topic names, each with the topic as read (its size, for how specific it is).
    topics: dict[str, TopicRow] = field(default_factory=dict)
    subfields: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    venues: set[str] = field(default_factory=set)
    orcids: set[str] = field(default_factory=set)
    work_ids: set[str] = field(default_factory=set)
    cites: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, works: Iterable[IdentityWorkRow]) -> "Profile":
        profile = cls()
        for w in works:
            profile.add_work(w)
        return profile

    def add_work(self, w: IdentityWorkRow) -> None:
        for i in w.institutions:
            span = (i.name, w.year, w.year)
            self.spans[i.id] = _joined(self.spans.get(i.id, span), span)
        self.topics |= {t.name: t for t in w.topics}
        self.subfields |= {t.subfield for t in w.topics if t.subfield}
        self.fields |= {t.field for t in w.topics if t.field}
        self.initials |= _initials(w.raw_name)
        self.names |= {w.raw_name} if w.raw_name else set()
        self.venues |= {w.venue} if w.venue else set()
        self.orcids |= {w.orcid} if w.orcid else set()
        self.work_ids.add(w.id)
        self.cites |= w.cites

    def add(self, other: "Profile") -> None:
        for key, span in other.spans.items():
            self.spans[key] = _joined(self.spans.get(key, span), span)
        self.topics |= other.topics
        self.subfields |= other.subfields
        self.fields |= other.fields
        self.initials |= other.initials
        self.names |= other.names
        self.venues |= other.venues
        self.orcids |= other.orcids
        self.work_ids |= other.work_ids
        self.cites |= other.cites


def _span_text(spans: dict[str, Span]) -> str:
    def one(name: str, lo: int | None, hi: int | None) -> str:
        if lo is None or hi is None:
            return name
        return f"{name} {lo}" if lo == hi else f"{name} {lo}-{hi}"

    return ", ".join(sorted(one(*span) for span in spans.values())) or "none stated"


def _overlap(a: Span, b: Span) -> int:
    """In how many years both were stated (1 when a span has no year: it may be any)."""
    _, a_lo, a_hi = a
    _, b_lo, b_hi = b
    if a_lo is None or a_hi is None or b_lo is None or b_hi is None:
        return 1
    return max(0, min(a_hi, b_hi) - max(a_lo, b_lo) + 1)


def _institution_signal(a: Profile, b: Profile) -> Signal | None:
    sa, sb = a.spans, b.spans
    shared = sa.keys() & sb.keys()
    if shared:
        return Signal(2.0, f"both state {_names(sa[i][0] for i in shared)}")
    if not sa or not sb:
        return None
    overlap = max(_overlap(x, y) for x in sa.values() for y in sb.values())
    if overlap >= 3:
        return Signal(-5.0, f"{_span_text(sa)} while the others state {_span_text(sb)}")
    if overlap == 2:
        return Signal(-4.0, f"{_span_text(sa)} while the others state {_span_text(sb)}")
    if overlap == 1:
        return Signal(-1.5, f"{_span_text(sa)}; the others {_span_text(sb)}, a year together")
    return Signal(-0.5, f"{_span_text(sa)}; the others {_span_text(sb)}, at other times")


# A topic carried by more than this share of the graph's works (and by more than BROAD_MIN
# works, so a small graph's topics are not all broad) is broad: two people of one field share
# it by chance, and sharing only such topics says little.
BROAD_SHARE = 0.005
BROAD_MIN = 50


def _broad(topic: TopicRow) -> bool:
    share, works = topic.share, topic.works
    return share is not None and works is not None and share > BROAD_SHARE and works > BROAD_MIN


def _specificity(topic: TopicRow) -> float:
    """How much sharing the topic says: its inverse document frequency, 1 when its size is
    not known."""
    if topic.share is None or topic.share <= 0:
        return 1.0
    return max(0.1, -math.log10(topic.share))


def _topic_names(topics: Iterable[TopicRow]) -> str:
    def one(t: TopicRow) -> str:
        return f"{t.name} ({t.works:,} works)" if _broad(t) and t.works is not None else t.name

    return ", ".join(sorted(one(t) for t in topics)) or "none stated"


def _topic_signal(a: Profile, b: Profile) -> Signal | None:
    common = [a.topics[name] for name in a.topics.keys() & b.topics.keys()]
    specific = [t for t in common if not _broad(t)]
    if specific:
        # A topic or two in common is what two people of one subfield have: the stronger sign
        # takes more than one specific topic, and, weighed by how specific each is, a quarter
        # of the two's topics.
        union = (a.topics | b.topics).values()
        shared = sum(_specificity(t) for t in common) / sum(_specificity(t) for t in union)
        if len(specific) >= 3 and shared >= 0.5:
            return Signal(2.5, f"most of their topics in common: {_topic_names(common)}")
        weight = 1.5 if len(specific) >= 2 and shared >= 0.25 else 0.75
        return Signal(weight, f"topics in common: {_topic_names(common)}")
    if common:
        return Signal(0.25, f"only broad topics in common: {_topic_names(common)}")
    if subfields := a.subfields & b.subfields:
        return Signal(0.5, f"subfields in common: {_names(subfields)}")
    if fields := a.fields & b.fields:
        return Signal(
            -1.5,
            f"the same field ({_names(fields)}) but no subfield in common: "
            f"{_names(a.subfields)}; the others {_names(b.subfields)}",
        )
    if a.fields and b.fields:
        return Signal(
            -2.5, f"no field in common: {_names(a.fields)}; the others {_names(b.fields)}"
        )
    return None


def _name_signal(a: Profile, b: Profile) -> Signal | None:
    if a.initials and b.initials and not a.initials & b.initials:
        return Signal(-2.0, f"printed as {_names(a.names)}; the others as {_names(b.names)}")
    return None


def _orcid_signal(a: Profile, b: Profile) -> Signal | None:
    # An ORCID is one person's: the same one joins two halves, different ones part them.
    if a.orcids & b.orcids:
        return Signal(5.0, f"the same ORCID: {_names(a.orcids & b.orcids)}")
    if a.orcids and b.orcids:
        return Signal(-10.0, f"ORCID {_names(a.orcids)}; the others ORCID {_names(b.orcids)}")
    return None


def _citation_signal(a: Profile, b: Profile) -> Signal | None:
    cited = (a.cites & b.work_ids) | (b.cites & a.work_ids)
    if cited:
        return Signal(1.5, f"one half cites the other's works: {_names(cited)}")
    return None


def _venue_signal(a: Profile, b: Profile) -> Signal | None:
    # A venue of a field is shared by many of its people: only a shared habit counts, most of
    # the venues of the two.
    common = a.venues & b.venues
    if len(common) >= 2 and len(common) >= 0.5 * len(a.venues | b.venues):
        return Signal(0.5, f"venues in common: {_names(common)}")
    return None


def weighed(a: Profile, b: Profile) -> list[Signal]:
    found = (
        _orcid_signal(a, b),
        _institution_signal(a, b),
        _topic_signal(a, b),
        _venue_signal(a, b),
        _citation_signal(a, b),
        _name_signal(a, b),
    )
    return [s for s in found if s is not None]


def signals(a: Sequence[IdentityWorkRow], b: Sequence[IdentityWorkRow]) -> list[Signal]:
    return weighed(Profile.of(a), Profile.of(b))


def _largest_first(clusters: Iterable[list[IdentityWorkRow]]) -> list[list[IdentityWorkRow]]:
    return sorted(clusters, key=lambda ws: (-len(ws), min(w.id for w in ws)))


def _links(group: Sequence[IdentityWorkRow]) -> set[tuple[str, ...]]:
    """What joins a group to another before any weighing: its stated institutions, among
    groups that state the same ORCIDs (or none), and its ORCIDs."""
    orcids = tuple(sorted({w.orcid for w in group if w.orcid}))
    links = {("institution", i, *orcids) for i in _institutions(group)}
    return links | {("orcid", o) for o in orcids}


def people(groups: list[list[IdentityWorkRow]]) -> list[list[IdentityWorkRow]]:
    # Groups sharing an institution (and stating no other ORCID) or an ORCID are merged
    # through the first group that has it: linear in the links, where comparing every pair of
    # groups is quadratic (a prolific researcher's 1,000 works make hundreds of groups). The
    # clusters left are weighed against the people found so far, a few.
    sets = _Sets(len(groups))
    first_with: dict[tuple[str, ...], int] = {}
    for i, group in enumerate(groups):
        for link in _links(group):
            sets.union(i, first_with.setdefault(link, i))
    clusters = _largest_first([w for i in members for w in groups[i]] for members in sets.groups())
    persons: list[tuple[list[IdentityWorkRow], Profile]] = []
    for cluster in clusters:
        profile = Profile.of(cluster)
        scored = [
            (sum(s.weight for s in weighed(p, profile)), n) for n, (_, p) in enumerate(persons)
        ]
        best = max(scored, default=None)
        if best is None or best[0] <= SPLIT_AT:
            persons.append((list(cluster), profile))
        else:
            works, joined = persons[best[1]]
            works.extend(cluster)
            joined.add(profile)
    return _largest_first(works for works, _ in persons)


def _names(values: Iterable[str]) -> str:
    return ", ".join(sorted(values)) or "none stated"


def describe(
    group: Sequence[IdentityWorkRow], others: Sequence[IdentityWorkRow]
) -> tuple[str, ...]:
    circles = len(coauthor_groups([w for w in group if not w.confirmed])) or 1
    if len(group) == 1:
        size = "1 work"
    elif circles == 1:
        size = f"{len(group)} works linked by shared co-authors"
    else:
        size = f"{len(group)} works in {circles} co-author circles"
    evidence = [
        size,
        f"fields: {_names(_fields(group))}",
        f"topics: {_topic_names({t.name: t for w in group for t in w.topics}.values())}",
        f"affiliations stated on these works: {_span_text(Profile.of(group).spans)}",
    ]
    if others:
        found = signals(group, others)
        score = sum(s.weight for s in found)
        evidence.append(f"no co-author in common with the other {len(others)} work(s)")
        evidence += [s.text for s in found]
        evidence.append(
            f"same-person score {score:+.1f} (a separate person at {SPLIT_AT:+.1f} or less)"
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
