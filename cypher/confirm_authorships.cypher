// The owner confirms that works are theirs: their authorships are marked verified.
// The owner check is null-safe: an unclaimed record (ownerId null) has no owner to match.
// Parameters: $user: {id, ...}, $researcherId, $workIds: [string]
// Returns: one row when the researcher exists: outcome ('CONFIRMED', 'NOT_OWNER'),
//   confirmed (how many authorships were marked).
MATCH (r:Researcher {id: $researcherId})
WITH r, CASE WHEN coalesce(r.ownerId = $user.id, false) THEN 'CONFIRMED' ELSE 'NOT_OWNER' END AS outcome
CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'CONFIRMED'
  MATCH (r)-[a:AUTHORED]->(w:Work) WHERE w.id IN $workIds
  SET a.verified = true, a.verifiedAt = datetime()
  RETURN count(a) AS confirmed
}
RETURN outcome, confirmed
