// What the identity and trust analyses read for each researcher: how many works they have in
// all (a degree look-up: constant time), how many close collaborators (co-authors sharing 2+
// works: closeCoauthors, kept on the researcher with its COAUTHORED pairs by the statements that
// change authorships: one property read), and a bounded sample of works, each with its other
// authors, topics (with field), the institutions stated on the researcher's own authorship,
// citations and whether the owner confirmed the authorship.
// Bounds: the latest $maxWorks works (newest year first, then id), and on each at most
// $maxCoauthors other authors, the first found (no order: a capped list costs the same
// whatever the size of the work's author list); authors is the full count (degree look-up),
// so a cut list can be told from a whole one.
// Parameters: $ids: [string], $maxWorks: int, $maxCoauthors: int
// Returns: one row per sampled work of each researcher that exists: researcherId, totalWorks
//   (all their works), closeCoauthors (all their co-authors sharing 2+ works), workId, title, year, citedByCount, verified, authors (all the work's
//   authors, the researcher included), coauthorIds (at most $maxCoauthors), topics:
//   [{id, name, field}], institutions: [{id, name}].
UNWIND $ids AS researcherId
MATCH (r:Researcher {id: researcherId})
WITH researcherId, r, COUNT { (r)-[:AUTHORED]->() } AS totalWorks,
     coalesce(r.closeCoauthors, 0) AS closeCoauthors
CALL (r) {
  MATCH (r)-[a:AUTHORED]->(w:Work)
  WITH w, a ORDER BY coalesce(w.year, 0) DESC, w.id LIMIT $maxWorks
  RETURN w, a
}
RETURN researcherId, totalWorks, closeCoauthors, w.id AS workId, w.title AS title, w.year AS year,
       w.citedByCount AS citedByCount, coalesce(a.verified, false) AS verified,
       COUNT { (w)<-[:AUTHORED]-() } AS authors,
       COLLECT { MATCH (w)<-[:AUTHORED]-(c:Researcher) WHERE c <> r
                 RETURN c.id LIMIT $maxCoauthors } AS coauthorIds,
       COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t {.id, .name, .field} } AS topics,
       COLLECT { UNWIND coalesce(a.institutionIds, []) AS iid
                 MATCH (i:Institution {id: iid}) RETURN i {.id, .name} } AS institutions
ORDER BY researcherId, year DESC, workId
