// One claim, for the user who made it or for an admin ($admin); nobody else learns it exists.
// Parameters: $claimId, $userId, $admin: bool
// Returns: one row when the user may see it: the columns of list_viewer_claims.
MATCH (u:User)-[:MADE]->(c:Claim {id: $claimId})-[:FOR]->(r:Researcher)
WHERE $admin OR u.id = $userId
RETURN c.id AS claimId, c.status AS status, u.id AS userId, r.id AS researcherId,
       c.evidence AS evidence, c.at AS at, c.reviewedAt AS reviewedAt
