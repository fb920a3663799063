// The owner gives up a researcher record: it is unclaimed again and back to L1, and what the
// owner asserted goes with them (the affiliations they set, source 'owner', and their
// confirmations of works), so nothing of theirs stays behind for the next claimant.
// The caller runs set_current_affiliations after it in the same transaction (for $researcherId).
// Who may do this is decided in resolvers/authorization.py; $ownerId is the owner it was
// allowed for, and the statement changes nothing when the record's owner is another by
// now (null never matches: an unclaimed record has no owner to act as).
// Parameters: $ownerId, $researcherId
// Returns: one row when the researcher exists: outcome ('RELEASED', 'OWNER_CHANGED').
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r, CASE WHEN coalesce(r.ownerId = $ownerId, false) THEN 'RELEASED' ELSE 'OWNER_CHANGED' END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'RELEASED'
  OPTIONAL MATCH (:User)-[cl:CLAIMED]->(r)
  DELETE cl
  REMOVE r.ownerId, r.claimedAt
  SET r.verification = 'L1'
  WITH DISTINCT r
  CALL (r) {
    MATCH (r)-[a:AFFILIATED_WITH {source: 'owner'}]->(:Institution)
    DELETE a
  }
  CALL (r) {
    MATCH (r)-[a:AUTHORED]->(:Work) WHERE a.confirmed IS NOT NULL
    REMOVE a.confirmed, a.confirmedAt
  }
}
RETURN outcome
