"""The explorer's slice of the graph around one centre."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExplorerNodeRow:
    id: str
    kind: str
    label: str
    weight: float


@dataclass(frozen=True)
class ExplorerEdgeRow:
    source: str
    target: str
    kind: str
    score: float
    weight: float


@dataclass(frozen=True)
class ExplorerRow:
    nodes: tuple[ExplorerNodeRow, ...]
    edges: tuple[ExplorerEdgeRow, ...]


@dataclass(frozen=True)
class ExplorerKey:
    center: str
    limit: int
    kinds: tuple[str, ...]
