// The owner confirms that works are theirs: their authorships are marked confirmed.
// Who may do this is decided in resolvers/authorization.py; $ownerId is the owner it was
// allowed for, and the statement changes nothing when the record's owner is another by
// now (null never matches: an unclaimed record has no owner to act as).
// The record is write-locked first (the SET of _lock), so a release or a review running at the
// same time commits before the owner is read here, or after this write.
// Parameters: $ownerId, $researcherId, $workIds: [string]
// Returns: one row when the researcher exists: outcome ('CONFIRMED', 'OWNER_CHANGED'),
//   confirmed (how many authorships were marked).
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r, CASE WHEN coalesce(r.ownerId = $ownerId, false) THEN 'CONFIRMED' ELSE 'OWNER_CHANGED' END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'CONFIRMED'
  MATCH (r)-[a:AUTHORED]->(w:Work) WHERE w.id IN $workIds
  SET a.confirmed = true, a.confirmedAt = datetime()
  RETURN count(a) AS confirmed
}
RETURN outcome, confirmed
