// One invitation, for its sender or for the owner of the researcher it invites; nobody else
// learns it exists.
// Parameters: $invitationId, $userId
// Returns: one row when the user may see it: the columns of list_invitations.
MATCH (sender:User)-[:SENT]->(i:Invitation {id: $invitationId})-[:TO]->(r:Researcher)
WHERE sender.id = $userId OR r.ownerId = $userId
RETURN i.id AS id, i.message AS message, i.status AS status, i.at AS at,
       sender.email AS senderEmail,
       head(COLLECT { MATCH (s:Researcher {ownerId: sender.id}) RETURN s.id }) AS senderResearcherId,
       r.id AS researcherId
