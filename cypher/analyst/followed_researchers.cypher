// The researchers followed by the most users, with their verification level and owner status.
// Parameters: $limit: int
// Returns: researcherId, name, followers, verification, claimed; most followed first.
MATCH (r:Researcher)<-[:FOLLOWS]-(:User)
WITH r, count(*) AS followers
RETURN r.id AS researcherId, r.name AS name, followers, coalesce(r.verification, 'L1') AS verification,
       r.ownerId IS NOT NULL AS claimed
ORDER BY followers DESC, researcherId
LIMIT $limit
