// What a claim's evidence is checked against: the researcher's ORCID and the web domains of
// the institutions stated on the researcher's OWN authorships (AUTHORED.institutionIds) and of
// their imported affiliations. Institutions a work states for co-authors only, and
// affiliations an owner set by hand (source 'owner'), are never evidence.
// Parameters: $researcherId: string
// Returns: one row when the researcher exists: orcid (string or null, as imported),
//   domains: [string] (distinct, as stored).
MATCH (r:Researcher {id: $researcherId})
RETURN r.orcid AS orcid,
       COLLECT {
         MATCH (r)-[a:AUTHORED]->(:Work)
         UNWIND a.institutionIds AS institutionId
         MATCH (i:Institution {id: institutionId})
         WHERE i.domain IS NOT NULL
         RETURN i.domain AS domain
         UNION
         MATCH (r)-[a:AFFILIATED_WITH {source: 'import'}]->(i:Institution)
         WHERE i.domain IS NOT NULL
         RETURN i.domain AS domain
       } AS domains
