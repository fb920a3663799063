// Which version of the stored aggregates the store holds, from its marker node
// (:Meta {id: 'aggregates'}): coauthored is the version of the COAUTHORED pairs, studies the
// version of the STUDIES topic shares, currentAffiliation the version of the kept
// currentInstitutionId properties, each null when they were never built (a store imported before they
// were kept).
// Parameters: none.
// Returns: one row: coauthored (int or null), studies (int or null), currentAffiliation (int or
//   null), researchers (how many researchers: a count-store look-up).
OPTIONAL MATCH (m:Meta {id: 'aggregates'})
RETURN m.coauthored AS coauthored, m.studies AS studies,
       m.currentAffiliation AS currentAffiliation, COUNT { (:Researcher) } AS researchers
