// What the identity and trust analyses read for each researcher: their works (the latest
// $maxWorks), each with its other authors, topics (with field), the institutions stated on the
// researcher's own authorship, citations and whether the owner confirmed the authorship.
// Parameters: $ids: [string], $maxWorks: int
// Returns: one row per work of each researcher that exists: researcherId, workId, title,
//   year, citedByCount, verified, coauthorIds, topics: [{id, name, field}], institutions:
//   [{id, name}].
UNWIND $ids AS researcherId
MATCH (r:Researcher {id: researcherId})
CALL (r) {
  MATCH (r)-[a:AUTHORED]->(w:Work)
  WITH w, a ORDER BY coalesce(w.year, 0) DESC, w.id LIMIT $maxWorks
  RETURN w, a
}
RETURN researcherId, w.id AS workId, w.title AS title, w.year AS year,
       w.citedByCount AS citedByCount, coalesce(a.verified, false) AS verified,
       COLLECT { MATCH (w)<-[:AUTHORED]-(c:Researcher) WHERE c <> r RETURN c.id } AS coauthorIds,
       COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t {.id, .name, .field} } AS topics,
       COLLECT { UNWIND coalesce(a.institutionIds, []) AS iid
                 MATCH (i:Institution {id: iid}) RETURN i {.id, .name} } AS institutions
ORDER BY researcherId, year DESC, workId
