"""A synthetic research graph in the OpenAlex snapshot layout, deterministic for a seed.

Skews modelled on real scholarly data:
- works per author: Pareto-distributed author weights, so a few authors write thousands;
- authors per work: mostly 2 to 8, with a hyper-authorship tail of 50 to 300;
- co-author communities: most co-authors come from the lead author's community, so close
  collaborators exist;
- topics: Zipf over topics (hub topics with 100,000+ works at a million works), a
  community's favourite topic first;
- institutions: Zipf over institutions, one per author;
- citations: each work cites earlier ones with a strong bias to the oldest, so counts are
  heavy-tailed.
"""

import gzip
import json
import math
import random
import sys
import time
from array import array
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

WORDS = (
    "graph",
    "neural",
    "learning",
    "efficient",
    "scalable",
    "sparse",
    "dense",
    "retrieval",
    "attention",
    "model",
    "protein",
    "quantum",
    "catalyst",
    "climate",
    "ocean",
    "genome",
    "vision",
    "language",
    "robust",
    "causal",
    "inference",
    "optimal",
    "adaptive",
    "stochastic",
    "distributed",
    "federated",
    "privacy",
    "secure",
    "signal",
    "channel",
    "coding",
    "network",
    "dynamic",
    "spectral",
    "kernel",
    "transformer",
    "embedding",
    "ranking",
)
FIELDS = (
    ("Computer Science", "Physical Sciences"),
    ("Engineering", "Physical Sciences"),
    ("Medicine", "Health Sciences"),
    ("Biochemistry, Genetics and Molecular Biology", "Life Sciences"),
    ("Physics and Astronomy", "Physical Sciences"),
    ("Environmental Science", "Physical Sciences"),
)
COMMUNITY_SIZE = 40
PART_SIZE = 100_000


