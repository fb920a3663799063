"""Ids are OpenAlex's short ids: a kind letter, then the rest (`A5023888391`, `W2741809807`).

One pattern for the importer and the API. Records name sources (S…) too, which the graph does
not keep as nodes: the importer reports them as skipped and the API refuses them by kind.
"""

import re

ID_PATTERN = re.compile(r"[AWITS][A-Za-z0-9._-]{1,100}")
NODE_KINDS = {"A": "Researcher", "W": "Work", "T": "Topic", "I": "Institution"}
KIND_NAMES = {**NODE_KINDS, "S": "Source"}


# OpenAlex's own ids are the kind letter and digits; anything else (the seed's `A-jian-jiao`, a
# record split off another) was made here.
OPENALEX_ID = re.compile(r"[AWIT][0-9]{1,20}")


def openalex_url(value: str) -> str | None:
    return f"https://openalex.org/{value}" if OPENALEX_ID.fullmatch(value) else None


def is_id(value: object) -> bool:
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def kind_name(value: str) -> str:
    """What a well-formed id names, kept as a node or not: 'Researcher', ..., 'Source'."""
    return KIND_NAMES[value[0]]


# Claims and invitations are records, not OpenAlex nodes: their ids name the kind before the
# key the graph keeps (a UUID), so `node(id:)` can tell them apart.
RECORD_ID = re.compile(
    r"(Claim|Invitation):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
)


def record_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def record_key(value: str) -> tuple[str, str] | None:
    """(kind, key) of a claim's or an invitation's id; None for anything else."""
    match = RECORD_ID.fullmatch(value)
    return (match[1], match[2]) if match else None
