// The names of the store's indexes, those that back a constraint included (they carry the
// constraint's name): what ingest/constraints.py compares with neo4j-seed/constraints.cypher.
// Parameters: none.
// Returns: one row per index: name.
SHOW INDEXES YIELD name
RETURN name
