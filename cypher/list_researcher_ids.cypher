// Researcher ids in id order, a page at a time (keyset: the ids after $afterId), read from the
// id index in its own order: for work that visits every researcher in batches of its own, such
// as the once-per-store build of the kept current affiliations.
// Parameters: $afterId: string ('' for the first page), $first: int
// Returns: up to $first rows: id, ascending.
MATCH (r:Researcher)
WHERE r.id > $afterId
RETURN r.id AS id
ORDER BY id
LIMIT $first
