// The owner gives up a researcher record: it is unclaimed again and back to L1.
// Parameters: $user: {id, ...}, $researcherId
// Returns: one row when the researcher exists: outcome ('RELEASED', 'NOT_OWNER').
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r, CASE WHEN r.ownerId = $user.id THEN 'RELEASED' ELSE 'NOT_OWNER' END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'RELEASED'
  OPTIONAL MATCH (:User)-[cl:CLAIMED]->(r)
  DELETE cl
  REMOVE r.ownerId, r.claimedAt
  SET r.verification = 'L1'
}
RETURN outcome
