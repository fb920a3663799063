// A user invites a claimed researcher who is open to collaborate. The sender's User node is
// write-locked first, so their concurrent invitations count one another: at most one pending
// invitation per sender and researcher, and at most $dailyLimit in 24 hours.
// Parameters: $user: {id, ...}, $researcherId, $invitationId, $message, $dailyLimit: int
// Returns: one row when the researcher exists: outcome ('SENT', 'NOT_CLAIMED',
//   'NOT_OPEN_TO_COLLABORATE', 'OWN_PROFILE', 'ALREADY_PENDING', 'DAILY_LIMIT_REACHED').
MATCH (r:Researcher {id: $researcherId})
MERGE (u:User {id: $user.id})
SET u.email = $user.email, u.emailVerified = $user.emailVerified, u.orcid = $user.orcid,
    u._lock = true
REMOVE u._lock
WITH r, u,
     CASE
       WHEN r.ownerId IS NULL THEN 'NOT_CLAIMED'
       WHEN NOT coalesce(r.openToCollaborate, false) THEN 'NOT_OPEN_TO_COLLABORATE'
       WHEN r.ownerId = u.id THEN 'OWN_PROFILE'
       WHEN EXISTS { (u)-[:SENT]->(:Invitation {status: 'PENDING'})-[:TO]->(r) } THEN 'ALREADY_PENDING'
       WHEN COUNT { (u)-[:SENT]->(i:Invitation) WHERE i.at > datetime() - duration('P1D') } >= $dailyLimit
         THEN 'DAILY_LIMIT_REACHED'
       ELSE 'SENT'
     END AS outcome
CALL (r, u, outcome) {
  WITH r, u, outcome WHERE outcome = 'SENT'
  CREATE (u)-[:SENT]->(:Invitation {id: $invitationId, message: $message, at: datetime(),
                                     status: 'PENDING'})-[:TO]->(r)
}
RETURN outcome
