// The topics of works, best score first.
// Parameters: $ids: [string] (work ids)
// Returns: one row per work-topic pair: workId, score, topic (all properties).
UNWIND $ids AS workId
MATCH (:Work {id: workId})-[e:HAS_TOPIC]->(t:Topic)
RETURN workId, e.score AS score, properties(t) AS topic
ORDER BY workId, score DESC, t.id
