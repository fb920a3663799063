"""Pages of lists, as the loaders read them and the connections hand them out."""

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class PageKey:
    """One page of one list: which owner, how many, in what order, after which cursor.

    `order` names the sort for lists that have several; `min_shared` filters co-authors."""

    owner_id: str
    first: int
    after_key: float | None
    after_id: str | None
    order: str = ""
    min_shared: int = 1


@dataclass(frozen=True)
class PageEntry(Generic[T]):
    sort_key: float
    row: T


@dataclass(frozen=True)
class Page(Generic[T]):
    """`scope` names the list the page belongs to: its cursors carry it (resolvers/paging.py)."""

    total: int | None
    entries: tuple[PageEntry[T], ...]
    has_next: bool
    scope: str = ""

    @classmethod
    def read_past(
        cls, entries: tuple[PageEntry[T], ...], first: int, total: int | None, scope: str = ""
    ) -> "Page[T]":
        """The page of entries read one past `first`: the extra one only tells that more
        follow."""
        return cls(total, entries[:first], len(entries) > first, scope)
