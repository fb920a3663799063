"""Every `extensions.code` an error of this service can carry, and what a client should do.

The README lists the same table; tests check that every error the service gives carries one
of these and that the README names them all.
"""

ERROR_CODES = {
    "GRAPHQL_PARSE_FAILED": "The document is not GraphQL: fix its syntax.",
    "GRAPHQL_VALIDATION_FAILED": "The document does not fit the schema, or goes past the depth, "
    "alias, token or length (PEERGRAPH_MAX_QUERY_CHARS) limit: fix the document.",
    "QUERY_TOO_COMPLEX": "The query's cost is over the budget (both in `extensions`): ask for "
    "smaller pages or fewer fields.",
    "BAD_USER_INPUT": "An argument of a query is wrong (named in `extensions.argument`): fix "
    "it. A mutation answers bad input in its payload's `userErrors` (code INVALID, with the "
    "`field` path) instead.",
    "UNAUTHENTICATED": "The field needs a valid token: sign in (again).",
    "FORBIDDEN": "Signed in, but not allowed to do this.",
    "TIMEOUT": "A statement ran past NEO4J_QUERY_TIMEOUT_SECONDS: ask for less, or retry later.",
    "SERVICE_UNAVAILABLE": "Neo4j is unreachable or the service is busy: retry shortly.",
    "INTERNAL_SERVER_ERROR": "A bug: the message is masked; quote `extensions.requestId`.",
    "PERSISTED_QUERY_NOT_FOUND": "The hash is unknown: send the query text with it once.",
    "PERSISTED_QUERY_NOT_SUPPORTED": "Only persistedQuery version 1 with a sha256Hash.",
    "BAD_REQUEST": "Not a GraphQL-over-HTTP request (bad JSON, no query, a batch).",
    "METHOD_NOT_ALLOWED": "A mutation over GET: use POST.",
    "NOT_ACCEPTABLE": "The Accept header allows no JSON type this endpoint answers.",
    "PAYLOAD_TOO_LARGE": "The body is over PEERGRAPH_MAX_BODY_BYTES.",
    "REQUEST_HEADERS_TOO_LARGE": "The request headers are over PEERGRAPH_MAX_HEADER_BYTES: send "
    "fewer or shorter ones.",
    "UNSUPPORTED_MEDIA_TYPE": "Send application/json (or a GET with query parameters).",
}
