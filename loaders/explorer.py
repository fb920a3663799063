"""The explorer slice: one statement for every centre asked with the same limit and kinds."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from cypher.runner import CypherRunner
from model.explorer import ExplorerEdgeRow, ExplorerKey, ExplorerNodeRow, ExplorerRow

# Every step of the traversal keeps at most FANOUT neighbours and reads at most SCAN edges of
# a hub (see cypher/explore_neighbourhood.cypher).
FANOUT = 50
SCAN = 500


# One name per kind of link: the statement names a centre edge after the step that reached the
# node, and a work citing the centre is the centre's CITED_BY, an affiliation found by its
# authorships AFFILIATED.
NAMES = {"CITED_BY": "CITES", "AFFILIATED": "AFFILIATED_WITH"}

# One direction per kind of link between two kinds of node: the stored relationship's for the
# stored kinds, researcher or institution before topic for the computed ones. A link between two
# nodes of one kind runs from the centre (CITES: from the citing work).
DIRECTIONS = {
    "AUTHORED": ("RESEARCHER", "WORK"),
    "HAS_TOPIC": ("WORK", "TOPIC"),
    "HAS_INSTITUTION": ("WORK", "INSTITUTION"),
    "AFFILIATED_WITH": ("RESEARCHER", "INSTITUTION"),
    "WORKS_ON": ("RESEARCHER", "TOPIC"),
    "ACTIVE_IN": ("INSTITUTION", "TOPIC"),
}


def edge_of(edge: dict[str, Any], kinds: dict[str, str], weight: float) -> ExplorerEdgeRow:
    row = ExplorerEdgeRow(**edge, weight=weight)
    row = replace(row, kind=NAMES.get(row.kind, row.kind))
    backwards = edge["kind"] == "CITED_BY" or (
        DIRECTIONS.get(row.kind, ("", ""))[1] == kinds[row.source]
    )
    return replace(row, source=row.target, target=row.source) if backwards else row


def weights(edges: list[dict[str, Any]], center: str) -> list[float]:
    """0..1 within each kind: a centre edge's score over the best of its kind (the best weighs
    1); an edge between two others keeps its score (a HAS_TOPIC score, else 1)."""
    best: dict[str, float] = {}
    for e in edges:
        if e["source"] == center:
            best[e["kind"]] = max(best.get(e["kind"], 0.0), e["score"])
    return [
        (e["score"] / best[e["kind"]] if best[e["kind"]] > 0 else 1.0)
        if e["source"] == center
        else e["score"]
        for e in edges
    ]


def explorer_of(record: Any) -> ExplorerRow:
    nodes = tuple(ExplorerNodeRow(**n) for n in record["nodes"])
    kinds = {n.id: n.kind for n in nodes}
    edges = list(record["edges"])
    scaled = weights(edges, record["centerId"])
    return ExplorerRow(
        nodes=nodes, edges=tuple(edge_of(e, kinds, w) for e, w in zip(edges, scaled, strict=True))
    )


async def slices(runner: CypherRunner, keys: Sequence[ExplorerKey]) -> list[ExplorerRow | None]:
    groups: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for key in keys:
        groups[key.limit, key.kinds].append(key.center)
    found: dict[ExplorerKey, ExplorerRow] = {}
    for (limit, kinds), centers in groups.items():
        records = await runner.read(
            "explore_neighbourhood",
            centers=centers,
            limit=limit,
            kinds=list(kinds),
            fanout=FANOUT,
            scan=SCAN,
        )
        for r in records:
            found[ExplorerKey(r["centerId"], limit, kinds)] = explorer_of(r)
    return [found.get(k) for k in keys]
