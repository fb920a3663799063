// The two ends of a connectionPath search and how many works each authored: the search
// expands first from the end (then the frontier) that authored fewer.
// Parameters: $ids: [string] (researcher ids)
// Returns: one row per id that exists: id, works (int, its AUTHORED relationships)
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, COUNT { (r)-[:AUTHORED]->() } AS works
