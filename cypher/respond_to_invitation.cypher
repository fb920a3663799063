// The owner of the invited researcher accepts or declines a pending invitation. The owner
// check is null-safe: nobody answers for a researcher that has no owner (any more).
// Parameters: $user: {id, ...}, $invitationId, $accept: bool
// Returns: one row when the invitation exists: outcome ('ACCEPTED', 'DECLINED', 'NOT_OWNER',
//   'NOT_PENDING').
MATCH (i:Invitation {id: $invitationId})-[:TO]->(r:Researcher)
SET i._lock = true
REMOVE i._lock
WITH i, CASE
          WHEN NOT coalesce(r.ownerId = $user.id, false) THEN 'NOT_OWNER'
          WHEN i.status <> 'PENDING' THEN 'NOT_PENDING'
          WHEN $accept THEN 'ACCEPTED'
          ELSE 'DECLINED'
        END AS outcome
CALL (i, outcome) {
  WITH i, outcome WHERE outcome IN ['ACCEPTED', 'DECLINED']
  SET i.status = outcome, i.respondedAt = datetime()
}
RETURN outcome
