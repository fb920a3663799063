// The owner of the invited researcher accepts or declines a pending invitation.
// Who may do this is decided in resolvers/authorization.py; $ownerId is the owner it was
// allowed for, and the statement changes nothing when the record's owner is another by
// now (null never matches: an unclaimed record has no owner to act as).
// Parameters: $ownerId, $invitationId, $accept: bool
// Returns: one row when the invitation exists: outcome ('ACCEPTED', 'DECLINED', 'OWNER_CHANGED',
//   'NOT_PENDING').
MATCH (i:Invitation {id: $invitationId})-[:TO]->(r:Researcher)
SET i._lock = true
REMOVE i._lock
WITH i, CASE
          WHEN NOT coalesce(r.ownerId = $ownerId, false) THEN 'OWNER_CHANGED'
          WHEN i.status <> 'PENDING' THEN 'NOT_PENDING'
          WHEN $accept THEN 'ACCEPTED'
          ELSE 'DECLINED'
        END AS outcome
CALL (i, outcome) {
  WITH i, outcome WHERE outcome IN ['ACCEPTED', 'DECLINED']
  SET i.status = outcome, i.respondedAt = datetime()
}
RETURN outcome
