"""Full-text search: user text becomes a Lucene query of plain terms, never raw syntax."""

import re

from resolvers.errors import BadInput

MAX_SEARCH_LENGTH = 200
MAX_TERMS = 8
# Words only: Lucene's operators and special characters (" ~ * ( ) : AND ...) never survive.
TERM = re.compile(r"\w+")


def lucene_query(text: str, argument: str = "search") -> str | None:
    """`"jian jia"` becomes `(jian OR jian*) AND (jia OR jia*)`: every word, each as itself or
    as a prefix, so a UI can autocomplete while exact words still rank first. None when the
    text holds no word at all."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadInput(argument, f"is longer than {MAX_SEARCH_LENGTH} characters")
    # Lower case keeps AND/OR/NOT from being read as operators.
    terms = [t.lower() for t in TERM.findall(text)][:MAX_TERMS]
    if not terms:
        return None
    return " AND ".join(f"({t} OR {t}*)" for t in terms)
