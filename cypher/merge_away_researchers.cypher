// Applies OpenAlex merged ids for authors: each merged-away researcher's edges move onto the
// surviving one (authorships, affiliations, follows, claims, invitations; an edge the survivor
// already has keeps its own properties), then the merged-away node is removed. A claim moves
// only when the survivor has no owner. Idempotent: an id already merged is no longer there.
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Researcher {id: row.id})
MERGE (new:Researcher {id: row.into})
ON CREATE SET new.name = old.name, new.verification = 'L1'
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (old)-[e:AUTHORED]->(x)
  MERGE (new)-[f:AUTHORED]->(x) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (old)-[e:AFFILIATED_WITH]->(x)
  MERGE (new)-[f:AFFILIATED_WITH]->(x) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (x)-[e:FOLLOWS]->(old)
  MERGE (x)-[f:FOLLOWS]->(new) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (x)-[:FOR]->(old) MERGE (x)-[:FOR]->(new)
}
CALL (old, new) {
  MATCH (x)-[:TO]->(old) MERGE (x)-[:TO]->(new)
}
CALL (old, new) {
  WITH old, new WHERE old.ownerId IS NOT NULL AND new.ownerId IS NULL
  MATCH (u:User)-[e:CLAIMED]->(old)
  WITH old, new, u, properties(e) AS claim, old.ownerId AS owner, old.verification AS level
  REMOVE old.ownerId
  SET new.ownerId = owner, new.verification = level
  MERGE (u)-[f:CLAIMED]->(new) ON CREATE SET f = claim
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
