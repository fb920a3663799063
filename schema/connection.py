"""Relay-style connections with keyset cursors (a cursor encodes the sort key, not an offset)."""

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from model.paging import Page
from resolvers.paging import encode_cursor
from resolvers.search import Hit

T = TypeVar("T")
R = TypeVar("R")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    total_count: int | None = strawberry.field(
        description="How many items the whole list holds; null where counting would be costly."
    )
    page_info: PageInfo
    edges: list[Edge[T]]


def connection(
    edges: Sequence[Edge[T]], has_next: bool, after: str | None, total: int | None
) -> Connection[T]:
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(total_count=total, page_info=info, edges=list(edges))


def from_page(
    page: Page[R], after: str | None, node: Callable[[R], T], row_id: Callable[[R], str]
) -> Connection[T]:
    edges = [
        Edge(cursor=encode_cursor(e.sort_key, row_id(e.row)), node=node(e.row))
        for e in page.entries
    ]
    return connection(edges, page.has_next, after, page.total)


def from_hits(
    hits: Sequence[Hit[R]],
    has_next: bool,
    after: str | None,
    node: Callable[[R], T],
    row_id: Callable[[R], str],
) -> Connection[T]:
    """Search results: the cursor holds the score; counting every match would cost, so
    totalCount is null."""
    edges = [Edge(cursor=encode_cursor(h.score, row_id(h.row)), node=node(h.row)) for h in hits]
    return connection(edges, has_next, after, total=None)
