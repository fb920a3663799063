// Works related to each work: sharing authors (3 points each) or topics (1 point each),
// best first. Every fan-out is capped inside the query, so a work by a prolific author, on a hub
// topic or with a huge author list costs no more than one at the caps: at most $scan of the
// work's authors lend works, each author and each topic lends only the first $scan of its works
// the store finds. Exact while the work has at most $scan authors and none of its authors or
// topics has more than $scan works.
// Parameters: $ids: [string] (work ids), $scan: int
// Returns: one row per related pair: workId, work (all properties), score; at most 100 per
//   work, ordered by workId, score descending, citations descending, id.
UNWIND $ids AS workId
MATCH (w:Work {id: workId})
CALL (w) {
  CALL (w) {
    MATCH (w)<-[:AUTHORED]-(a:Researcher)
    WITH a LIMIT $scan
    CALL (a, w) {
      MATCH (a)-[:AUTHORED]->(other:Work) WHERE other <> w
      RETURN other LIMIT $scan
    }
    RETURN other, 3 AS points
    UNION ALL
    MATCH (w)-[:HAS_TOPIC]->(t:Topic)
    CALL (t, w) {
      MATCH (t)<-[:HAS_TOPIC]-(other:Work) WHERE other <> w
      RETURN other LIMIT $scan
    }
    RETURN other, 1 AS points
  }
  WITH other, sum(points) AS score
  ORDER BY score DESC, coalesce(other.citedByCount, 0) DESC, other.id
  LIMIT 100
  RETURN other, score
}
RETURN workId, properties(other) AS work, score
ORDER BY workId, score DESC, coalesce(other.citedByCount, 0) DESC, other.id
