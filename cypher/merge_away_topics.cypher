// Applies OpenAlex merged ids for topics: the works carrying a merged-away topic move to the
// surviving one, then it is removed. Idempotent.
// Topic shares (STUDIES {works}) follow in the same statement: each author of a work that
// gains the surviving topic adds 1 to their share of it (a work that carried both adds nothing);
// the merged-away topic's shares go with its node.
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Topic {id: row.id})
MERGE (new:Topic {id: row.into})
ON CREATE SET new.name = old.name
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (x)-[e:HAS_TOPIC]->(old)
  WITH new, e, x, EXISTS { (x)-[:HAS_TOPIC]->(new) } AS had
  MERGE (x)-[f:HAS_TOPIC]->(new) ON CREATE SET f = properties(e)
  WITH new, x WHERE NOT had
  MATCH (a:Researcher)-[:AUTHORED]->(x)
  WITH new, a, count(x) AS gained
  MERGE (a)-[s:STUDIES]->(new)
  ON CREATE SET s.works = 0
  SET s.works = s.works + gained
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
