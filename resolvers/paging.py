"""Page sizes and keyset cursors.

A cursor carries the list it was handed out for, and the sort key and id of the last row seen:
base64url of the JSON array [scope, sort key, id]. The scope names the list and its order
("works:YEAR_DESC", "coauthors", "search:researchers") and, after a `~`, a short digest of
what picks the list out (the node whose list it is, the words searched), so a cursor given to
another list, another order or another node's list is refused (BAD_USER_INPUT on `after`)
instead of silently giving a page of the wrong list. Clients treat a cursor as opaque."""

import base64
import binascii
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from aiodataloader import DataLoader

from model.paging import Page, PageEntry, PageKey
from resolvers.errors import BadInput

T = TypeVar("T")

MAX_FIRST = 100
# The cursors this API hands out are a scope, a sort key and an id: well under this.
MAX_CURSOR_CHARS = 512
OTHER_LIST = "is a cursor of another list or order; start again without `after`"


def check_first(first: int) -> int:
    if not 0 <= first <= MAX_FIRST:
        raise BadInput("first", f"must be between 0 and {MAX_FIRST}, got {first}")
    return first


def scope(list_name: str, of: str = "") -> str:
    """The tag a cursor of this list carries: the list's name and order, and a digest of `of`
    (the owner's id, the search words) that keeps the cursor short whatever `of` is."""
    if not of:
        return list_name
    digest = hashlib.blake2b(of.encode(), digest_size=6).digest()
    return f"{list_name}~{base64.urlsafe_b64encode(digest).decode()}"


def encode_cursor(list_scope: str, sort_key: Any, row_id: str) -> str:
    raw = json.dumps([list_scope, sort_key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_cursor(cursor: str | None, list_scope: str) -> tuple[float | None, str | None]:
    """The (sort key, id) a cursor of the list `list_scope` carries, or (None, None) for the
    first page."""
    if cursor is None:
        return None, None
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError
        tag, key, row_id = json.loads(
            base64.urlsafe_b64decode(cursor.encode()), parse_constant=refuse
        )
        if not isinstance(tag, str) or not isinstance(row_id, str):
            raise ValueError
        if isinstance(key, bool) or not isinstance(key, int | float):
            raise ValueError
        # A 400-digit integer does not fit a float; 1e999 decodes as infinity.
        sort_key = float(key)
        if not math.isfinite(sort_key):
            raise ValueError
    except (ValueError, TypeError, OverflowError, RecursionError, binascii.Error, UnicodeError):
        raise BadInput("after", "is not a cursor this API handed out") from None
    if tag != list_scope:
        raise BadInput("after", OTHER_LIST)
    return sort_key, row_id


def refuse(constant: str) -> None:
    """NaN and Infinity are no JSON, though Python's json module reads them."""
    raise ValueError(constant)


def timed_page_after(cursor: str | None, list_scope: str) -> dict[str, Any]:
    """The keyset parameters of a list sorted by when (atKey: epoch microseconds) and id."""
    key, row_id = decode_cursor(cursor, list_scope)
    return {"afterKey": None if key is None else int(key), "afterId": row_id}


def timed_page(
    records: Sequence[Any], first: int, list_scope: str, row_of: Callable[[Any], T]
) -> Page[T]:
    entries = tuple(PageEntry(float(r["atKey"]), row_of(r)) for r in records)
    return Page.read_past(entries, first, None, list_scope)


async def keyed_page(
    loader: DataLoader[PageKey, Page[T] | None],
    list_scope: str,
    owner_id: str,
    first: int,
    after: str | None,
    empty_total: int | None = 0,
    **options: Any,
) -> Page[T]:
    """One page of an owner's keyset list through its loader (pages of different sizes asked
    together still go in one statement), its cursors bound to `list_scope`; `options` are the
    PageKey's order or filter. An owner the graph lacks has an empty page, of `empty_total`
    (None for a list that counts nothing)."""
    after_key, after_id = decode_cursor(after, list_scope)
    key = PageKey(owner_id, check_first(first), after_key, after_id, **options)
    page = await loader.load(key) or Page(empty_total, (), False)
    return replace(page, scope=list_scope)
