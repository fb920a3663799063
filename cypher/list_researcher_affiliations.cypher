// Every affiliation of each researcher, current first, then the most recent.
// Parameters: $ids: [string]
// Returns: one row per affiliation: researcherId, institution (all properties), since, until,
//   current, source ('import' or 'owner').
UNWIND $ids AS researcherId
MATCH (:Researcher {id: researcherId})-[a:AFFILIATED_WITH]->(i:Institution)
RETURN researcherId, properties(i) AS institution, a.since AS since, a.until AS until,
       coalesce(a.current, false) AS current, a.source AS source
ORDER BY researcherId, current DESC, coalesce(a.until, 9999) DESC, i.id
