// Claims waiting for an admin, oldest first.
// Parameters: $first: int
// Returns: up to $first rows: claimId, userId, researcherId, evidence, at (ISO string).
MATCH (u:User)-[:MADE]->(c:Claim {status: 'PENDING'})-[:FOR]->(r:Researcher)
RETURN c.id AS claimId, u.id AS userId, r.id AS researcherId, c.evidence AS evidence,
       toString(c.at) AS at
ORDER BY c.at, c.id
LIMIT $first
