"""The domain model: the plain, immutable values every layer speaks.

Loaders build them from Neo4j records, resolvers compute with them, the schema turns them into
GraphQL types (a `Researcher` is built from a `ResearcherRow`), and the server builds the
signed-in `User`. Nothing here imports another layer of the service.
"""
