// Each researcher's topics, ranked by how many of their works carry each.
// Parameters: $ids: [string]
// Returns: one row per researcher-topic pair: researcherId, topic (all properties), works;
//   ordered by researcherId, works descending, topic id.
UNWIND $ids AS researcherId
MATCH (:Researcher {id: researcherId})-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic)
WITH researcherId, t, count(*) AS works
RETURN researcherId, properties(t) AS topic, works
ORDER BY researcherId, works DESC, t.id
