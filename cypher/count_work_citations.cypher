// How many works each work cites and how many cite it, among the imported works (degree
// look-ups: constant time even for a work cited 100,000 times).
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, references, citations.
UNWIND $ids AS id
MATCH (w:Work {id: id})
RETURN id, COUNT { (w)-[:CITES]->() } AS references, COUNT { (w)<-[:CITES]-() } AS citations
