// What the signed-in user may do with each of these researchers, as the mutations would decide
// it (resolvers/authorization.py turns these facts into viewerCan* fields). Bounded by the
// user's own claims and invitations, never by the researcher's followers or invitations.
// Parameters: $userId: string, $ids: [string], $since: datetime (the start of the invitation
//   limit's 24 hours)
// Returns: one row per id that exists: id, ownerId (null when unclaimed), open (bool),
//   claimPending (the user has a claim waiting on it), invitationPending (the user has an
//   invitation waiting with it), ownsOne (the user owns some researcher record), pendingClaims
//   (the user's claims waiting for review), sentToday (invitations since $since).
OPTIONAL MATCH (u:User {id: $userId})
WITH u,
     EXISTS { (:Researcher {ownerId: $userId}) } AS ownsOne,
     COUNT { (u)-[:MADE]->(:Claim {status: 'PENDING'}) } AS pendingClaims,
     COUNT { (u)-[:SENT]->(i:Invitation) WHERE i.at > $since } AS sentToday
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, r.ownerId AS ownerId, coalesce(r.openToCollaborate, false) AS open,
       EXISTS { (u)-[:MADE]->(:Claim {status: 'PENDING'})-[:FOR]->(r) } AS claimPending,
       EXISTS { (u)-[:SENT]->(:Invitation {status: 'PENDING'})-[:TO]->(r) } AS invitationPending,
       ownsOne, pendingClaims, sentToday
