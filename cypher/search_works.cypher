// Full-text search over work titles (index work_title), best match first, keyset-paged by
// (score, id).
// Parameters: $query: a Lucene query built by the service from escaped terms,
//   $depth: int (only the $depth best matches are ranked: Lucene keeps them in a bounded
//   queue, so a word that matches half the graph costs what a rare one does),
//   $first: int, $afterScore: float or null, $afterId: string or null
// Returns: up to $first + 1 rows: work (all properties), score.
CALL db.index.fulltext.queryNodes('work_title', $query, {limit: $depth}) YIELD node, score
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId)
WITH node AS w, score
ORDER BY score DESC, w.id
LIMIT $first + 1
RETURN properties(w) AS work, score
