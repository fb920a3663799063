// The owner edits the profile fields an owner may edit. Null leaves a field as it is.
// A new current affiliation ends the owner-set one before it.
// Parameters: $user: {id, ...}, $researcherId, $description, $openToCollaborate,
//   $affiliationId (institution id or null)
// Returns: one row when the researcher exists: outcome ('UPDATED', 'NOT_OWNER',
//   'NO_SUCH_INSTITUTION').
MATCH (r:Researcher {id: $researcherId})
OPTIONAL MATCH (i:Institution {id: $affiliationId})
WITH r, i,
     CASE
       WHEN coalesce(r.ownerId, '') <> $user.id THEN 'NOT_OWNER'
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
  MERGE (r)-[a:AFFILIATED_WITH]->(i)
  SET a.current = true, a.until = null, a.source = 'owner', a.since = coalesce(a.since, date().year)
}
RETURN outcome
