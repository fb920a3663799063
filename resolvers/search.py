"""Full-text search: user text becomes a Lucene query of plain terms, never raw syntax."""

import re
from collections.abc import Callable
from typing import Any, TypeVar

from model.paging import Page, PageEntry
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import check_first, decode_cursor, scope

T = TypeVar("T")

MAX_SEARCH_LENGTH = 200
MAX_TERMS = 8
# A search ranks the best SEARCH_DEPTH matches and pages through those: its cost follows the
# page, not how many names share a prefix ("wang" matches millions in OpenAlex).
SEARCH_DEPTH = 1000
# Words only: Lucene's operators and special characters (" ~ * ( ) : AND ...) never survive.
TERM = re.compile(r"\w+")


def lucene_query(text: str) -> str | None:
    """`"jian jia"` becomes `(jian OR jian*) AND (jia OR jia*)`: every word, each as itself or
    as a prefix, so a UI can autocomplete while exact words still rank first. None when the
    text holds no word at all."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadInput("search", f"is longer than {MAX_SEARCH_LENGTH} characters")
    # Lower case keeps AND/OR/NOT from being read as operators.
    terms = [t.lower() for t in TERM.findall(text)][:MAX_TERMS]
    if not terms:
        return None
    return " AND ".join(f"({t} OR {t}*)" for t in terms)


async def search(
    ctx: Context, statement: str, text: str, first: int, after: str | None, row: Callable[[Any], T]
) -> Page[T]:
    """Up to `first` rows of a full-text `statement` best matching `text`, and whether more
    follow; keyset-paged by (score, id). Scores depend on the words, so a cursor serves only
    the search it came from (its scope holds a digest of the words as searched). No total:
    counting every match would cost what the search depth saves."""
    query = lucene_query(text)
    # search_researchers -> search:researchers
    list_scope = scope(statement.replace("_", ":", 1), query or "")
    after_score, after_id = decode_cursor(after, list_scope)
    if query is None or check_first(first) == 0:
        return Page(None, (), False, list_scope)
    records = await ctx.runner.read(
        statement,
        query=query,
        depth=SEARCH_DEPTH,
        first=first,
        afterScore=after_score,
        afterId=after_id,
    )
    hits = tuple(PageEntry(r["score"], row(r)) for r in records)
    return Page.read_past(hits, first, None, list_scope)
