// Whose a researcher record is, for resolvers/authorization.py to decide who may change it.
// Parameters: $researcherId
// Returns: one row when the researcher exists: ownerId (null when unclaimed).
MATCH (r:Researcher {id: $researcherId})
RETURN r.ownerId AS ownerId
