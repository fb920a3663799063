// Researchers with works in both of two topics: the bridges between them.
// Parameters: $topicA: string, $topicB: string, $limit: int
// Returns: researcherId, name, worksInA, worksInB; the most balanced and productive first.
MATCH (r:Researcher)-[:AUTHORED]->(w:Work)-[:HAS_TOPIC]->(:Topic {id: $topicA})
WITH r, count(DISTINCT w) AS worksInA
MATCH (r)-[:AUTHORED]->(v:Work)-[:HAS_TOPIC]->(:Topic {id: $topicB})
WITH r, worksInA, count(DISTINCT v) AS worksInB
RETURN r.id AS researcherId, r.name AS name, worksInA, worksInB
ORDER BY CASE WHEN worksInA < worksInB THEN worksInA ELSE worksInB END DESC, worksInA + worksInB DESC, researcherId
LIMIT $limit
