// Creates or updates researchers from author records, with their imported affiliations.
// Idempotent. Fields a researcher's owner may edit (description, openToCollaborate) and the
// verification level are only filled when empty, so a re-import never overwrites them, and
// affiliations an owner set (source 'owner') are left alone.
// The caller runs set_current_affiliations after it in the same transaction (for the rows' ids).
// Parameters: $rows: [{id, name, orcid, worksCount, citedByCount, hIndex, i10Index,
//   description, openToCollaborate, affiliations: [{id, name, country, type, ror, since, until, current}]}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (r:Researcher {id: row.id})
SET r.name = row.name, r.orcid = row.orcid, r.worksCount = row.worksCount,
    r.citedByCount = row.citedByCount, r.hIndex = row.hIndex, r.i10Index = row.i10Index,
    r.description = coalesce(r.description, row.description),
    r.openToCollaborate = coalesce(r.openToCollaborate, row.openToCollaborate, false),
    r.verification = coalesce(r.verification, 'L1')
WITH r, row
CALL (r, row) {
  MATCH (r)-[old:AFFILIATED_WITH {source: 'import'}]->(i:Institution)
  WHERE NOT i.id IN [a IN row.affiliations | a.id]
  DELETE old
}
CALL (r, row) {
  UNWIND row.affiliations AS a
  MERGE (i:Institution {id: a.id})
  ON CREATE SET i.name = a.name, i.country = a.country, i.type = a.type, i.ror = a.ror,
                i.domain = a.domain
  MERGE (r)-[e:AFFILIATED_WITH {source: 'import'}]->(i)
  SET e.since = a.since, e.until = a.until, e.current = a.current
}
