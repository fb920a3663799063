// The ordered author lists of works, each author with the same fields as get_researchers.
// Parameters: $ids: [string] (work ids)
// Returns: one row per authorship: workId, position, authorPosition, rawName, corresponding,
//   institutionIds, researcher (all properties), claimed, affiliation; ordered by workId, position.
UNWIND $ids AS workId
MATCH (r:Researcher)-[e:AUTHORED]->(:Work {id: workId})
CALL (r) {
  OPTIONAL MATCH (r)-[a:AFFILIATED_WITH]->(i:Institution)
  WHERE a.current OR a.until IS NULL
  RETURN i {.id, .name, .country, .type} AS affiliation
  ORDER BY a.source = 'owner' DESC, a.since DESC
  LIMIT 1
}
RETURN workId, e.position AS position, e.authorPosition AS authorPosition, e.rawName AS rawName,
       e.corresponding AS corresponding, e.institutionIds AS institutionIds,
       properties(r) AS researcher, r.ownerId IS NOT NULL AS claimed, affiliation
ORDER BY workId, position
