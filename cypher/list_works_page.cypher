// One page of the works of each owner (a researcher's authored works, a topic's works, an
// institution's works), by keyset: rows after the cursor's (sortKey, id).
// The sort key folds the three orders into one ascending number so one statement serves all:
// YEAR_DESC -> -year, YEAR_ASC -> year, CITED_BY_DESC -> -citedByCount (missing values last).
// Parameters: $pages: [{index, ownerId, first, order, afterKey (float or null),
//   afterId (string or null)}]
// Returns: one row per page whose owner exists: index, total (all works of the owner),
//   works: [{work (all properties), sortKey, authors: [as get_work_authors returns them],
//   topics: [{score, topic}]}] with at most first + 1 entries (the extra one only tells that
//   a next page exists).
UNWIND $pages AS page
CALL (page) {
  MATCH (o:Researcher {id: page.ownerId}) RETURN o
  UNION
  MATCH (o:Topic {id: page.ownerId}) RETURN o
  UNION
  MATCH (o:Institution {id: page.ownerId}) RETURN o
}
// LIMIT cannot vary per row, so the ordered keys are collected and sliced; only the works
// inside the slice have their properties read.
WITH page, o, COLLECT {
  MATCH (o)-[:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-(w:Work)
  WITH w, CASE page.order
            WHEN 'YEAR_ASC' THEN toFloat(coalesce(w.year, 1e9))
            WHEN 'CITED_BY_DESC' THEN -toFloat(coalesce(w.citedByCount, -1))
            ELSE -toFloat(coalesce(w.year, -1e9))
          END AS sortKey
  WHERE page.afterKey IS NULL
     OR sortKey > page.afterKey
     OR (sortKey = page.afterKey AND w.id > page.afterId)
  WITH w, sortKey
  ORDER BY sortKey, w.id
  RETURN {work: w, sortKey: sortKey}
}[0..page.first + 1] AS slice
// Each work on the page comes with its ordered authors and its topics, as get_work_authors
// and get_work_topics return them: a page needs no further round trip for them. An author's
// current affiliation is one look-up: the kept currentInstitutionId (set_current_affiliations).
CALL (slice) {
  UNWIND slice AS entry
  WITH entry, entry.work AS w
  RETURN collect({
    work: properties(w),
    sortKey: entry.sortKey,
    authors: COLLECT {
      MATCH (w)<-[e:AUTHORED]-(r:Researcher)
      WITH e, r ORDER BY e.position
      RETURN {position: e.position, authorPosition: e.authorPosition, rawName: e.rawName,
              corresponding: e.corresponding, institutionIds: e.institutionIds,
              researcher: properties(r), claimed: r.ownerId IS NOT NULL,
              affiliation: head(COLLECT {
                MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
              })}
    },
    topics: COLLECT {
      MATCH (w)-[h:HAS_TOPIC]->(t:Topic)
      WITH h, t ORDER BY h.score DESC, t.id
      RETURN {score: h.score, topic: properties(t)}
    }
  }) AS works
}
// A degree look-up: every AUTHORED, HAS_TOPIC and HAS_INSTITUTION ends at a Work, and naming
// the label there would make the planner walk them all instead.
RETURN page.index AS index,
       COUNT { (o)-[:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-() } AS total,
       works
