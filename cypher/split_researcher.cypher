// Moves the authorships of some works from a researcher to a new researcher record, in one
// transaction: the new record gets the same name, verification L1, and each moved authorship
// keeps its position and stated institutions. Nothing else changes. Allowed to an admin or
// the owner; the owner check is null-safe: an unclaimed record (ownerId null) has no owner.
// Parameters: $user: {id, admin, ...}, $researcherId, $newId, $workIds: [string]
// Returns: one row when the researcher exists: outcome ('SPLIT', 'FORBIDDEN', 'NOT_THEIR_WORKS'),
//   moved (authorships moved).
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r, COUNT { (r)-[:AUTHORED]->(w:Work) WHERE w.id IN $workIds } AS found
WITH r, found, CASE
       WHEN NOT (coalesce($user.admin, false) OR coalesce(r.ownerId = $user.id, false)) THEN 'FORBIDDEN'
       WHEN found <> size($workIds) OR found = 0 THEN 'NOT_THEIR_WORKS'
       ELSE 'SPLIT'
     END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'SPLIT'
  CREATE (n:Researcher {id: $newId, name: r.name, verification: 'L1', openToCollaborate: false,
                        splitFrom: r.id, splitAt: datetime()})
  WITH r, n
  MATCH (r)-[a:AUTHORED]->(w:Work) WHERE w.id IN $workIds
  CREATE (n)-[b:AUTHORED]->(w)
  SET b = properties(a)
  DELETE a
  RETURN count(b) AS moved
}
RETURN outcome, coalesce(moved, 0) AS moved
