// Each researcher's co-authors ranked by shared works, then by the year of the latest one,
// then by the co-author's id, keyset-paged. With $minShared 2 these are the close
// collaborators. Read from the stored co-author pairs ((a)-[:COAUTHORED {works, latestYear,
// lo, hi, rank}]->(b), one per pair from the smaller id lo to the larger hi, kept by the
// statements that change authorships), where rank = -(works * 10000 + latestYear) folds the
// ranking into one ascending number: the page's sort key.
// A page costs the same however many co-authors the researcher has: the range indexes on
// COAUTHORED (lo, rank, hi) and (hi, rank, lo) hand over the researcher's pairs already in page
// order, from both ends (the researcher as lo, then as hi), and each seek stops after $limit
// pairs; the two short lists are merged and sliced. A cursor is two seeks per end: the rest of
// its tie (same rank, larger co-author id), then the ranks after it. minShared is a bound on
// rank (works >= m exactly when rank <= -m * 10000, as latestYear < 10000).
// total costs no walk for minShared 1 (the researcher's COAUTHORED degree) or 2 (its kept
// closeCoauthors); any other minShared counts the matching index entries (cost grows with them).
// Parameters: $limit: int (the largest first among $pages, plus 1: LIMIT takes no per-row
//   value), $pages: [{index, ownerId, first, minShared, afterKey (float or null),
//   afterId (string or null)}]
// Returns: one row per page whose researcher exists: index, total (co-authors with at least
//   minShared shared works), coauthors: [{researcher (all properties), claimed, affiliation, shared,
//   latestYear, sortKey}] with at most first + 1 entries.
UNWIND $pages AS page
MATCH (r:Researcher {id: page.ownerId})
// No rank is below this: a first page's "after" (a float, as the ranks are).
WITH page, r, -toFloat(page.minShared * 10000) AS floor,
     coalesce(page.afterKey, -1.0e300) AS afterKey
CALL (page, r, floor, afterKey) {
  CALL (page, r, floor, afterKey) {
    MATCH ()-[p:COAUTHORED]->()
    USING INDEX p:COAUTHORED(lo, rank, hi)
    WHERE p.lo = r.id AND p.rank = afterKey AND p.hi > page.afterId AND afterKey <= floor
    WITH p ORDER BY p.lo, p.rank, p.hi LIMIT $limit
    RETURN p, p.rank AS rank, p.hi AS other
  UNION ALL
    MATCH ()-[p:COAUTHORED]->()
    USING INDEX p:COAUTHORED(lo, rank, hi)
    WHERE p.lo = r.id AND afterKey < p.rank <= floor AND p.hi IS NOT NULL
    WITH p ORDER BY p.lo, p.rank, p.hi LIMIT $limit
    RETURN p, p.rank AS rank, p.hi AS other
  UNION ALL
    MATCH ()-[p:COAUTHORED]->()
    USING INDEX p:COAUTHORED(hi, rank, lo)
    WHERE p.hi = r.id AND p.rank = afterKey AND p.lo > page.afterId AND afterKey <= floor
    WITH p ORDER BY p.hi, p.rank, p.lo LIMIT $limit
    RETURN p, p.rank AS rank, p.lo AS other
  UNION ALL
    MATCH ()-[p:COAUTHORED]->()
    USING INDEX p:COAUTHORED(hi, rank, lo)
    WHERE p.hi = r.id AND afterKey < p.rank <= floor AND p.lo IS NOT NULL
    WITH p ORDER BY p.hi, p.rank, p.lo LIMIT $limit
    RETURN p, p.rank AS rank, p.lo AS other
  }
  WITH p ORDER BY rank, other
  // One row even when the page is empty (an aggregate without grouping keys).
  RETURN collect(p) AS merged
}
WITH page, r, floor, merged[0..page.first + 1] AS slice
CALL (page, r, floor) {
  WITH r WHERE page.minShared <= 1
  RETURN COUNT { (r)-[:COAUTHORED]-() } AS total
UNION ALL
  WITH r WHERE page.minShared = 2
  RETURN coalesce(r.closeCoauthors, 0) AS total
UNION ALL
  WITH r, floor WHERE page.minShared > 2
  RETURN COUNT {
           MATCH ()-[p:COAUTHORED]->() USING INDEX p:COAUTHORED(lo, rank, hi)
           WHERE p.lo = r.id AND p.rank <= floor AND p.hi IS NOT NULL
         } + COUNT {
           MATCH ()-[p:COAUTHORED]->() USING INDEX p:COAUTHORED(hi, rank, lo)
           WHERE p.hi = r.id AND p.rank <= floor AND p.lo IS NOT NULL
         } AS total
}
CALL (r, slice) {
  UNWIND slice AS p
  WITH p, CASE WHEN p.lo = r.id THEN endNode(p) ELSE startNode(p) END AS c
  RETURN collect({
    researcher: properties(c),
    claimed: c.ownerId IS NOT NULL,
    // The kept currentInstitutionId (see set_current_affiliations).
    affiliation: head(COLLECT {
      MATCH (i:Institution {id: c.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
    }),
    shared: p.works, latestYear: p.latestYear, sortKey: p.rank
  }) AS coauthors
}
RETURN page.index AS index, total, coauthors
