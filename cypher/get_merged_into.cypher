// The ids these merged-away ids became (record_merged_ids keeps each pointing at the survivor).
// Parameters: $ids: [string]
// Returns: one row per id merged away: id, into.
UNWIND $ids AS id
MATCH (m:MergedId {id: id})
RETURN id, m.into AS into
