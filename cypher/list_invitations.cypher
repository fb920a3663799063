// Invitations to the researcher a user owns, newest first.
// Parameters: $userId: string, $status: string or null (PENDING, ACCEPTED, DECLINED),
//   $first: int
// Returns: up to $first rows: id, message, status, at (datetime), senderEmail,
//   senderResearcherId (the record the sender owns, or null), researcherId.
MATCH (r:Researcher {ownerId: $userId})<-[:TO]-(i:Invitation)<-[:SENT]-(sender:User)
WHERE $status IS NULL OR i.status = $status
WITH i, sender, r
ORDER BY i.at DESC, i.id
LIMIT $first
RETURN i.id AS id, i.message AS message, i.status AS status, i.at AS at,
       sender.email AS senderEmail,
       head(COLLECT { MATCH (s:Researcher {ownerId: sender.id}) RETURN s.id }) AS senderResearcherId,
       r.id AS researcherId
