"""The Cypher the service runs: one `.cypher` file per statement, read once."""

from functools import cache
from importlib.resources import files
from typing import LiteralString, cast


@cache
def load(name: str) -> LiteralString:
    """Returns the text of `cypher/<name>.cypher`.

    The files ship with the package and are never built from input, so their text is as
    trusted as a literal in the code: the cast records that for the driver's typing.
    """
    text = files(__package__).joinpath(f"{name}.cypher").read_text("utf-8")
    return cast(LiteralString, text)  # type: ignore[redundant-cast]  # mypy reads LiteralString as str
