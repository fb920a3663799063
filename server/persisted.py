"""Automatic persisted queries, as Apollo clients send them: a sha256 instead of the text.

A client sends `extensions.persistedQuery.sha256Hash` alone; if the service knows the
document it runs it, else it answers PERSISTED_QUERY_NOT_FOUND and the client sends the text
with the hash once. The service keeps that text only once it has run: parsed, validated and
within every limit (the view calls `keep` after execution), so a stranger cannot fill the store
with documents that never run.

The documents the service's own pages send (ProfilePage, the explorer's) are pinned: known by
their hash from the start and never evicted, whatever clients register. The rest are kept by
least recent use within a bound on entries and on bytes.
"""

import hashlib
from collections import OrderedDict
from typing import Any

from graphql import GraphQLSyntaxError, OperationDefinitionNode, parse
from strawberry.http import GraphQLRequestData

MAX_DOCUMENTS = 1000
MAX_BYTES = 2_000_000


class PersistedQueryError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def operation_names(documents: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for document in documents:
        try:
            definitions = parse(document).definitions
        except GraphQLSyntaxError:
            continue
        names.update(
            d.name.value for d in definitions if isinstance(d, OperationDefinitionNode) and d.name
        )
    return frozenset(names)


class PersistedQueries:
    """Pinned documents, and the ones clients registered that ran, least recently used first."""

    def __init__(
        self, *pinned: str, max_entries: int = MAX_DOCUMENTS, max_bytes: int = MAX_BYTES
    ) -> None:
        self.pinned = {sha256(d): d for d in pinned}
        # Metrics label only these operations by name (server/metrics.py).
        self.operation_names = operation_names(pinned)
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.documents: OrderedDict[str, str] = OrderedDict()
        self.bytes = 0  # of the registered documents; the pinned ones are not counted

    def __len__(self) -> int:
        return len(self.pinned) + len(self.documents)

    def __contains__(self, digest: object) -> bool:
        return digest in self.pinned or digest in self.documents

    def resolve(self, data: GraphQLRequestData) -> GraphQLRequestData:
        """Fills in the text of a request sent by hash; checks the hash of one sent with text."""
        digest = requested_hash(data)
        if digest is None:
            return data
        if data.query is None:
            data.query = self.lookup(digest)
        elif sha256(data.query) != digest:
            raise PersistedQueryError(
                "BAD_USER_INPUT", "provided sha256Hash does not match the query"
            )
        return data

    def lookup(self, digest: str) -> str:
        if digest in self.pinned:
            return self.pinned[digest]
        document = self.documents.get(digest)
        if document is None:
            raise PersistedQueryError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
        self.documents.move_to_end(digest)
        return document

    def keep(self, digest: str, document: str) -> None:
        """Registers a document that ran; one over the whole byte bound is not kept at all."""
        size = len(document.encode())
        if digest in self.pinned or size > self.max_bytes:
            return
        if digest in self.documents:
            self.documents.move_to_end(digest)
            return
        self.documents[digest] = document
        self.bytes += size
        while len(self.documents) > self.max_entries or self.bytes > self.max_bytes:
            _, dropped = self.documents.popitem(last=False)
            self.bytes -= len(dropped.encode())


def requested_hash(data: GraphQLRequestData) -> str | None:
    """The sha256 a request names in `extensions.persistedQuery`, if any."""
    persisted = (data.extensions or {}).get("persistedQuery")
    if not isinstance(persisted, dict):
        return None
    digest = persisted.get("sha256Hash")
    if persisted.get("version") != 1 or not isinstance(digest, str):
        raise PersistedQueryError(
            "PERSISTED_QUERY_NOT_SUPPORTED", "only persistedQuery version 1 with a sha256Hash"
        )
    return digest


def error_body(error: PersistedQueryError) -> dict[str, Any]:
    return {"errors": [{"message": str(error), "extensions": {"code": error.code}}]}
