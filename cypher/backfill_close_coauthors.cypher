// Sets each researcher's closeCoauthors: how many of its co-author pairs (COAUTHORED) share 2+
// works (CLOSE_MIN_SHARED in loaders/researchers.py), after backfill_coauthored built the pairs;
// from then on the statements that change authorships keep it. Auto-commit only: it commits
// every 1,000 researchers.
// Parameters: none.
// Returns: nothing.
MATCH (r:Researcher)
CALL (r) {
  SET r.closeCoauthors = COUNT { (r)-[c:COAUTHORED]-() WHERE c.works >= 2 }
} IN TRANSACTIONS OF 1000 ROWS
