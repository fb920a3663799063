// How big the graph is.
// Parameters: none.
// Returns: one row: nodes, relationships.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
