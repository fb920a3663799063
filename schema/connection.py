"""Relay-style connections with keyset cursors (a cursor encodes the sort key, not an offset)."""

from collections.abc import Callable, Sequence
from typing import Annotated, Generic, TypeVar

import strawberry

from model.paging import Page
from resolvers.paging import MAX_FIRST, encode_cursor
from resolvers.search import Hit

T = TypeVar("T")
R = TypeVar("R")

# The paging arguments every connection takes, described once.
First = Annotated[
    int, strawberry.argument(description=f"How many items to return, 0 to {MAX_FIRST}.")
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Start after this cursor (the previous page's pageInfo.endCursor); "
        "null for the first page."
    ),
]


@strawberry.type(description="Where a page sits in its list. Pages only go forward.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="Whether the page was asked for with `after`, so items come before it."
    )
    start_cursor: str | None = strawberry.field(
        description="The first edge's cursor; null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor: pass it as `after` for the next page; null when "
        "the page is empty."
    )


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(
        description="An opaque keyset cursor: this item's sort key (for a search, its score) "
        "and id. Pass it as `after` to read on from this item."
    )
    node: T = strawberry.field(description="The item.")


@strawberry.type(
    description="One page of a list, in the list's order, keyset-paged: given a cursor as "
    "`after`, the page holds the items that sort after that item."
)
class Connection(Generic[T]):
    total_count: int | None = strawberry.field(
        description="How many items the whole list holds; null where counting would be costly."
    )
    page_info: PageInfo = strawberry.field(description="Cursors and whether more items follow.")
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in order.")


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
