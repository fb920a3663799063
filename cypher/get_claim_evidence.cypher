// What a claim's evidence is checked against: the researcher's ORCID and the web domains of
// every institution stated on their works (on their own authorships or the works' lists).
// Parameters: $researcherId: string
// Returns: one row when the researcher exists: orcid, domains: [string].
MATCH (r:Researcher {id: $researcherId})
RETURN r.orcid AS orcid,
       COLLECT {
         MATCH (r)-[:AUTHORED]->(:Work)-[:HAS_INSTITUTION]->(i:Institution)
         WHERE i.domain IS NOT NULL
         RETURN DISTINCT i.domain
       } + COLLECT {
         MATCH (r)-[:AFFILIATED_WITH]->(i:Institution) WHERE i.domain IS NOT NULL
         RETURN DISTINCT i.domain
       } AS domains
