// Marks which works count for co-author pairs on a store imported before the mark was kept:
// w.coauthorPairs is true when the work has at most $maxPairAuthors authors (merge_works keeps
// it from then on). Auto-commit only: it commits every 10,000 works.
// Parameters: $maxPairAuthors: int
// Returns: nothing.
MATCH (w:Work)
CALL (w) {
  SET w.coauthorPairs = COUNT { (w)<-[:AUTHORED]-() } <= $maxPairAuthors
} IN TRANSACTIONS OF 10000 ROWS