@dataclass(frozen=True)
class Sizes:
    works: int

    @property
    def authors(self) -> int:
        return max(50, self.works // 2)

    @property
    def topics(self) -> int:
        return max(20, min(4500, self.works // 200))

    @property
    def institutions(self) -> int:
        return max(10, self.works // 1000)


def zipf_cumulative(n: int, s: float) -> list[float]:
    return list(accumulate(1 / (k**s) for k in range(1, n + 1)))


def sampler(rng: random.Random, cumulative: Sequence[float]) -> Callable[[], int]:
    total = cumulative[-1]
    return lambda: bisect(cumulative, rng.random() * total)


class Parts:
    """Writes one entity's records into gzip JSON Lines partitions of PART_SIZE records."""

    def __init__(self, root: Path, entity: str) -> None:
        self.folder = root / entity / "updated_date=2026-01-01"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0
        self.handle: IO[str] | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self.count % PART_SIZE == 0:
            self.close()
            path = self.folder / f"part_{self.count // PART_SIZE:03d}.jsonl.gz"
            # Level 1: the generator must write faster than the importer reads.
            self.handle = gzip.open(path, "wt", encoding="utf-8", compresslevel=1)  # noqa: SIM115
        assert self.handle is not None
        self.handle.write(json.dumps(record, separators=(",", ":")))
        self.handle.write("\n")
        self.count += 1

    def close(self) -> None:
        if self.handle:
            self.handle.close()
            self.handle = None


def authors_per_work(rng: random.Random) -> int:
    if rng.random() < 0.005:
        return rng.randint(50, 300)
    return min(2 + int(rng.expovariate(0.45)), 20)


def title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()


class Generator:
    def __init__(self, works: int, seed: int) -> None:
        self.works = works
        self.sizes = Sizes(works)
        self.rng = random.Random(seed)
        rng = self.rng
        # Author productivity: Pareto weights give a few very prolific authors.
        self.author_weights = [rng.paretovariate(1.2) for _ in range(self.sizes.authors)]
        self.pick_author = sampler(rng, list(accumulate(self.author_weights)))
        self.pick_topic = sampler(rng, zipf_cumulative(self.sizes.topics, 1.05))
        self.pick_institution = sampler(rng, zipf_cumulative(self.sizes.institutions, 1.0))
        communities = math.ceil(self.sizes.authors / COMMUNITY_SIZE)
        self.community_topic = [self.pick_topic() for _ in range(communities)]
        self.author_institution = [self.pick_institution() for _ in range(self.sizes.authors)]
        self.topic_names = [topic_record(t)["display_name"] for t in range(self.sizes.topics)]
        self.institution_names = [
            institution_record(i)["display_name"] for i in range(self.sizes.institutions)
        ]

    def institution_ref(self, author: int) -> dict[str, str]:
        i = self.author_institution[author]
        return {"id": f"https://openalex.org/I{i + 1}", "display_name": self.institution_names[i]}

    def coauthors(self, lead: int, count: int) -> list[int]:
        base = (lead // COMMUNITY_SIZE) * COMMUNITY_SIZE
        size = min(COMMUNITY_SIZE, self.sizes.authors - base)
        chosen = {lead}
        for _ in range(count * 3):
            if len(chosen) >= count:
                break
            local = self.rng.random() < 0.85
            chosen.add(base + self.rng.randrange(size) if local else self.pick_author())
        return [lead, *sorted(chosen - {lead})]

    def topics_of(self, lead: int) -> list[int]:
        first = self.community_topic[lead // COMMUNITY_SIZE]
        more = {self.pick_topic() for _ in range(self.rng.randint(0, 2))} - {first}
        return [first, *sorted(more)]

    def references(self, i: int) -> list[int]:
        if i == 0:
            return []
        count = min(i, int(self.rng.expovariate(1 / 12)))
        # u**2 leans towards the oldest works: citation counts become heavy-tailed.
        return sorted({int(i * self.rng.random() ** 2) for _ in range(count)})


def topic_record(t: int) -> dict[str, Any]:
    field, domain = FIELDS[t % len(FIELDS)]
    return {
        "id": f"https://openalex.org/T{t + 1}",
        "display_name": f"Topic {t + 1} {WORDS[t % len(WORDS)]} {WORDS[(t * 7) % len(WORDS)]}",
        "subfield": {"display_name": f"{field} subfield {t % 11}"},
        "field": {"display_name": field},
        "domain": {"display_name": domain},
    }


def institution_record(i: int) -> dict[str, Any]:
    return {
        "id": f"https://openalex.org/I{i + 1}",
        "display_name": f"Institute {i + 1} of {WORDS[i % len(WORDS)].capitalize()}",
        "country_code": ("US", "CN", "GB", "DE", "IN", "FR", "JP", "CA")[i % 8],
        "type": "education" if i % 5 else "company",
        "homepage_url": f"https://www.inst{i + 1}.example.org/",
    }


def author_record(a: int, institution: int, works: int) -> dict[str, Any]:
    inst = {"id": f"https://openalex.org/I{institution + 1}"}
    return {
        "id": f"https://openalex.org/A{a + 1}",
        "display_name": f"Author {a + 1}",
        "works_count": works,
        "last_known_institutions": [
            {**inst, "display_name": institution_record(institution)["display_name"]}
        ],
        "affiliations": [],
    }


def citation_pass(gen: Generator) -> tuple[array, array, array]:  # type: ignore[type-arg]
    """Every work's references, drawn before any work is written, so that each work can
    carry its final cited_by_count."""
    offsets, flat, cited = array("I", [0]), array("I"), array("I", bytes(4 * gen.works))
    for i in range(gen.works):
        refs = gen.references(i)
        flat.extend(refs)
        offsets.append(len(flat))
        for r in refs:
            cited[r] += 1
    return offsets, flat, cited


def generate(works: int, seed: int, out: Path, progress: Callable[[str], None]) -> dict[str, int]:
    """Writes the graph under `out` and returns how many records of each entity it wrote."""
    gen = Generator(works, seed)
    sizes = gen.sizes
    written = {}
    for entity, count, make in (
        ("topics", sizes.topics, topic_record),
        ("institutions", sizes.institutions, institution_record),
    ):
        parts = Parts(out, entity)
        for k in range(count):
            parts.write(make(k))
        parts.close()
        written[entity] = count
    offsets, flat, cited = citation_pass(gen)
    work_counts = array("I", bytes(4 * sizes.authors))
    started = time.monotonic()
    parts = Parts(out, "works")
    for i in range(works):
        authors = gen.coauthors(gen.pick_author(), authors_per_work(gen.rng))
        for a in authors:
            work_counts[a] += 1
        refs = flat[offsets[i] : offsets[i + 1]].tolist()
        parts.write(work_record(gen, i, authors, refs, cited[i]))
        if (i + 1) % 20_000 == 0 or i + 1 == works:
            rate = (i + 1) / (time.monotonic() - started)
            progress(f"generated {i + 1:,} of {works:,} works ({rate:,.0f}/s)")
    parts.close()
    written["works"] = works
    parts = Parts(out, "authors")
    for a in range(sizes.authors):
        if work_counts[a]:
            parts.write(author_record(a, gen.author_institution[a], work_counts[a]))
    parts.close()
    written["authors"] = parts.count
    return written


def work_record(
    gen: Generator, i: int, authors: list[int], refs: list[int], cited_by: int
) -> dict[str, Any]:
    last = len(authors) - 1
    return {
        "id": f"https://openalex.org/W{i + 1}",
        "title": title(gen.rng),
        # Older works first, so that references point back in time.
        "publication_year": 1980 + (45 * i) // gen.works,
        "type": "article",
        "cited_by_count": cited_by,
        "primary_location": {"source": {"display_name": f"Journal {i % 97}"}},
        "authorships": [
            {
                "author_position": "first" if p == 0 else ("last" if p == last else "middle"),
                "author": {
                    "id": f"https://openalex.org/A{a + 1}",
                    "display_name": f"Author {a + 1}",
                },
                "institutions": [gen.institution_ref(a)],
            }
            for p, a in enumerate(authors)
        ],
        "topics": [
            {
                "id": f"https://openalex.org/T{t + 1}",
                "display_name": gen.topic_names[t],
                "score": round(0.99 - 0.1 * k, 2),
            }
            for k, t in enumerate(gen.topics_of(authors[0]))
        ],
        "referenced_works": [f"https://openalex.org/W{r + 1}" for r in refs],
    }


def print_progress(message: str) -> None:
    sys.stderr.write(f"\r{message}")
    sys.stderr.flush()
