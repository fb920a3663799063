"""The GraphQL documents the service's own pages send, known to the service from the start.

The explorer page's documents are files in web/queries/, one operation per file named after
it; the ProfilePage stays in schema/profile_page.graphql (GraphiQL opens on it). The page is
given each document's hash (server/explore.py) and sends the hash alone; where the service
does not know a hash it answers PERSISTED_QUERY_NOT_FOUND and the page fetches the text from
/assets/queries/{name}.graphql and sends it once.
"""

from pathlib import Path

from schema import PROFILE_PAGE
from server.persisted import sha256

QUERIES = Path(__file__).resolve().parent.parent / "web" / "queries"


def read_queries() -> dict[str, str]:
    """Operation name -> document text, the ProfilePage first."""
    files = {path.stem: path.read_text("utf-8") for path in sorted(QUERIES.glob("*.graphql"))}
    return {"ProfilePage": PROFILE_PAGE, **files}


PAGE_QUERIES: dict[str, str] = read_queries()
# What the persisted-query store pins at start (the ProfilePage among them).
PAGE_DOCUMENTS: tuple[str, ...] = tuple(PAGE_QUERIES.values())
PAGE_HASHES: dict[str, str] = {name: sha256(text) for name, text in PAGE_QUERIES.items()}
