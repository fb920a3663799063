// Applies OpenAlex merged ids for institutions: affiliations and the works stating a
// merged-away institution move to the surviving one, then it is removed. Idempotent.
// The caller runs set_current_affiliations after it in the same transaction (for the researchers
// of the surviving institutions: every edge to a merged-away one goes with it).
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Institution {id: row.id})
MERGE (new:Institution {id: row.into})
ON CREATE SET new.name = old.name
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (x)-[e:AFFILIATED_WITH]->(old)
  MERGE (x)-[f:AFFILIATED_WITH]->(new) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (x)-[:HAS_INSTITUTION]->(old) MERGE (x)-[:HAS_INSTITUTION]->(new)
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
