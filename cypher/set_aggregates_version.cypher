// Records on the marker node (:Meta {id: 'aggregates'}) that an upgrade step has finished, at
// these versions; from then on the statements that change authorships, work topics and
// affiliations keep what it built right.
// Parameters: $versions: map of marker property -> int (the others are left as they are)
// Returns: nothing.
MERGE (m:Meta {id: 'aggregates'})
SET m += $versions
