// An admin approves or rejects a pending claim. Approval makes the claimant the owner (L2, or
// L3 when the admin confirms the researcher for an institution), unless the researcher was
// claimed meanwhile or the claimant owns another researcher. Locks the researcher first.
// Parameters: $claimId, $approve: bool, $institutionConfirmed: bool, $admin: {id, ...}
// Returns: one row when the claim exists: outcome ('APPROVED', 'REJECTED', 'NOT_PENDING',
//   'ALREADY_CLAIMED', 'ALREADY_OWNS_ANOTHER'), researcherId.
MATCH (u:User)-[:MADE]->(c:Claim {id: $claimId})-[:FOR]->(r:Researcher)
SET r._lock = true
REMOVE r._lock
WITH u, c, r,
     CASE
       WHEN c.status <> 'PENDING' THEN 'NOT_PENDING'
       WHEN NOT $approve THEN 'REJECTED'
       WHEN r.ownerId IS NOT NULL THEN 'ALREADY_CLAIMED'
       WHEN EXISTS { (:Researcher {ownerId: u.id}) } THEN 'ALREADY_OWNS_ANOTHER'
       ELSE 'APPROVED'
     END AS outcome
CALL (c, outcome) {
  WITH c, outcome WHERE outcome IN ['APPROVED', 'REJECTED']
  SET c.status = outcome, c.reviewedBy = $admin.id, c.reviewedAt = datetime()
}
CALL (u, r, outcome) {
  WITH u, r, outcome WHERE outcome = 'APPROVED'
  SET r.ownerId = u.id, r.verification = CASE WHEN $institutionConfirmed THEN 'L3' ELSE 'L2' END,
      r.claimedAt = datetime()
  MERGE (u)-[cl:CLAIMED]->(r)
  SET cl.at = datetime(), cl.evidence = 'approved by ' + $admin.id
}
RETURN outcome, r.id AS researcherId
