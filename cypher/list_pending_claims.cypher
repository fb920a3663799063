// Claims waiting for an admin, oldest first.
// Parameters: $first: int
// Returns: up to $first rows: the columns of list_viewer_claims.
MATCH (u:User)-[:MADE]->(c:Claim {status: 'PENDING'})-[:FOR]->(r:Researcher)
WITH u, c, r
ORDER BY c.at, c.id
LIMIT $first
RETURN c.id AS claimId, c.status AS status, u.id AS userId, r.id AS researcherId,
       c.evidence AS evidence, c.at AS at, c.reviewedAt AS reviewedAt
