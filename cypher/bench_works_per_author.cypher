// For the benchmarks: every researcher ordered by how many works they wrote.
// Parameters: none.
// Returns: one row: ids (fewest works first), counts (the works of each).
MATCH (r:Researcher)
WITH r, COUNT { (r)-[:AUTHORED]->() } AS n
WHERE n > 0
ORDER BY n, r.id
RETURN collect(r.id) AS ids, collect(n) AS counts
