// The user stops following the researcher; unfollowing when not following changes nothing.
// Parameters: $user: {id, ...}, $researcherId: string
// Returns: one row when the researcher exists: followers (after the change).
MATCH (r:Researcher {id: $researcherId})
CALL (r) {
  MATCH (:User {id: $user.id})-[f:FOLLOWS]->(r)
  DELETE f
}
// No label on the follower: FOLLOWS always starts at a User, and Neo4j reads the degree.
RETURN COUNT { ()-[:FOLLOWS]->(r) } AS followers
