// Claims waiting for an admin, oldest first: a keyset page. It sorts every pending claim (at
// most PEERGRAPH_MAX_PENDING_CLAIMS per user, and reviewed ones leave the list).
// Parameters: $first: int, $afterKey: int or null (the atKey of the last claim shown),
//   $afterId: string or null (its id)
// Returns: up to $first + 1 rows (one more tells that more follow): the columns of
//   list_viewer_claims.
MATCH (u:User)-[:MADE]->(c:Claim {status: 'PENDING'})-[:FOR]->(r:Researcher)
WITH u, c, r, c.at.epochSeconds * 1000000 + c.at.microsecond AS atKey
WHERE $afterKey IS NULL OR atKey > $afterKey OR (atKey = $afterKey AND c.id > $afterId)
ORDER BY atKey, c.id
LIMIT $first + 1
RETURN c.id AS claimId, c.status AS status, u.id AS userId, r.id AS researcherId,
       c.evidence AS evidence, c.at AS at, atKey, c.reviewedAt AS reviewedAt
