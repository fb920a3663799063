// Invitations to the researcher a user owns, newest first.
// Parameters: $userId: string, $status: string or null (PENDING, ACCEPTED, DECLINED)
// Returns: one row per invitation: id, message, status, at (ISO string), senderId,
//   senderEmail, researcherId.
MATCH (sender:User)-[:SENT]->(i:Invitation)-[:TO]->(r:Researcher {ownerId: $userId})
WHERE $status IS NULL OR i.status = $status
RETURN i.id AS id, i.message AS message, i.status AS status, toString(i.at) AS at,
       sender.id AS senderId, sender.email AS senderEmail, r.id AS researcherId
ORDER BY i.at DESC, i.id
