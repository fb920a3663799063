// Records on the marker node (:Meta {id: 'aggregates'}) that the COAUTHORED pairs are built, at
// this version; from then on the statements that change authorships keep them right.
// Parameters: $coauthored: int
// Returns: nothing.
MERGE (m:Meta {id: 'aggregates'})
SET m.coauthored = $coauthored
