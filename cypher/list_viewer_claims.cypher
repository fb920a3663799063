// The claims a user made, newest first, whatever their status: a keyset page.
// Parameters: $userId: string, $first: int, $afterKey: int or null (the atKey of the last claim
//   shown), $afterId: string or null (its id)
// Returns: up to $first + 1 rows (one more tells that more follow): claimId, status, userId,
//   researcherId, evidence, at (datetime), atKey (at in epoch microseconds: the sort key),
//   reviewedAt (datetime or null).
MATCH (u:User {id: $userId})-[:MADE]->(c:Claim)-[:FOR]->(r:Researcher)
WITH u, c, r, c.at.epochSeconds * 1000000 + c.at.microsecond AS atKey
WHERE $afterKey IS NULL OR atKey < $afterKey OR (atKey = $afterKey AND c.id > $afterId)
ORDER BY atKey DESC, c.id
LIMIT $first + 1
RETURN c.id AS claimId, c.status AS status, u.id AS userId, r.id AS researcherId,
       c.evidence AS evidence, c.at AS at, atKey, c.reviewedAt AS reviewedAt
