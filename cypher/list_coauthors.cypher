// Each researcher's co-authors ranked by shared works, then by the year of the latest one,
// keyset-paged. With $minShared 2 these are the close collaborators. Read from the stored
// co-author pairs ((r)-[:COAUTHORED {works, latestYear}]-(c), one per pair, kept by the
// statements that change authorships), so a page costs what the researcher's co-authors do,
// however many works they share.
// The sort key folds the ranking into one ascending number: -(shared * 10000 + latestYear).
// Parameters: $pages: [{index, ownerId, first, minShared, afterKey (float or null),
//   afterId (string or null)}]
// Returns: one row per page whose researcher exists: index, total (co-authors with at least
//   minShared shared works), coauthors: [{researcher (all properties), claimed, affiliation, shared,
//   latestYear, sortKey}] with at most first + 1 entries.
UNWIND $pages AS page
MATCH (r:Researcher {id: page.ownerId})
WITH page, r, COLLECT {
  MATCH (r)-[p:COAUTHORED]-(c:Researcher)
  WITH c, p.works AS shared, p.latestYear AS latestYear
  WHERE shared >= page.minShared
  RETURN {researcher: c, shared: shared, latestYear: latestYear,
          sortKey: -toFloat(shared * 10000 + latestYear)}
} AS ranked
WITH page, ranked, [e IN ranked WHERE page.afterKey IS NULL
                   OR e.sortKey > page.afterKey
                   OR (e.sortKey = page.afterKey AND e.researcher.id > page.afterId)] AS rest
CALL (rest, page) {
  UNWIND rest AS e
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
    shared: e.shared, latestYear: e.latestYear, sortKey: e.sortKey
  }) AS coauthors
}
RETURN page.index AS index, size(ranked) AS total, coauthors
