// Institutions by id.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, institution (all properties).
UNWIND $ids AS id
MATCH (i:Institution {id: id})
RETURN id, properties(i) AS institution
