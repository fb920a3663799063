// The researchers with the most works, with their citations (sum of their works').
// Parameters: $limit: int
// Returns: researcherId, name, works, citations; most works first.
MATCH (r:Researcher)
WITH r, COUNT { (r)-[:AUTHORED]->() } AS works
ORDER BY works DESC, r.id
LIMIT $limit
CALL (r) {
  MATCH (r)-[:AUTHORED]->(w:Work)
  RETURN sum(coalesce(w.citedByCount, 0)) AS citations
}
RETURN r.id AS researcherId, r.name AS name, works, citations
ORDER BY works DESC, researcherId
