"""Ids are the graph's own: a kind letter, then the OpenAlex-style rest (A…, W…, T…, I…)."""

import re

from resolvers.errors import BadInput

ID_PATTERN = re.compile(r"[AWIT][A-Za-z0-9._-]{1,100}")
KINDS = {"A": "Researcher", "W": "Work", "T": "Topic", "I": "Institution"}


def kind_of(argument: str, value: str) -> str:
    """The node kind an id names; a malformed id is a BadInput naming `argument`."""
    if not ID_PATTERN.fullmatch(value):
        raise BadInput(
            argument,
            f"{value[:120]!r} is not a peergraph id"
            " (A… researcher, W… work, T… topic, I… institution)",
        )
    return KINDS[value[0]]


def expect(argument: str, value: str, kind: str) -> str:
    if kind_of(argument, value) != kind:
        raise BadInput(argument, f"{value!r} is a {kind_of(argument, value)} id, not a {kind} id")
    return value
