// Each researcher's topics, ranked by how many of their works carry each: read from the stored
// shares (STUDIES {works}, kept by the statements that change authorships and work topics), at
// most $first per researcher, so the cost follows the researcher's topics, never its works.
// Parameters: $ids: [string], $first: int (the most topics any caller reads per researcher)
// Returns: one row per researcher-topic pair, at most $first per researcher: researcherId,
//   topic (all properties), works; ordered by researcherId, works descending, topic id.
UNWIND $ids AS researcherId
MATCH (r:Researcher {id: researcherId})
CALL (r) {
  MATCH (r)-[s:STUDIES]->(t)
  WITH t, s.works AS works
  ORDER BY works DESC, t.id
  LIMIT $first
  RETURN t, works
}
RETURN researcherId, properties(t) AS topic, works
ORDER BY researcherId, works DESC, t.id
