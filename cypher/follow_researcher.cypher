// The user follows the researcher; following twice is one follow (MERGE locks both nodes).
// Parameters: $user: {id, email, emailVerified, orcid, ...} (the fields it reads),
//   $researcherId: string
// Returns: one row when the researcher exists: followers (after the change).
MATCH (r:Researcher {id: $researcherId})
MERGE (u:User {id: $user.id})
SET u.email = $user.email, u.emailVerified = $user.emailVerified, u.orcid = $user.orcid
MERGE (u)-[f:FOLLOWS]->(r)
ON CREATE SET f.at = datetime()
// No label on the follower: FOLLOWS always starts at a User, and Neo4j reads the degree.
RETURN COUNT { ()-[:FOLLOWS]->(r) } AS followers
