// One page of the researchers of each topic or institution, by keyset over (sortKey, id).
// Institution: researchers affiliated with it, current ones first (sortKey 0, past ones 1),
//   among the first $scan affiliations the store finds: exact for institutions up to $scan,
//   a bounded sample for hub institutions (a hub costs what an institution of $scan does).
// Topic: authors of the first $scan works carrying it that the store finds, ranked by how many
//   of those works they wrote (sortKey -works): exact for topics up to $scan works, a
//   bounded sample for hub topics.
// Parameters: $pages: [{index, ownerId, first, afterKey, afterId}], $scan: int
// Returns: one row per page whose owner exists: index, researchers: [{researcher (all
//   properties), claimed, affiliation, sortKey}] with at most first + 1 entries.
UNWIND $pages AS page
CALL (page) {
  MATCH (t:Topic {id: page.ownerId})
  RETURN COLLECT {
    MATCH (t)<-[:HAS_TOPIC]-(w:Work)
    WITH w LIMIT $scan
    MATCH (w)<-[:AUTHORED]-(r:Researcher)
    WITH r, count(*) AS works
    RETURN {researcher: r, sortKey: -toFloat(works)}
  } AS ranked
  UNION
  MATCH (i:Institution {id: page.ownerId})
  RETURN COLLECT {
    MATCH (i)<-[a:AFFILIATED_WITH]-(r:Researcher)
    WITH r, a LIMIT $scan
    WITH r, min(CASE WHEN a.current OR a.until IS NULL THEN 0.0 ELSE 1.0 END) AS sortKey
    RETURN {researcher: r, sortKey: sortKey}
  } AS ranked
}
CALL (ranked, page) {
  UNWIND ranked AS e
  WITH e WHERE page.afterKey IS NULL
            OR e.sortKey > page.afterKey
            OR (e.sortKey = page.afterKey AND e.researcher.id > page.afterId)
  WITH e ORDER BY e.sortKey, e.researcher.id
  RETURN collect(e) AS sorted
}
WITH page, ranked, sorted[0..page.first + 1] AS slice
CALL (slice) {
  UNWIND slice AS e
  WITH e, e.researcher AS c
  RETURN collect({
    researcher: properties(c),
    claimed: c.ownerId IS NOT NULL,
    // The kept currentInstitutionId (see set_current_affiliations).
    affiliation: head(COLLECT {
      MATCH (i:Institution {id: c.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
    }),
    sortKey: e.sortKey
  }) AS researchers
}
RETURN page.index AS index, researchers
