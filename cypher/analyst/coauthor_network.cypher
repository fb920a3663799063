// A researcher's co-author network with weights: every pair among the researcher and their
// co-authors that wrote works together, weighted by shared works.
// Parameters: $researcherId: string, $limit: int (pairs)
// Returns: source, target (researcher ids), sourceName, targetName, sharedWorks; heaviest first.
MATCH (r:Researcher {id: $researcherId})-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
WITH r, collect(DISTINCT c) + r AS people
UNWIND people AS a
MATCH (a)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(b:Researcher)
WHERE b IN people AND a.id < b.id
RETURN a.id AS source, b.id AS target, a.name AS sourceName, b.name AS targetName, count(w) AS sharedWorks
ORDER BY sharedWorks DESC, source, target
LIMIT $limit
