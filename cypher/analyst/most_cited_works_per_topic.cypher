// The most cited works of a topic (OpenAlex's cited_by_count).
// Parameters: $topicId: string, $limit: int
// Returns: workId, title, year, citedByCount; most cited first.
MATCH (w:Work)-[:HAS_TOPIC]->(:Topic {id: $topicId})
RETURN w.id AS workId, w.title AS title, w.year AS year, coalesce(w.citedByCount, 0) AS citedByCount
ORDER BY citedByCount DESC, workId
LIMIT $limit
