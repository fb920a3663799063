// Records on the marker node (:Meta {id: 'aggregates'}) that stored aggregates are built, at
// these versions; from then on the statements that change authorships, work topics and
// affiliations keep them right. A null parameter leaves that version as it is.
// Parameters: $coauthored: int or null (COAUTHORED pairs), $studies: int or null (STUDIES shares),
//   $currentAffiliation: int or null (currentInstitutionId properties)
// Returns: nothing.
MERGE (m:Meta {id: 'aggregates'})
SET m.coauthored = coalesce($coauthored, m.coauthored), m.studies = coalesce($studies, m.studies),
    m.currentAffiliation = coalesce($currentAffiliation, m.currentAffiliation)
