// Topics by id.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, topic (all properties).
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN id, properties(t) AS topic
