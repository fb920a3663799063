// Keeps each researcher's current affiliation in the graph: r.currentInstitutionId, the id of
// the institution the rule below picks from its AFFILIATED_WITH edges, and no property when no
// edge qualifies. The rule lives here and nowhere else; readers look the institution up by the
// kept id (a property, not a relationship: a new relationship on every researcher would change
// the order Neo4j stores their relationships in, and with it the explorer's capped scans). Among the current edges (a.current OR a.until IS NULL): the one an owner set
// (source 'owner') first, then the newest since (a missing since first: Cypher sorts null
// above every value), then the smallest institution id, so equal edges always pick the same one.
// Every statement that adds, removes or changes AFFILIATED_WITH edges runs this one after it in
// the same transaction (CypherRunner.write_together): merge_researchers, update_researcher_profile,
// release_claim, merge_away_researchers, merge_away_institutions (which passes the surviving
// institutions, so their researchers' ids follow the merge). An id that is already right stays
// as it is, so a refresh that changes nothing writes nothing.
// Parameters: $ids: [string] (researcher ids), $institutionIds: [string] (institution ids:
//   every researcher affiliated with one of them is refreshed too)
// Returns: nothing.
CALL () {
  UNWIND $ids AS id
  MATCH (r:Researcher {id: id})
  RETURN r
  UNION
  UNWIND $institutionIds AS institutionId
  MATCH (:Institution {id: institutionId})<-[:AFFILIATED_WITH]-(r:Researcher)
  RETURN r
}
WITH r, head(COLLECT {
  MATCH (r)-[a:AFFILIATED_WITH]->(i:Institution) WHERE a.current OR a.until IS NULL
  WITH i, a ORDER BY a.source = 'owner' DESC, a.since DESC, i.id
  RETURN i
}) AS current
WITH r, current.id AS kept
WHERE coalesce(r.currentInstitutionId, '') <> coalesce(kept, '')
SET r.currentInstitutionId = kept
