// For the benchmarks: the biggest hubs of each kind, and an ordinary researcher.
// Parameters: none.
// Returns: one row: topic (most works), institution (most works), researcher (most works),
//   work (most cited), ordinary (a researcher with the median number of works).
CALL () {
  MATCH (t:Topic) RETURN t.id AS topic ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC LIMIT 1
}
CALL () {
  MATCH (i:Institution)
  RETURN i.id AS institution ORDER BY COUNT { (i)<-[:HAS_INSTITUTION]-() } DESC LIMIT 1
}
CALL () {
  MATCH (w:Work) RETURN w.id AS work ORDER BY COUNT { (w)<-[:CITES]-() } DESC LIMIT 1
}
CALL () {
  MATCH (r:Researcher)
  WITH r, COUNT { (r)-[:AUTHORED]->() } AS n WHERE n > 0
  WITH r, n ORDER BY n, r.id
  WITH collect(r.id) AS ids
  RETURN ids[-1] AS researcher, ids[size(ids) / 2] AS ordinary
}
RETURN topic, institution, researcher, work, ordinary
