"""The GraphQL documents the service's own pages send, known to the service from the start.

The explorer page's documents are files in web/queries/, one operation per file named after
it; the ProfilePage stays in schema/profile_page.graphql (GraphiQL opens on it). The page is
given each document's hash (server/explore.py) and sends the hash alone; where the service
does not know a hash it answers PERSISTED_QUERY_NOT_FOUND and the page fetches the text from
/assets/queries/{name}.graphql and sends it once.
"""

import re
from pathlib import Path

from schema import PROFILE_PAGE
from server.persisted import sha256

QUERIES = Path(__file__).resolve().parent.parent / "web" / "queries"
# Selections several documents share (a work as the page lists it, the graph slice), one
# fragment per file named after it; each document carries the ones it spreads.
FRAGMENTS = QUERIES / "fragments"
# `...Name` spreads a fragment; `... on Type` is an inline fragment and names none.
SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([_A-Za-z]\w*)")


def read_queries() -> dict[str, str]:
    """Operation name -> document text with the fragments it spreads, the ProfilePage first."""
    fragments = {path.stem: path.read_text("utf-8") for path in FRAGMENTS.glob("*.graphql")}
    files = {
        path.stem: with_fragments(path.read_text("utf-8"), fragments)
        for path in sorted(QUERIES.glob("*.graphql"))
    }
    return {"ProfilePage": PROFILE_PAGE, **files}


def with_fragments(text: str, fragments: dict[str, str]) -> str:
    """`text` followed by the definitions of the fragments it spreads, and theirs, once each."""
    needed: list[str] = []
    pending = SPREAD.findall(text)
    while pending:
        name = pending.pop(0)
        if name in fragments and name not in needed:
            needed.append(name)
            pending += SPREAD.findall(fragments[name])
    return "".join([text, *("\n" + fragments[name] for name in needed)])


PAGE_QUERIES: dict[str, str] = read_queries()
# What the persisted-query store pins at start (the ProfilePage among them).
PAGE_DOCUMENTS: tuple[str, ...] = tuple(PAGE_QUERIES.values())
PAGE_HASHES: dict[str, str] = {name: sha256(text) for name, text in PAGE_QUERIES.items()}
