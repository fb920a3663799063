// The counts on a researcher's page, computed from the graph.
// A close collaborator is a co-author with at least $closeMinShared shared works.
// Parameters: $ids: [string], $closeMinShared: int
// Returns: one row per id that exists: id, works, followers, topics, closeCollaborators.
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> r
  WITH c, count(*) AS shared
  RETURN count(CASE WHEN shared >= $closeMinShared THEN c END) AS closeCollaborators
}
RETURN id,
       COUNT { (r)-[:AUTHORED]->(:Work) } AS works,
       COUNT { (:User)-[:FOLLOWS]->(r) } AS followers,
       COUNT { MATCH (r)-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic) RETURN DISTINCT t } AS topics,
       closeCollaborators
