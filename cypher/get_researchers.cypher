// Researchers by id, with their current affiliation (the kept currentInstitutionId, see
// set_current_affiliations) and their counts, as count_researcher_stats returns them (degree
// look-ups and a kept property: a profile needs no statement of its own for them).
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, researcher (all properties), claimed (bool),
//   affiliation ({id, name, country, type} or null), works, followers, topics, closeCoauthors.
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, properties(r) AS researcher, r.ownerId IS NOT NULL AS claimed,
       head(COLLECT {
         MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
       }) AS affiliation,
       COUNT { (r)-[:AUTHORED]->() } AS works, COUNT { (r)<-[:FOLLOWS]-() } AS followers,
       COUNT { (r)-[:STUDIES]->() } AS topics, coalesce(r.closeCoauthors, 0) AS closeCoauthors
