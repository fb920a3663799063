// Creates or updates topics. Idempotent.
// Parameters: $rows: [{id, name, subfield, field, domain, description}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name, t.subfield = row.subfield, t.field = row.field, t.domain = row.domain,
    t.description = row.description
