// The researcher a user owns, if any.
// Parameters: $userId: string
// Returns: zero or one row: id.
MATCH (r:Researcher {ownerId: $userId})
RETURN r.id AS id
