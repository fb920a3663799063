// How many works carry each topic or state each institution, and how many researchers are
// affiliated with each institution (degree look-ups: constant time for hubs).
// Parameters: $ids: [string] (topic or institution ids)
// Returns: one row per id that exists: id, works, researchers (null for topics).
UNWIND $ids AS id
CALL (id) {
  MATCH (t:Topic {id: id})
  RETURN COUNT { (t)<-[:HAS_TOPIC]-() } AS works, null AS researchers
  UNION
  MATCH (i:Institution {id: id})
  RETURN COUNT { (i)<-[:HAS_INSTITUTION]-() } AS works,
         COUNT { (i)<-[:AFFILIATED_WITH]-() } AS researchers
}
RETURN id, works, researchers
