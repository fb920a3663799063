"""Page sizes and keyset cursors: a cursor carries the sort key and id of the last row seen."""

import base64
import binascii
import json
import math
from typing import Any

from resolvers.errors import BadInput

MAX_FIRST = 100
# The cursors this API hands out are a sort key and an id: well under this.
MAX_CURSOR_CHARS = 512


def check_first(first: int) -> int:
    if not 0 <= first <= MAX_FIRST:
        raise BadInput("first", f"must be between 0 and {MAX_FIRST}, got {first}")
    return first


def encode_cursor(sort_key: Any, row_id: str) -> str:
    raw = json.dumps([sort_key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_cursor(cursor: str | None) -> tuple[float | None, str | None]:
    """The (sort key, id) a cursor carries, or (None, None) for the first page."""
    if cursor is None:
        return None, None
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError
        key, row_id = json.loads(base64.urlsafe_b64decode(cursor.encode()), parse_constant=refuse)
        if isinstance(key, bool) or not isinstance(key, int | float) or not isinstance(row_id, str):
            raise ValueError
        # A 400-digit integer does not fit a float; 1e999 decodes as infinity.
        sort_key = float(key)
        if not math.isfinite(sort_key):
            raise ValueError
    except (ValueError, TypeError, OverflowError, RecursionError, binascii.Error, UnicodeError):
        raise BadInput("after", "is not a cursor this API handed out") from None
    return sort_key, row_id


def refuse(constant: str) -> None:
    """NaN and Infinity are no JSON, though Python's json module reads them."""
    raise ValueError(constant)
