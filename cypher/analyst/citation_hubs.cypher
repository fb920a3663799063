// The most cited works among the imported ones (CITES edges, not OpenAlex's count).
// Parameters: $limit: int
// Returns: workId, title, year, citations; most first.
MATCH (w:Work)
WHERE w.title IS NOT NULL
WITH w, COUNT { (w)<-[:CITES]-() } AS citations
ORDER BY citations DESC, w.id
LIMIT $limit
RETURN w.id AS workId, w.title AS title, w.year AS year, citations
