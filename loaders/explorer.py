"""The explorer slice: one statement for every centre asked with the same limit and kinds."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from cypher.runner import CypherRunner
from model.explorer import ExplorerEdgeRow, ExplorerKey, ExplorerNodeRow, ExplorerRow

# Every step of the traversal keeps at most FANOUT neighbours and reads at most SCAN edges of
# a hub (see cypher/explore_neighbourhood.cypher).
FANOUT = 50
SCAN = 500


def explorer_of(record: Any) -> ExplorerRow:
    return ExplorerRow(
        nodes=tuple(ExplorerNodeRow(**n) for n in record["nodes"]),
        edges=tuple(ExplorerEdgeRow(**e) for e in record["edges"]),
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
