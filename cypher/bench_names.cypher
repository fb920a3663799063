// For the load benchmark: researcher names to search for, spread over the graph.
// Parameters: $n: int
// Returns: one row per name: name.
MATCH (r:Researcher)
WITH r ORDER BY r.id
WITH collect(r.name) AS names
UNWIND range(0, $n - 1) AS i
RETURN names[toInteger(i * size(names) / $n)] AS name
