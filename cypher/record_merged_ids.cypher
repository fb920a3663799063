// Remembers where merged-away ids went, so node(id:) answers a bookmarked old id with the node
// it became. Kept flat: when B later merges into C, an A that went into B now names C, so one
// lookup always reaches the survivor. Runs with the merge_away_* statement, in its transaction.
// Parameters: $rows: [{id, into}]
// Returns: one row per id recorded: id.
UNWIND $rows AS row
WITH row WHERE row.id <> row.into
MERGE (m:MergedId {id: row.id})
SET m.into = row.into
WITH row
CALL (row) {
  MATCH (earlier:MergedId {into: row.id})
  SET earlier.into = row.into
}
RETURN row.id AS id
