// The claims a user made, newest first, whatever their status.
// Parameters: $userId, $first: int
// Returns: up to $first rows: claimId, status, userId, researcherId, evidence, at (datetime),
//   reviewedAt (datetime or null).
MATCH (u:User {id: $userId})-[:MADE]->(c:Claim)-[:FOR]->(r:Researcher)
WITH u, c, r
ORDER BY c.at DESC, c.id
LIMIT $first
RETURN c.id AS claimId, c.status AS status, u.id AS userId, r.id AS researcherId,
       c.evidence AS evidence, c.at AS at, c.reviewedAt AS reviewedAt
