// The user stops following the researcher; unfollowing when not following changes nothing.
// Parameters: $user: {id, ...}, $researcherId: string
// Returns: one row when the researcher exists: followers (after the change).
MATCH (r:Researcher {id: $researcherId})
CALL (r) {
  MATCH (:User {id: $user.id})-[f:FOLLOWS]->(r)
  DELETE f
}
RETURN COUNT { (:User)-[:FOLLOWS]->(r) } AS followers
