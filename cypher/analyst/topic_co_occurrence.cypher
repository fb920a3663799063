// Topics that appear together on works, and how often.
// Parameters: $limit: int
// Returns: topicA, topicB (names), works; most first.
MATCH (a:Topic)<-[:HAS_TOPIC]-(w:Work)-[:HAS_TOPIC]->(b:Topic)
WHERE a.id < b.id
RETURN a.name AS topicA, b.name AS topicB, count(w) AS works
ORDER BY works DESC, topicA, topicB
LIMIT $limit
