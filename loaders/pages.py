"""Batched keyset pages: every key becomes one entry of a `$pages` parameter."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from cypher.runner import CypherRunner
from model.paging import Page, PageEntry, PageKey

T = TypeVar("T")


def page_param(index: int, key: PageKey) -> dict[str, Any]:
    return {
        "index": index,
        "ownerId": key.owner_id,
        "first": key.first,
        "order": key.order,
        "minShared": key.min_shared,
        "afterKey": key.after_key,
        "afterId": key.after_id,
    }


async def load_pages(
    runner: CypherRunner,
    statement: str,
    keys: Sequence[PageKey],
    column: str,
    entry: Callable[[Any], T],
    **params: Any,
) -> list[Page[T] | None]:
    """Runs `statement` for all pages at once; each row's `column` holds its entries."""
    pages = [page_param(i, k) for i, k in enumerate(keys)]
    records = await runner.read(statement, pages=pages, **params)
    by_index = {r["index"]: r for r in records}
    return [_page(by_index.get(i), k, column, entry) for i, k in enumerate(keys)]


def _page(record: Any, key: PageKey, column: str, entry: Callable[[Any], T]) -> Page[T] | None:
    if record is None:
        return None
    entries = tuple(PageEntry(e["sortKey"], entry(e)) for e in record[column])
    return Page.read_past(entries, key.first, record.get("total"))
