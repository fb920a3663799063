// One page of the works of each owner (a researcher's authored works, a topic's works, an
// institution's works), by keyset: rows after the cursor's (sortKey, id).
// The sort key folds the three orders into one ascending number so one statement serves all:
// YEAR_DESC -> -year, YEAR_ASC -> year, CITED_BY_DESC -> -citedByCount (missing values last).
// Parameters: $pages: [{index, ownerId, first, order, afterKey (float or null),
//   afterId (string or null)}]
// Returns: one row per page whose owner exists: index, total (all works of the owner),
//   works: [{work (all properties), sortKey}] with at most first + 1 entries (the extra one
//   only tells that a next page exists).
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
RETURN page.index AS index,
       COUNT { (o)-[:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-(:Work) } AS total,
       [entry IN slice | {work: properties(entry.work), sortKey: entry.sortKey}] AS works
