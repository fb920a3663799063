// The topics of works, best score first.
// Parameters: $ids: [string] (work ids)
// Returns: one row per work that exists: workId, topics: [{score, topic (all properties)}]
//   by score descending, then topic id.
UNWIND $ids AS workId
MATCH (w:Work {id: workId})
RETURN workId, COLLECT {
  MATCH (w)-[e:HAS_TOPIC]->(t:Topic)
  WITH e, t ORDER BY e.score DESC, t.id
  RETURN {score: e.score, topic: properties(t)}
} AS topics
