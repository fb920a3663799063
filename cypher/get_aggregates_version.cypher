// Which versions of the kept aggregates and property names the store holds, from its marker
// node (:Meta {id: 'aggregates'}): see KEPT in ingest/upgrades.py. A store written before
// the marker existed has none.
// Parameters: none.
// Returns: one row: versions (map of marker property -> int; empty without a marker),
//   researchers, works (how many: count-store look-ups).
OPTIONAL MATCH (m:Meta {id: 'aggregates'})
RETURN CASE WHEN m IS NULL THEN {} ELSE properties(m) END AS versions,
       COUNT { (:Researcher) } AS researchers, COUNT { (:Work) } AS works
