"""Page sizes and keyset cursors: a cursor carries the sort key and id of the last row seen."""

import base64
import binascii
import json
from typing import Any

from resolvers.errors import BadInput

MAX_FIRST = 100


def check_first(first: int, argument: str = "first") -> int:
    if not 0 <= first <= MAX_FIRST:
        raise BadInput(argument, f"must be between 0 and {MAX_FIRST}, got {first}")
    return first


def encode_cursor(sort_key: Any, row_id: str) -> str:
    raw = json.dumps([sort_key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_cursor(cursor: str | None, argument: str = "after") -> tuple[float | None, str | None]:
    """The (sort key, id) a cursor carries, or (None, None) for the first page."""
    if cursor is None:
        return None, None
    try:
        key, row_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if isinstance(key, bool) or not isinstance(key, int | float) or not isinstance(row_id, str):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise BadInput(argument, "is not a cursor this API handed out") from None
    return float(key), row_id
