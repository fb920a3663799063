// A page of each researcher's topics, ranked by how many of their works carry each, then by
// topic id, keyset-paged: read from the stored shares (STUDIES {works}, kept by the statements
// that change authorships and work topics), so the cost follows the researcher's topics, never
// its works. The sort key is -works (ascending, like every page's).
// Parameters: $limit: int (the largest first among $pages, plus 1: LIMIT takes no per-row
//   value), $pages: [{index, ownerId, first, afterKey (float or null), afterId (string or
//   null)}]
// Returns: one row per page whose researcher exists: index, total (all the researcher's topics:
//   its STUDIES degree), topics: [{topic (all properties), works, sortKey}] by works descending,
//   then topic id, at most first + 1 (the extra one only tells that a next page exists).
UNWIND $pages AS page
MATCH (r:Researcher {id: page.ownerId})
RETURN page.index AS index, COUNT { (r)-[:STUDIES]->() } AS total, COLLECT {
  MATCH (r)-[s:STUDIES]->(t)
  WITH t, s.works AS works, -toFloat(s.works) AS sortKey
  WHERE page.afterKey IS NULL OR sortKey > page.afterKey
     OR (sortKey = page.afterKey AND t.id > page.afterId)
  ORDER BY sortKey, t.id
  LIMIT $limit
  RETURN {topic: properties(t), works: works, sortKey: sortKey}
} AS topics
