"""Relay-style connections with keyset cursors (a cursor encodes its list, the sort key and
the id, not an offset: resolvers/paging.py)."""

from collections.abc import Callable, Sequence
from typing import Annotated, Generic, TypeVar

import strawberry

from model.paging import Page
from resolvers.paging import MAX_FIRST, encode_cursor

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
        "null for the first page. A cursor serves only the list it came from (this field, of "
        "this node, in this order or for these words): any other is BAD_USER_INPUT."
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
        description="An opaque keyset cursor: the list it belongs to, this item's sort key (for "
        "a search, its score) and id. Pass it as `after` to the same list to read on from this "
        "item."
    )
    node: T = strawberry.field(description="The item.")


@strawberry.type(
    description="One page of a list, in the list's order, keyset-paged: given a cursor as "
    "`after`, the page holds the items that sort after that item."
)
class Connection(Generic[T]):
    total_count: int | None = strawberry.field(
        description="How many items the whole list holds, where the graph keeps it at hand "
        "(works, co-authors); null where counting would read the whole list (searches, the "
        "researchers of a topic or institution): each list's field says which."
    )
    page_info: PageInfo = strawberry.field(description="Cursors and whether more items follow.")
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in order.")
    nodes: list[T] = strawberry.field(
        description="The edges' nodes, in the same order: for a client that needs no cursor "
        "but pageInfo.endCursor."
    )


def page_info(cursors: Sequence[str], has_next: bool, after: str | None) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


def connection(
    edges: Sequence[Edge[T]], has_next: bool, after: str | None, total: int | None
) -> Connection[T]:
    info = page_info([e.cursor for e in edges], has_next, after)
    return Connection(
        total_count=total, page_info=info, edges=list(edges), nodes=[e.node for e in edges]
    )


def cursored(page: Page[R], row_id: Callable[[R], str]) -> list[tuple[str, R]]:
    """Each row of the page with its cursor, which carries the page's scope (its list)."""
    if not page.scope:
        raise ValueError("a page handed out as a connection names its list (Page.scope)")
    return [(encode_cursor(page.scope, e.sort_key, row_id(e.row)), e.row) for e in page.entries]


def from_page(
    page: Page[R], after: str | None, node: Callable[[R], T], row_id: Callable[[R], str]
) -> Connection[T]:
    edges = [Edge(cursor=c, node=node(row)) for c, row in cursored(page, row_id)]
    return connection(edges, page.has_next, after, page.total)
