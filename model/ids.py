"""Ids are OpenAlex's short ids: a kind letter, then the rest (`A5023888391`, `W2741809807`).

One pattern for the importer and the API. Records name sources (S…) too, which the graph does
not keep as nodes: the importer reports them as skipped and the API refuses them by kind.
"""

import re

ID_PATTERN = re.compile(r"[AWITS][A-Za-z0-9._-]{1,100}")
NODE_KINDS = {"A": "Researcher", "W": "Work", "T": "Topic", "I": "Institution"}
KIND_NAMES = {**NODE_KINDS, "S": "Source"}


def is_id(value: object) -> bool:
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def kind_name(value: str) -> str:
    """What a well-formed id names, kept as a node or not: 'Researcher', ..., 'Source'."""
    return KIND_NAMES[value[0]]
