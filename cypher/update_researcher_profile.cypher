// The owner edits the profile fields an owner may edit. Null leaves a field as it is.
// A new current affiliation is an edge of its own with source 'owner' (beside any imported
// edge to the same institution, which stays as imported): it ends the owner-set one before it,
// is never claim evidence, and goes when the owner releases the record.
// The caller runs set_current_affiliations after it in the same transaction (for $researcherId).
// Who may do this is decided in resolvers/authorization.py; $ownerId is the owner it was
// allowed for, and the statement changes nothing when the record's owner is another by
// now (null never matches: an unclaimed record has no owner to act as).
// The record is write-locked first (the SET of _lock), so a release or a review running at the
// same time commits before the owner is read here, or after this write.
// Parameters: $ownerId, $researcherId, $description, $openToCollaborate,
//   $affiliationId (institution id or null)
// Returns: one row when the researcher exists: outcome ('UPDATED', 'OWNER_CHANGED',
//   'NO_SUCH_INSTITUTION').
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r
OPTIONAL MATCH (i:Institution {id: $affiliationId})
WITH r, i,
     CASE
       WHEN NOT coalesce(r.ownerId = $ownerId, false) THEN 'OWNER_CHANGED'
       WHEN $affiliationId IS NOT NULL AND i IS NULL THEN 'NO_SUCH_INSTITUTION'
       ELSE 'UPDATED'
     END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'UPDATED'
  SET r.description = coalesce($description, r.description),
      r.openToCollaborate = coalesce($openToCollaborate, r.openToCollaborate)
}
CALL (r, i, outcome) {
  WITH r, i, outcome WHERE outcome = 'UPDATED' AND i IS NOT NULL
  OPTIONAL MATCH (r)-[old:AFFILIATED_WITH {source: 'owner'}]->(other:Institution) WHERE other <> i
  SET old.current = false, old.until = date().year
  MERGE (r)-[a:AFFILIATED_WITH {source: 'owner'}]->(i)
  SET a.current = true, a.until = null, a.since = coalesce(a.since, date().year)
}
RETURN outcome
