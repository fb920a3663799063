// The researchers of an institution (stated on their authorships) ranked by works there.
// Parameters: $institutionId: string, $limit: int
// Returns: researcherId, name, works, firstYear, lastYear; most works first.
MATCH (r:Researcher)-[a:AUTHORED]->(w:Work)
WHERE $institutionId IN a.institutionIds
RETURN r.id AS researcherId, r.name AS name, count(w) AS works, min(w.year) AS firstYear,
       max(w.year) AS lastYear
ORDER BY works DESC, researcherId
LIMIT $limit
