"""Automatic persisted queries, as Apollo clients send them: a sha256 instead of the text.

A client sends `extensions.persistedQuery.sha256Hash` alone; if the service knows the
document it runs it, else it answers PERSISTED_QUERY_NOT_FOUND and the client sends the text
with the hash once, which the service checks and keeps. The ProfilePage document is known from
the start, so the explorer UI never has to send it.
"""

import hashlib
from collections import OrderedDict
from typing import Any

from strawberry.http import GraphQLRequestData

MAX_DOCUMENTS = 1000


class PersistedQueryError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class PersistedQueries:
    """The documents this process has seen, the least recently used dropped past a bound."""

    def __init__(self, *known: str) -> None:
        self.documents: OrderedDict[str, str] = OrderedDict((sha256(d), d) for d in known)

    def resolve(self, data: GraphQLRequestData) -> GraphQLRequestData:
        persisted = (data.extensions or {}).get("persistedQuery")
        if not isinstance(persisted, dict):
            return data
        digest = persisted.get("sha256Hash")
        if persisted.get("version") != 1 or not isinstance(digest, str):
            raise PersistedQueryError(
                "PERSISTED_QUERY_NOT_SUPPORTED", "only persistedQuery version 1 with a sha256Hash"
            )
        if data.query is None:
            data.query = self.lookup(digest)
        elif sha256(data.query) != digest:
            raise PersistedQueryError(
                "BAD_USER_INPUT", "provided sha256Hash does not match the query"
            )
        else:
            self.keep(digest, data.query)
        return data

    def lookup(self, digest: str) -> str:
        document = self.documents.get(digest)
        if document is None:
            raise PersistedQueryError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
        self.documents.move_to_end(digest)
        return document

    def keep(self, digest: str, document: str) -> None:
        self.documents[digest] = document
        self.documents.move_to_end(digest)
        while len(self.documents) > MAX_DOCUMENTS:
            self.documents.popitem(last=False)


def error_body(error: PersistedQueryError) -> dict[str, Any]:
    return {"errors": [{"message": str(error), "extensions": {"code": error.code}}]}
