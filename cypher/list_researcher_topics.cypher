// Each researcher's topics, ranked by how many of their works carry each: read from the stored
// shares (STUDIES {works}, kept by the statements that change authorships and work topics), at
// most $first per researcher, so the cost follows the researcher's topics, never its works.
// Parameters: $ids: [string], $first: int (the most topics any caller reads per researcher)
// Returns: one row per researcher that exists: researcherId, topics: [{topic (all
//   properties), works}] at most $first, by works descending, then topic id.
UNWIND $ids AS researcherId
MATCH (r:Researcher {id: researcherId})
RETURN researcherId, COLLECT {
  MATCH (r)-[s:STUDIES]->(t)
  WITH t, s.works AS works
  ORDER BY works DESC, t.id
  LIMIT $first
  RETURN {topic: properties(t), works: works}
} AS topics
