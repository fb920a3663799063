// Builds the co-author pairs of a store imported before they were kept: for each pair of
// researchers sharing works that count for pairs (w.coauthorPairs, set by mark_pair_works), one (a)-[:COAUTHORED {works, latestYear}]->(b) from the smaller id
// to the larger, works = how many works both authored, latestYear = max(coalesce(year, 0)) of
// them, lo and hi = the two ids, rank = -(works * 10000 + latestYear) (list_coauthors' index
// keys, see merge_works). Expects no COAUTHORED yet (clear_coauthored first). Auto-commit only: it commits every
// 1,000 researchers, so a large graph does not hold them all in one transaction.
// Parameters: none.
// Returns: one row per researcher, as its transaction commits: pairs (the pairs it starts).
MATCH (a:Researcher)
CALL (a) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(b:Researcher)
  WHERE a.id < b.id AND w.coauthorPairs
  WITH a, b, count(w) AS works, max(coalesce(w.year, 0)) AS latestYear
  CALL (a, b, works, latestYear) {
    WITH a, b, works, latestYear WHERE b IS NOT NULL
    CREATE (a)-[:COAUTHORED {works: works, latestYear: latestYear, lo: a.id, hi: b.id,
                              rank: -toFloat(works * 10000 + latestYear)}]->(b)
  }
  RETURN count(b) AS pairs
} IN TRANSACTIONS OF 1000 ROWS
RETURN pairs
