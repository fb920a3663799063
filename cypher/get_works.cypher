// Works by id.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, work (all properties).
UNWIND $ids AS id
MATCH (w:Work {id: id})
RETURN id, properties(w) AS work
