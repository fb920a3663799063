// Builds the topic shares of a store imported before they were kept: for each researcher and
// each topic its works carry, one (r)-[:STUDIES {works}]->(t), works = how many of the works r
// authored carry t. Expects no STUDIES yet (clear_studies first). Auto-commit only: it commits
// every 1,000 researchers, so a large graph does not hold them all in one transaction.
// Parameters: none.
// Returns: one row per researcher, as its transaction commits: topics (the shares it starts).
MATCH (r:Researcher)
CALL (r) {
  MATCH (r)-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic)
  WITH r, t, count(*) AS works
  CREATE (r)-[:STUDIES {works: works}]->(t)
  RETURN count(t) AS topics
} IN TRANSACTIONS OF 1000 ROWS
RETURN topics
