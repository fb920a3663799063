// The ordered author lists of works, each author with the same fields as get_researchers (the
// current affiliation read from the kept currentInstitutionId, see set_current_affiliations).
// One record per work, its authors a list: the driver pays per record, and a work can have
// thousands of authors.
// Parameters: $ids: [string] (work ids)
// Returns: one row per work that exists: workId, authors: [{position, authorPosition, rawName,
//   corresponding, institutionIds, researcher (all properties), claimed, affiliation}] by
//   position.
UNWIND $ids AS workId
MATCH (w:Work {id: workId})
RETURN workId, COLLECT {
  MATCH (r:Researcher)-[e:AUTHORED]->(w)
  WITH r, e ORDER BY e.position
  RETURN {position: e.position, authorPosition: e.authorPosition, rawName: e.rawName,
          corresponding: e.corresponding, institutionIds: e.institutionIds,
          researcher: properties(r), claimed: r.ownerId IS NOT NULL,
          affiliation: head(COLLECT {
            MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
          })}
} AS authors
