"""The step that keeps the works pages' index keys (on AUTHORED, HAS_TOPIC and HAS_INSTITUTION
edges) right after a write that creates or moves such edges or changes a work's year or
citations: run it with that write in CypherRunner.write_together."""

from collections.abc import Iterable
from typing import Any


def refresh_works_page_keys(
    works: Iterable[str] = (), owners: Iterable[str] = ()
) -> tuple[str, dict[str, Any]]:
    """set_works_page_keys for every edge of these works and of these researchers, topics and
    institutions."""
    return "set_works_page_keys", {"workIds": list(works), "ownerIds": list(owners)}
