// Researcher records whose works fall in fields with no stated affiliation in common: the
// candidates for the identity analysis (resolvers/identity.py gives the full verdict).
// Parameters: $limit: int
// Returns: researcherId, name, fields, affiliations (institution names stated on their
//   authorships), works; the most fields first.
MATCH (r:Researcher)-[a:AUTHORED]->(w:Work)-[:HAS_TOPIC]->(t:Topic)
WITH r, collect(DISTINCT t.field) AS fields, count(DISTINCT w) AS works,
     collect(DISTINCT a.institutionIds) AS stated
WHERE size(fields) > 1
WITH r, fields, works, reduce(acc = [], ids IN stated | acc + ids) AS institutionIds
CALL (institutionIds) {
  UNWIND institutionIds AS iid
  MATCH (i:Institution {id: iid})
  RETURN collect(DISTINCT i.name) AS affiliations
}
RETURN r.id AS researcherId, r.name AS name, fields, affiliations, works
ORDER BY size(fields) DESC, size(affiliations) DESC, works DESC, researcherId
LIMIT $limit
