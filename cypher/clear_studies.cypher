// Deletes every stored topic share (STUDIES), before the backfill builds them again (a backfill
// cut short leaves some behind). Auto-commit only: it commits every 10,000 deletions, so a large
// graph does not hold them all in one transaction.
// Parameters: none.
// Returns: nothing.
MATCH ()-[s:STUDIES]->()
CALL (s) {
  DELETE s
} IN TRANSACTIONS OF 10000 ROWS
