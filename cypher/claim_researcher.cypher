// A user claims a researcher record. Race-safe: the researcher node is write-locked first (the
// SET of _lock), so concurrent claims of one researcher run one after another and each sees
// the outcome of the one before; then the User node is write-locked, so the user's concurrent
// claims of other researchers count one another's pending claims. The unique ownerId
// constraint backs "one researcher per user".
// With matching evidence ($matched) the user becomes the owner at once and verification
// rises to L2; otherwise the claim waits for an admin as PENDING, unless the user already has
// $maxPending claims waiting.
// It checks no role (roles are decided in resolvers/authorization.py; an admin claims like
// anyone); the evidence is checked before it runs (matching_evidence in resolvers/evidence.py).
// Parameters: $user: {id, email, emailVerified, orcid} (the fields it reads), $researcherId,
//   $claimId, $evidence: string (what the user says), $matched: string or null (the evidence
//   that matched the record, decided by matching_evidence), $maxPending: int
// Returns: one row when the researcher exists: outcome ('OWNED', 'PENDING',
//   'ALREADY_CLAIMED', 'ALREADY_OWNS_ANOTHER', 'ALREADY_PENDING', 'TOO_MANY_PENDING_CLAIMS'),
//   claimId.
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
MERGE (u:User {id: $user.id})
SET u.email = $user.email, u.emailVerified = $user.emailVerified, u.orcid = $user.orcid,
    u._lock = true
REMOVE u._lock
WITH r, u,
     CASE
       WHEN r.ownerId IS NOT NULL THEN 'ALREADY_CLAIMED'
       WHEN EXISTS { (other:Researcher {ownerId: $user.id}) } THEN 'ALREADY_OWNS_ANOTHER'
       WHEN $matched IS NULL AND EXISTS { (u)-[:MADE]->(:Claim {status: 'PENDING'})-[:FOR]->(r) }
         THEN 'ALREADY_PENDING'
       WHEN $matched IS NULL AND COUNT { (u)-[:MADE]->(:Claim {status: 'PENDING'}) } >= $maxPending
         THEN 'TOO_MANY_PENDING_CLAIMS'
       WHEN $matched IS NOT NULL THEN 'OWNED'
       ELSE 'PENDING'
     END AS outcome
CALL (r, u, outcome) {
  WITH r, u, outcome WHERE outcome IN ['OWNED', 'PENDING']
  CREATE (u)-[:MADE]->(c:Claim {id: $claimId, at: datetime(), evidence: $evidence,
                                 matched: $matched, status: CASE outcome WHEN 'OWNED' THEN 'APPROVED' ELSE 'PENDING' END})
         -[:FOR]->(r)
}
CALL (r, u, outcome) {
  WITH r, u, outcome WHERE outcome = 'OWNED'
  SET r.ownerId = u.id, r.verification = CASE WHEN r.verification = 'L3' THEN 'L3' ELSE 'L2' END,
      r.claimedAt = datetime()
  MERGE (u)-[cl:CLAIMED]->(r)
  SET cl.at = datetime(), cl.evidence = $matched
}
RETURN outcome, $claimId AS claimId
