// Full-text search over researcher names (index researcher_name), best match first,
// keyset-paged by (score, id).
// Parameters: $query: a Lucene query built by the service from escaped terms,
//   $depth: int (only the $depth best matches are ranked: Lucene keeps them in a bounded
//   queue, so a word that matches half the graph costs what a rare one does),
//   $first: int, $afterScore: float or null, $afterId: string or null
// Returns: up to $first + 1 rows: researcher (all properties), claimed, affiliation, score.
CALL db.index.fulltext.queryNodes('researcher_name', $query, {limit: $depth}) YIELD node, score
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId)
WITH node AS r, score
ORDER BY score DESC, r.id
LIMIT $first + 1
// The current affiliation is the kept currentInstitutionId (see set_current_affiliations).
RETURN properties(r) AS researcher, r.ownerId IS NOT NULL AS claimed,
       head(COLLECT {
         MATCH (i:Institution {id: r.currentInstitutionId}) RETURN i {.id, .name, .country, .type}
       }) AS affiliation,
       score
