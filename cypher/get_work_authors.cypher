// A page of the ordered author list of each work: its authors after position afterKey (null:
// from the first), each with the same fields as get_researchers (the current affiliation read
// from the kept currentInstitutionId, see set_current_affiliations). One record per work, its
// authors a list: the driver pays per record.
// A page costs what it shows, not what the work holds (a collaboration lists thousands): the
// range index on AUTHORED (workId, position) hands over the work's authorships in its order,
// and the seek stops after $limit; total is the work's AUTHORED degree, a count without a walk.
// Parameters: $limit: int (the largest first among $pages, plus 1: LIMIT takes no per-row
//   value), $pages: [{index, ownerId (a work id), first, afterKey (a position, or null)}]
// Returns: one row per page whose work exists: index, total (all authorships of the work),
//   authors: [{sortKey (the position, as a float), position, authorPosition, rawName,
//   corresponding, institutionIds, researcher (all properties), claimed, affiliation}] by
//   position, at most $limit.
UNWIND $pages AS page
MATCH (w:Work {id: page.ownerId})
WITH page, w, toInteger(coalesce(page.afterKey, 0)) AS afterPosition
CALL (w, afterPosition) {
  MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(workId, position)
  WHERE e.workId = w.id AND e.position > afterPosition
  WITH e ORDER BY e.workId, e.position LIMIT $limit
  WITH e, startNode(e) AS r
  RETURN collect({sortKey: toFloat(e.position), position: e.position,
          authorPosition: e.authorPosition, rawName: e.rawName,
          corresponding: e.corresponding, institutionIds: e.institutionIds,
          researcher: properties(r), claimed: r.ownerId IS NOT NULL,
          affiliation: head(COLLECT {
            MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
          })}) AS authors
}
// A degree look-up: naming the label at the other end would make the planner walk them all.
RETURN page.index AS index, COUNT { (w)<-[:AUTHORED]-() } AS total, authors
