// Renames an owner's confirmation of an authorship from AUTHORED.verified (and verifiedAt), as
// older stores wrote it, to AUTHORED.confirmed (and confirmedAt), the API's name for it. Once
// per store (ingest/upgrades.py), in transactions of 10,000 authorships; only confirmed
// authorships carry the property, so it scans the authorships once and writes few.
// Parameters: none.
// Returns: nothing.
MATCH (:Researcher)-[a:AUTHORED]->(:Work) WHERE a.verified IS NOT NULL
CALL (a) {
  SET a.confirmed = a.verified, a.confirmedAt = a.verifiedAt
  REMOVE a.verified, a.verifiedAt
} IN TRANSACTIONS OF 10000 ROWS
