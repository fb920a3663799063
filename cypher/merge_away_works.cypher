// Applies OpenAlex merged ids for works: each merged-away work's authorships, topics,
// institutions and citations (both ways) move onto the surviving work, then it is removed.
// Idempotent: an id already merged is no longer there.
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Work {id: row.id})
MERGE (new:Work {id: row.into})
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (x)-[e:AUTHORED]->(old)
  MERGE (x)-[f:AUTHORED]->(new) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (old)-[e:HAS_TOPIC]->(x)
  MERGE (new)-[f:HAS_TOPIC]->(x) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (old)-[:HAS_INSTITUTION]->(x) MERGE (new)-[:HAS_INSTITUTION]->(x)
}
CALL (old, new) {
  MATCH (old)-[:CITES]->(x) WHERE x <> new MERGE (new)-[:CITES]->(x)
}
CALL (old, new) {
  MATCH (x)-[:CITES]->(old) WHERE x <> new MERGE (x)-[:CITES]->(new)
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
