"""Ids as arguments: a malformed id, or one of the wrong kind, is a BadInput naming the
argument (the pattern itself is the model's, shared with the importer)."""

from model.ids import NODE_KINDS, is_id, kind_name, record_key
from resolvers.errors import BadInput


def node_kind(argument: str, value: str) -> str:
    """The node kind an id names."""
    if not is_id(value):
        raise BadInput(
            argument,
            f"{value[:120]!r} is not a peergraph id"
            " (A… researcher, W… work, T… topic, I… institution)",
        )
    if value[0] not in NODE_KINDS:
        kind = kind_name(value)
        raise BadInput(argument, f"{value!r} is a {kind} id: the graph keeps no {kind} nodes")
    return NODE_KINDS[value[0]]


def expect(argument: str, value: str, kind: str) -> str:
    if node_kind(argument, value) != kind:
        raise BadInput(argument, f"{value!r} is a {node_kind(argument, value)} id, not a {kind} id")
    return value


def expect_record(argument: str, value: str, kind: str) -> str:
    """The key the graph keeps for a claim's or an invitation's id."""
    parsed = record_key(value)
    if parsed is None or parsed[0] != kind:
        raise BadInput(argument, f"{value[:120]!r} is not a {kind} id (as the API gave it)")
    return parsed[1]
