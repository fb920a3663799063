// Creates or updates institutions. Idempotent.
// Parameters: $rows: [{id, name, country, type, ror, domain}] (domain: the homepage host)
// Returns: nothing.
UNWIND $rows AS row
MERGE (i:Institution {id: row.id})
SET i.name = row.name, i.country = row.country, i.type = row.type, i.ror = row.ror,
    i.domain = row.domain
