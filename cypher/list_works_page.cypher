// One page of the works of each owner (a researcher's authored works, a topic's works, an
// institution's works), by keyset: rows after the cursor's (sortKey, id).
// The sort key folds the three orders into one ascending number so one cursor shape serves
// all: YEAR_DESC -> -year, YEAR_ASC -> year, CITED_BY_DESC -> -citedByCount (missing values
// last). Each edge from a work to its owner keeps the keys (owner, workId, yearDesc, yearAsc,
// citedByDesc: see set_works_page_keys), and a range index per edge type and order,
// (owner, key, workId), hands over the owner's edges already in page order: a page costs the
// same whatever the owner's size. Of the branches below, the two that match the owner's kind
// and the page's order find entries: the rest of the cursor's tie (same key, larger work id),
// then the keys after it, each stopping after $limit; the two short lists are merged and sliced.
// Parameters: $limit: int (the largest first among $pages, plus 1: LIMIT takes no per-row
//   value), $pages: [{index, ownerId, first, order, afterKey (float or null),
//   afterId (string or null)}], $authors: int (the authors each work brings, its first ones)
// Returns: one row per page whose owner exists: index, total (all works of the owner),
//   works: [{work (all properties), sortKey, authorCount (all authorships of the work),
//   authors: [the first $authors, as get_work_authors returns them], topics: [{score, topic}]}]
//   with at most first + 1 entries (the extra one only tells that a next page exists).
UNWIND $pages AS page
CALL (page) {
  MATCH (o:Researcher {id: page.ownerId}) RETURN o, 'AUTHORED' AS kind
  UNION
  MATCH (o:Topic {id: page.ownerId}) RETURN o, 'HAS_TOPIC' AS kind
  UNION
  MATCH (o:Institution {id: page.ownerId}) RETURN o, 'HAS_INSTITUTION' AS kind
}
// The branch of the owner's kind and the page's order seeks the owner's id; every other one
// seeks null, which finds nothing (a filter before a seek would run after it, reading it all).
// No key is below -1e300: a first page's "after".
WITH page, o, kind, kind + ' ' + page.order AS branch,
     coalesce(page.afterKey, -1.0e300) AS afterKey, coalesce(page.afterId, '') AS afterId
CALL (o, branch, afterKey, afterId) {
  CALL (o, branch, afterKey, afterId) {
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED YEAR_DESC' THEN o.id END
      AND e.yearDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED YEAR_DESC' THEN o.id END
      AND afterKey < e.yearDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED YEAR_ASC' THEN o.id END
      AND e.yearAsc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED YEAR_ASC' THEN o.id END
      AND afterKey < e.yearAsc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED CITED_BY_DESC' THEN o.id END
      AND e.citedByDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  UNION ALL
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'AUTHORED CITED_BY_DESC' THEN o.id END
      AND afterKey < e.citedByDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC YEAR_DESC' THEN o.id END
      AND e.yearDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC YEAR_DESC' THEN o.id END
      AND afterKey < e.yearDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC YEAR_ASC' THEN o.id END
      AND e.yearAsc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC YEAR_ASC' THEN o.id END
      AND afterKey < e.yearAsc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC CITED_BY_DESC' THEN o.id END
      AND e.citedByDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_TOPIC]->() USING INDEX e:HAS_TOPIC(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_TOPIC CITED_BY_DESC' THEN o.id END
      AND afterKey < e.citedByDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION YEAR_DESC' THEN o.id END
      AND e.yearDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, yearDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION YEAR_DESC' THEN o.id END
      AND afterKey < e.yearDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearDesc, e.workId LIMIT $limit
    RETURN e, e.yearDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION YEAR_ASC' THEN o.id END
      AND e.yearAsc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, yearAsc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION YEAR_ASC' THEN o.id END
      AND afterKey < e.yearAsc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.yearAsc, e.workId LIMIT $limit
    RETURN e, e.yearAsc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION CITED_BY_DESC' THEN o.id END
      AND e.citedByDesc = afterKey AND e.workId > afterId
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  UNION ALL
    MATCH ()-[e:HAS_INSTITUTION]->() USING INDEX e:HAS_INSTITUTION(owner, citedByDesc, workId)
    WHERE e.owner = CASE branch WHEN 'HAS_INSTITUTION CITED_BY_DESC' THEN o.id END
      AND afterKey < e.citedByDesc AND e.workId IS NOT NULL
    WITH e ORDER BY e.owner, e.citedByDesc, e.workId LIMIT $limit
    RETURN e, e.citedByDesc AS sortKey
  }
  WITH e, sortKey ORDER BY sortKey, e.workId
  // One row even when the page is empty (an aggregate without grouping keys).
  RETURN collect({edge: e, sortKey: sortKey}) AS merged
}
WITH page, o, kind, merged[0..page.first + 1] AS slice
// Each work on the page comes with its first $authors authors and its topics, as
// get_work_authors and get_work_topics return them: a page needs no further round trip for
// them. The authors are a seek of the range index on AUTHORED (workId, position) that stops
// after $authors, and authorCount the work's degree: a collaboration of thousands costs what a
// paper of three does. An author's current affiliation is one look-up: the kept
// currentInstitutionId (set_current_affiliations).
CALL (kind, slice) {
  UNWIND slice AS entry
  WITH entry, CASE kind WHEN 'AUTHORED' THEN endNode(entry.edge) ELSE startNode(entry.edge) END AS w
  CALL (w) {
    MATCH ()-[e:AUTHORED]->() USING INDEX e:AUTHORED(workId, position)
    WHERE e.workId = w.id AND e.position > 0
    WITH e ORDER BY e.workId, e.position LIMIT $authors
    WITH e, startNode(e) AS r
    RETURN collect({sortKey: toFloat(e.position), position: e.position,
            authorPosition: e.authorPosition, rawName: e.rawName,
            corresponding: e.corresponding, institutionIds: e.institutionIds,
            researcher: properties(r), claimed: r.ownerId IS NOT NULL,
            affiliation: head(COLLECT {
              MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
            })}) AS authors
  }
  RETURN collect({
    work: properties(w),
    sortKey: entry.sortKey,
    authorCount: COUNT { (w)<-[:AUTHORED]-() },
    authors: authors,
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
