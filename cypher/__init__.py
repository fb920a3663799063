"""The Cypher the service runs: one `.cypher` file per statement, read once."""

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import LiteralString, cast

_NAME = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def load(name: str) -> LiteralString:
    """Returns the text of `cypher/<name>.cypher`.

    The files ship with the package and are never built from input, so their text is as
    trusted as a literal in the code: the cast records that for the driver's typing.
    """
    text = files(__package__).joinpath(f"{name}.cypher").read_text("utf-8")
    return cast(LiteralString, text)  # type: ignore[redundant-cast]  # mypy reads LiteralString as str


@cache
def parameters(name: str) -> frozenset[str]:
    """The parameter names the header of `cypher/<name>.cypher` states: the `$names` on its
    `// Parameters:` line and the `//` lines that continue it, up to `// Returns:`.

    Raises ValueError when the header has no Parameters line (the contract every file keeps).
    """
    return header_parameters(load(name), name)


def header_parameters(text: str, name: str = "<text>") -> frozenset[str]:
    """The `$names` of a statement text's `// Parameters:` header section ("none": empty)."""
    found: set[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break  # the header is the comment lines that open the file
        comment = stripped.removeprefix("//").strip()
        if comment.startswith("Returns:"):
            break
        if comment.startswith("Parameters:"):
            found = set()
        if found is not None:
            found.update(_NAME.findall(comment))
    if found is None:
        raise ValueError(f"cypher/{name}.cypher states no '// Parameters:' line in its header")
    return frozenset(found)


def check_parameters(name: str, passed: Iterable[str]) -> None:
    """Raises AssertionError unless `passed` are exactly the parameters the header states."""
    stated, given = parameters(name), frozenset(passed)
    if given != stated:
        missing, extra = sorted(stated - given), sorted(given - stated)
        raise AssertionError(
            f"cypher/{name}.cypher: the parameters passed differ from its header's:"
            f" missing {missing or 'none'}, extra {extra or 'none'}"
        )
