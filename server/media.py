"""Content negotiation as the GraphQL-over-HTTP specification lays it out.

A client that accepts `application/graphql-response+json` gets it, with the status codes that
media type prescribes: a response with no `data` entry (the request failed before execution:
a syntax or validation error, a limit) is a 400. A client that accepts only `application/json`
gets 200 for every well-formed request, as legacy clients expect. A client that accepts
neither gets a 406.
"""

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
ANY_JSON = {JSON, "application/*", "*/*"}


def accepted(header: str | None) -> list[str]:
    """The media types an Accept header allows (q > 0), in the header's order."""
    types = []
    for part in (header or "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        if media and _positive(q):
            types.append(media.lower())
    return types


def _positive(q: str) -> bool:
    try:
        return float(q) > 0
    except ValueError:
        return False


def negotiate(header: str | None) -> str | None:
    """The response type for a GraphQL request, or None when the client accepts none of ours."""
    if not (header or "").strip():
        return JSON
    types = accepted(header)
    if GRAPHQL_RESPONSE in types:
        return GRAPHQL_RESPONSE
    return JSON if ANY_JSON.intersection(types) else None
