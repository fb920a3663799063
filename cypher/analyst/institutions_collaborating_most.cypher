// Pairs of institutions stated together on the most works.
// Parameters: $limit: int
// Returns: institutionA, institutionB (ids), nameA, nameB, works; most first.
MATCH (a:Institution)<-[:HAS_INSTITUTION]-(w:Work)-[:HAS_INSTITUTION]->(b:Institution)
WHERE a.id < b.id
RETURN a.id AS institutionA, b.id AS institutionB, a.name AS nameA, b.name AS nameB, count(w) AS works
ORDER BY works DESC, institutionA, institutionB
LIMIT $limit
