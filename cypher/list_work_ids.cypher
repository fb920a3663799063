// Work ids in id order, a page at a time (keyset: the ids after $afterId), read from the id
// index in its own order: the once-per-store build of the works pages' keys visits every work
// this way, a batch per transaction.
// Parameters: $afterId: string ('' for the first page), $first: int
// Returns: up to $first rows: id, ascending.
MATCH (w:Work)
WHERE w.id > $afterId
RETURN w.id AS id
ORDER BY id
LIMIT $first
