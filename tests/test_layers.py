"""Imports flow one way: server -> schema -> resolvers -> loaders -> cypher, and every layer
speaks the model, which imports none of them (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "model": set(),
    "cypher": {"model"},
    "loaders": {"cypher", "model"},
    "ingest": {"cypher", "model"},
    "resolvers": {"loaders", "cypher", "model"},
    "schema": {"resolvers", "loaders", "model"},
    "server": {"schema", "resolvers", "loaders", "cypher", "ingest", "model"},
}


def imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(ALLOWED)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_layers(path) - ALLOWED[layer] - {layer})
        for path in sorted((ROOT / layer).rglob("*.py"))
    }
    assert {path: layers for path, layers in wrong.items() if layers} == {}
