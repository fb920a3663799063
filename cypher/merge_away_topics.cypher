// Applies OpenAlex merged ids for topics: the works carrying a merged-away topic move to the
// surviving one, then it is removed. Idempotent.
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Topic {id: row.id})
MERGE (new:Topic {id: row.into})
ON CREATE SET new.name = old.name
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (x)-[e:HAS_TOPIC]->(old)
  MERGE (x)-[f:HAS_TOPIC]->(new) ON CREATE SET f = properties(e)
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
